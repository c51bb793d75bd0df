// Planning benchmark on a 10,000-site register clustered in 50 industrial areas, with 10,000 imported
// receptors: (1) planning reviews of 1,000 developments through the sites R*Tree vs the same core
// over every site; (2) zones + receptors of 200 sites through the R*Trees vs over every receptor;
// (3) border and natech screening of the whole register. Writes bench/out/planning.json.
// Usage: npm run bench:planning   (needs the built database; works on a temp copy)
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Point, Polygon } from 'geojson';
import { borderScreen, natechScreen, planningReview } from '../server/app/planning.js';
import { siteZones } from '../server/app/zones.js';
import { dbPathFromEnv } from '../server/config.js';
import { localProjection } from '../server/core/planning/local-projection.js';
import type { ReceptorFields } from '../server/core/planning/receptor-schema.js';
import { reviewDevelopment } from '../server/core/planning/review.js';
import { receptorsInZones } from '../server/core/planning/site-zones.js';
import { consultationZones as table } from '../server/core/planning/tables.js';
import { zonesFor } from '../server/core/planning/zone-table.js';
import { createServices } from '../server/runtime/services.js';
import { openDb } from '../server/storage/db.js';
import { allSiteShapes, receptorCandidates } from '../server/storage/planning-read.js';
import { insertReceptors } from '../server/storage/receptor-store.js';

const SITES = 10_000;
const RECEPTORS = 10_000;
const CLUSTERS = 50;
const REVIEWS = 1_000;
/** The naive baseline costs ~1 s per review (a projection per site), so it runs on the first 50. */
const NAIVE_REVIEWS = 50;
const ZONE_RUNS = 200;
const SECTORS = ['chemical', 'refinery', 'fertiliser', 'oil_gas_storage', 'energy', 'waste'];

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

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
}

/** The use cases answer Promises (the store is asynchronous); on SQLite they settle at once. */
async function timedAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, performance.now() - t0];
}

