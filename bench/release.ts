// Benchmark: trace with a release (discharge along the path, plume, profile, threshold) against the
// plain trace from the same 300 seeded river points, and against anchoring the discharge table per
// request instead of once at load (the naive way). Prints p50/p99; writes bench/out/release.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTrace } from '../server/core/trace/trace-request.js';
import { anchorDischarge } from '../server/core/transport/discharge-table.js';
import { resolveRelease } from '../server/core/transport/release.js';
import { createServices } from '../server/services.js';
import { dbPathFromEnv } from '../server/storage/db.js';
import { readDischargeTable } from '../server/storage/discharge-loader.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = 300;

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

function main(): void {
  const s = createServices({ dbPath: dbPathFromEnv() });
  const rand = rng(7);
  const points: [number, number][] = [];
  while (points.length < N) {
    const r = s.network.reaches[Math.floor(rand() * s.network.reaches.length)]!;
    const i = Math.floor(rand() * (r.coords.length / 2));
    points.push([r.coords[2 * i]!, r.coords[2 * i + 1]!]);
  }
  points.push([16.37, 48.21], [76.0, 41.43]); // Vienna → Black Sea, Naryn → Aral Sea
  const resolved = resolveRelease({ releaseKg: 10000, limitMgL: 0.01 });
  if (!resolved.ok) throw new Error(resolved.message);
  const release = resolved.release;
  const table = readDischargeTable();

  const time = (f: () => void) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const plain: number[] = [];
  const withRelease: number[] = [];
  const naive: number[] = [];
  let lengthKm = 0;
  for (const [lon, lat] of points) {
    plain.push(time(() => runTrace(s.network, s.land, { lon, lat })));
    withRelease.push(
      time(() => {
        const o = runTrace(s.network, s.land, { lon, lat, release }, s.discharge);
        if (o.ok) lengthKm += o.result.lengthKm;
      }),
    );
    naive.push(
      time(() => runTrace(s.network, s.land, { lon, lat, release }, anchorDischarge(s.network, table))),
    );
  }
  const danube = withRelease[N]!;
  const naryn = withRelease[N + 1]!;
  const out = {
    points: points.length,
    meanPathKm: Math.round(lengthKm / points.length),
    plainTraceMs: { p50: pct(plain, 0.5), p99: pct(plain, 0.99) },
    withReleaseMs: { p50: pct(withRelease, 0.5), p99: pct(withRelease, 0.99) },
    naiveAnchorPerRequestMs: { p50: pct(naive, 0.5), p99: pct(naive, 0.99) },
    viennaToBlackSeaMs: danube,
    narynToAralMs: naryn,
    anchorTableOnceMs: time(() => anchorDischarge(s.network, table)),
  };
  const f = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`${out.points} traces, mean main path ${out.meanPathKm} km`);
  console.log(`plain trace            p50 ${f(out.plainTraceMs.p50)}  p99 ${f(out.plainTraceMs.p99)}`);
  console.log(`trace + release        p50 ${f(out.withReleaseMs.p50)}  p99 ${f(out.withReleaseMs.p99)}`);
  console.log(
    `naive (anchor per req) p50 ${f(out.naiveAnchorPerRequestMs.p50)}  p99 ${f(out.naiveAnchorPerRequestMs.p99)}  (${(out.naiveAnchorPerRequestMs.p50 / out.withReleaseMs.p50).toFixed(1)}× the p50)`,
  );
  console.log(
    `Vienna → Black Sea ${f(danube)}, Naryn → Aral Sea ${f(naryn)}; anchoring the table once ${f(out.anchorTableOnceMs)}`,
  );
  fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/out/release.json'), `${JSON.stringify(out, null, 2)}\n`);
  s.close();
}

main();
