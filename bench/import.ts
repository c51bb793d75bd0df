// Import memory benchmark: a large generated CSV and GeoJSON register (150,000 rows each by default),
// imported as a dry run (validation + duplicate checks, no storing) the old way — the whole file
// parsed in memory — and the streamed way, each in its own process: time and peak RSS above the
// services' own footprint, in one run.
// Usage: npx tsx bench/import.ts [--rows N]   (needs the built data/hazatlas.sqlite; works on a temp copy)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbPathFromEnv } from '../server/config.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 150_000;

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-bench-import-'));
const dbPath = path.join(dir, 'hazatlas.sqlite');
fs.copyFileSync(dbPathFromEnv(), dbPath);

// Sites across the Danube basin (15–29 E, 43–49 N), each with one substance, like a national register.
const random = rng(14);
const site = (i: number) => ({
  name: `Bench site ${i}`,
  kind: 'hazardous_activity',
  sector: 'chemical',
  status: 'operating',
  operator: `Operator ${i % 997}`,
  sources: 'https://example.org/national-register',
  lon: (15 + random() * 14).toFixed(5),
  lat: (43 + random() * 6).toFixed(5),
});
const csvFile = path.join(dir, 'sites.csv');
const csv = fs.createWriteStream(csvFile);
csv.write(
  'name,kind,sector,status,operator,sources,lon,lat,substance_name,substance_quantity_t,substance_wgk\n',
);
for (let i = 0; i < ROWS; i++) {
  const s = site(i);
  csv.write(
    `${s.name},${s.kind},${s.sector},${s.status},${s.operator},${s.sources},${s.lon},${s.lat},Chlorine,${1 + (i % 90)},2\n`,
  );
}
await new Promise<void>((resolve) => csv.end(resolve));
const geoFile = path.join(dir, 'sites.geojson');
const geo = fs.createWriteStream(geoFile);
geo.write('{"type":"FeatureCollection","features":[\n');
for (let i = 0; i < ROWS; i++) {
  const { lon, lat, ...props } = site(i);
  const f = {
    type: 'Feature',
    properties: {
      ...props,
      substances: [{ name: 'Chlorine', quantityTonnes: 1 + (i % 90), wgk: 2, estimate: false }],
    },
    geometry: { type: 'Point', coordinates: [Number(lon), Number(lat)] },
  };
  geo.write(`${i ? ',\n' : ''}${JSON.stringify(f)}`);
}
geo.write('\n]}\n');
await new Promise<void>((resolve) => geo.end(resolve));

interface Run {
  ms: number;
  accepted: number;
  rejected: number;
  maxRssMb: number;
  baseRssMb: number;
}
function run(mode: 'whole' | 'stream' | 'none', format: 'csv' | 'geojson', file: string): Run {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench/import-child.ts'), mode, format, file, dbPath],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop() as string) as Run;
}

const results: Record<string, unknown> = { rows: ROWS };
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
console.log(
  `Import of ${ROWS} generated sites, dry run (validate + duplicate checks), each in its own process`,
);
const none = run('none', 'csv', csvFile);
console.log(`services alone: peak RSS ${none.maxRssMb.toFixed(0)} MB`);
for (const [format, file] of [
  ['csv', csvFile],
  ['geojson', geoFile],
] as const) {
  const size = fs.statSync(file).size;
  console.log(`\n${format.toUpperCase()} ${mb(size)} MB`);
  for (const mode of ['whole', 'stream'] as const) {
    const r = run(mode, format, file);
    const above = r.maxRssMb - none.maxRssMb;
    console.log(
      `  ${mode === 'whole' ? 'whole file (before)' : 'streamed (after)   '}  ${(r.ms / 1000).toFixed(1)} s  peak RSS ${r.maxRssMb.toFixed(0)} MB (+${above.toFixed(0)} MB over the services)  accepted ${r.accepted}`,
    );
    results[`${format}.${mode}`] = { ...r, fileMb: size / 2 ** 20, aboveServicesMb: above };
  }
}
console.log(`\nmachine load average (1 min) ${os.loadavg()[0]?.toFixed(2)} on ${os.cpus().length} cores`);
fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/out/import.json'), `${JSON.stringify(results, null, 2)}\n`);
fs.rmSync(dir, { recursive: true, force: true });