async function main(): Promise<void> {
  const source = dbPathFromEnv();
  if (!fs.existsSync(source)) throw new Error(`${source} is missing; run npm run build:db first.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-bench-'));
  try {
    const file = path.join(dir, 'bench.sqlite');
    fs.copyFileSync(source, file);
    const r = rng(7);
    // Industrial areas in Europe and Central Asia; sites and receptors within ~15 km of their centre.
    const centres = Array.from({ length: CLUSTERS }, () => ({ lon: -5 + r() * 75, lat: 38 + r() * 20 }));
    const near = (c: { lon: number; lat: number }, km: number): [number, number] =>
      localProjection(c.lon, c.lat).toWgs84((r() * 2 - 1) * km * 1000, (r() * 2 - 1) * km * 1000);

    const db = openDb(file);
    const now = new Date().toISOString();
    const maxRid = (db.prepare('SELECT COALESCE(MAX(rid), 0) FROM sites').pluck().get() as number) + 1;
    db.transaction(() => {
      const site =
        db.prepare(`INSERT INTO sites (id, rid, name, search_text, name_key, kind, sector, status, lon, lat,
        created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'hazardous_activity', ?, 'operating', ?, ?, ?, ?)`);
      const rt = db.prepare(
        'INSERT INTO sites_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)',
      );
      const der = db.prepare(`INSERT INTO site_derived (site_id, annex_i_hazardous, distance_to_border_km,
        km_to_first_border, downstream_countries, derived_at) VALUES (?, ?, ?, ?, '[]', ?)`);
      for (let i = 0; i < SITES; i++) {
        const [lon, lat] = near(centres[i % CLUSTERS]!, 15);
        const id = randomUUID();
        const name = `Bench plant ${i}`;
        site.run(
          id,
          maxRid + i,
          name,
          name.toLowerCase(),
          name.toLowerCase(),
          SECTORS[i % SECTORS.length],
          lon,
          lat,
          now,
          now,
        );
        rt.run(maxRid + i, lon, lon, lat, lat);
        der.run(id, i % 3 === 0 ? 1 : 0, r() * 300, r() < 0.5 ? r() * 500 : null, now);
      }
    })();
    const receptors: ReceptorFields[] = Array.from({ length: RECEPTORS }, (_, i) => {
      const [lon, lat] = near(centres[i % CLUSTERS]!, 15);
      return {
        kind: 'school',
        name: `Bench school ${i}`,
        population: 500,
        geometry: { type: 'Point', coordinates: [lon, lat] },
        properties: {},
        lon,
        lat,
        bbox: [lon, lat, lon, lat],
      };
    });
    insertReceptors(db, receptors);
    db.close();

    const services = createServices({ dbPath: file });
    try {
      const everySite = allSiteShapes(services.db);
      console.log(`register: ${everySite.length} sites, ${RECEPTORS} receptors in ${CLUSTERS} areas`);

      // 1. Planning reviews: half points, half 400 m squares, near a random area.
      const devs = Array.from({ length: REVIEWS }, (_, i) => {
        const c = centres[i % CLUSTERS]!;
        const [lon, lat] = near(c, 15);
        const p = localProjection(lon, lat);
        const geometry: Point | Polygon =
          i % 2 === 0
            ? { type: 'Point', coordinates: [lon, lat] }
            : {
                type: 'Polygon',
                coordinates: [
                  [
                    p.toWgs84(0, 0),
                    p.toWgs84(400, 0),
                    p.toWgs84(400, 400),
                    p.toWgs84(0, 400),
                    p.toWgs84(0, 0),
                  ],
                ],
              };
        return { geometry, developmentType: 'housing', name: null };
      });
      const indexedMs: number[] = [];
      const naiveMs: number[] = [];
      let hits = 0;
      let mismatches = 0;
      for (const [i, dev] of devs.entries()) {
        const [a, ta] = await timedAsync(() => planningReview(services, dev));
        indexedMs.push(ta);
        hits += a.sites.length;
        if (i >= NAIVE_REVIEWS) continue;
        const [b, tb] = timed(() => reviewDevelopment(table, dev, everySite));
        naiveMs.push(tb);
        if (a.verdict !== b.verdict || a.sites.length !== b.sites.length) mismatches += 1;
      }

      // 2. Zones and receptors of 200 sites.
      const allCandidates = receptorCandidates(services.db, [-180, -90, 180, 90]);
      const zoneIndexed: number[] = [];
      const zoneNaive: number[] = [];
      let receptorHits = 0;
      for (let i = 0; i < ZONE_RUNS; i++) {
        const s = everySite[Math.floor(r() * everySite.length)]!;
        const [z, ta] = await timedAsync(() => siteZones(services, s.id));
        const [found, tb] = timed(() => receptorsInZones(s, zonesFor(table, s), allCandidates));
        zoneIndexed.push(ta);
        zoneNaive.push(tb);
        const n = Object.values(z?.receptors ?? {}).flat().length;
        receptorHits += n;
        if (n !== found.length) mismatches += 1;
      }

      // 3. Screening of the whole register.
      const [border, borderMs] = await timedAsync(() => borderScreen(services, 50));
      const [natech, natechMs] = await timedAsync(() => natechScreen(services, 500));

      const row = (label: string, xs: number[]) =>
        `| ${label.padEnd(44)} | ${pct(xs, 50).toFixed(3).padStart(8)} | ${pct(xs, 99).toFixed(3).padStart(8)} |`;
      console.log(
        `\n1. Planning review of ${REVIEWS} developments (${(hits / REVIEWS).toFixed(1)} sites touched each)`,
      );
      console.log(`| ${'variant'.padEnd(44)} |   p50 ms |   p99 ms |`);
      console.log(row('sites R*Tree candidates + exact distance', indexedMs));
      console.log(row(`naive: all ${everySite.length} sites (${NAIVE_REVIEWS} runs)`, naiveMs));
      console.log(`   ratio naive / indexed at p50: ${(pct(naiveMs, 50) / pct(indexedMs, 50)).toFixed(1)}×`);
      console.log(
        `\n2. Zones + receptors for ${ZONE_RUNS} sites (${(receptorHits / ZONE_RUNS).toFixed(1)} receptors each)`,
      );
      console.log(row('R*Tree candidates (places + receptors)', zoneIndexed));
      console.log(row(`naive: all ${allCandidates.length} places and receptors`, zoneNaive));
      console.log(
        `   ratio naive / indexed at p50: ${(pct(zoneNaive, 50) / pct(zoneIndexed, 50)).toFixed(1)}×`,
      );
      console.log(
        `\n3. Screening of ${everySite.length} sites: border ${borderMs.toFixed(0)} ms (${border.total} flagged), natech ${natechMs.toFixed(0)} ms (${natech.total} flagged)`,
      );
      console.log(`answers differing between indexed and naive: ${mismatches}`);

      fs.mkdirSync(path.join(process.cwd(), 'bench/out'), { recursive: true });
      fs.writeFileSync(
        path.join(process.cwd(), 'bench/out/planning.json'),
        `${JSON.stringify(
          {
            sites: everySite.length,
            receptors: RECEPTORS,
            review: {
              runs: REVIEWS,
              indexed: { p50: pct(indexedMs, 50), p99: pct(indexedMs, 99) },
              naive: { runs: NAIVE_REVIEWS, p50: pct(naiveMs, 50), p99: pct(naiveMs, 99) },
            },
            zones: {
              runs: ZONE_RUNS,
              indexed: { p50: pct(zoneIndexed, 50), p99: pct(zoneIndexed, 99) },
              naive: { p50: pct(zoneNaive, 50), p99: pct(zoneNaive, 99) },
            },
            screening: { borderMs, natechMs },
            mismatches,
          },
          null,
          2,
        )}\n`,
      );
      console.log('wrote bench/out/planning.json');
    } finally {
      services.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
