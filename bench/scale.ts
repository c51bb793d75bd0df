// Scale benchmark of the compact network engine: generates a seeded synthetic HydroRIVERS-schema
// network of N reaches, builds the compact artifact, then loads it in a fresh process and times
// snap + trace from 1,000 seeded points. Prints one JSON line:
// {reaches, vertices, buildS, loadS, rssMb, traceP50Ms, traceP99Ms}  (with --json only that line).
// Usage: npm run --silent bench:scale -- --reaches N [--json]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { syntheticCompactInput } from '../scripts/hydrorivers/synthetic-compact.js';
import { CompactNetwork } from '../server/core/network/compact-network.js';
import { readCompactNetwork, writeCompactNetwork } from '../server/storage/compact-file.js';

const { values } = parseArgs({
  options: {
    reaches: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    load: { type: 'string' },
  },
});

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

/** Child: load the artifact, then snap + trace from points ~100 m off random vertices. */
function loadAndTrace(file: string): void {
  const t0 = performance.now();
  const net = readCompactNetwork(file);
  const loadS = (performance.now() - t0) / 1000;
  const rand = rng(42);
  const c = net.a.coords;
  const ms: number[] = [];
  let missed = 0;
  for (let i = 0; i < 1000; i++) {
    const r = Math.floor(rand() * net.reachCount);
    const v =
      net.a.vertexStart[r]! + Math.floor(rand() * (net.a.vertexStart[r + 1]! - net.a.vertexStart[r]!));
    const lon = c[2 * v]! + (rand() - 0.5) * 0.002;
    const lat = c[2 * v + 1]! + (rand() - 0.5) * 0.002;
    const t = performance.now();
    const s = net.snap(lon, lat, 5);
    if (s) net.trace(s.reach, s.offsetKm);
    else missed++;
    ms.push(performance.now() - t);
  }
  process.stdout.write(
    JSON.stringify({
      loadS: Number(loadS.toFixed(2)),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
      traceP50Ms: Number(pct(ms, 0.5).toFixed(3)),
      traceP99Ms: Number(pct(ms, 0.99).toFixed(3)),
      missed,
    }),
  );
}

function main(): void {
  const reaches = Number(values.reaches);
  if (!Number.isInteger(reaches) || reaches < 1) throw new Error('--reaches must be a positive whole number');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-scale-'));
  const file = path.join(dir, 'network.bin');
  try {
    const t0 = performance.now();
    const net = CompactNetwork.build(syntheticCompactInput(reaches, Number(values.seed)));
    writeCompactNetwork(file, net);
    const buildS = (performance.now() - t0) / 1000;
    const vertices = net.a.coords.length / 2;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--load', file],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`load process failed: ${child.stderr}`);
    const loaded = JSON.parse(child.stdout) as {
      loadS: number;
      rssMb: number;
      traceP50Ms: number;
      traceP99Ms: number;
    };
    const result = {
      reaches,
      vertices,
      buildS: Number(buildS.toFixed(2)),
      loadS: loaded.loadS,
      rssMb: loaded.rssMb,
      traceP50Ms: loaded.traceP50Ms,
      traceP99Ms: loaded.traceP99Ms,
    };
    if (!values.json) {
      console.log(
        `artifact ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB; machine load average ${os.loadavg()[0]?.toFixed(1)}; ` +
          'targets: 1 M reaches load ≤ 5 s, RSS ≤ 800 MB, trace p50 ≤ 1 ms; 8.5 M load ≤ 40 s, RSS ≤ 4 GB',
      );
    }
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (values.load) loadAndTrace(values.load);
else main();
