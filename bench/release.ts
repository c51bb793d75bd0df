// Benchmark: trace with a release (discharge along the path, plume, profile, threshold) against the
// plain trace from the same 300 seeded river points; and the limit's crossing found by bisection
// (as the core does) against a naive scan every 100 m. Prints p50/p99; writes bench/out/release.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbPathFromEnv } from '../server/config.js';
import { snapToNetwork } from '../server/core/trace/snap.js';
import { mainPath } from '../server/core/trace/trace.js';
import { anchorDischarge } from '../server/core/transport/discharge-table.js';
import { dischargeAlongPath } from '../server/core/transport/path-discharge.js';
import { buildPlume, type Plume, plumeAt } from '../server/core/transport/plume.js';
import { resolveRelease } from '../server/core/transport/release.js';
import { runTrace } from '../server/core/transport/trace-request.js';
import { createServices } from '../server/runtime/services.js';
import { readReferenceFile } from '../server/storage/reference-data.js';

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

const LIMIT_MGL = 0.01;

/** First km where the probable peak is below the limit: bisection (the peak never rises downstream). */
function bisect(p: Plume): number | null {
  const peak = (km: number) => plumeAt(p, km).peakMgL.probable;
  if (peak(p.lengthKm) >= LIMIT_MGL) return null;
  let lo = 0;
  let hi = p.lengthKm;
  for (let i = 0; i < 40 && hi - lo > 1e-4; i++) {
    const mid = (lo + hi) / 2;
    if (peak(mid) < LIMIT_MGL) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The naive way: walk the path every 100 m. */
function scan(p: Plume): number | null {
  for (let km = 0; km <= p.lengthKm; km += 0.1) if (plumeAt(p, km).peakMgL.probable < LIMIT_MGL) return km;
  return null;
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
  const table = readReferenceFile('discharge.json');

  const time = (f: () => void) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const plain: number[] = [];
  const withRelease: number[] = [];
  const bisection: number[] = [];
  const naive: number[] = [];
  let agree = 0;
  let compared = 0;
  let lengthKm = 0;
  for (const [lon, lat] of points) {
    plain.push(time(() => runTrace(s.network, s.land, { lon, lat })));
    withRelease.push(
      time(() => {
        const o = runTrace(s.network, s.land, { lon, lat, release }, s.discharge);
        if (o.ok) lengthKm += o.result.lengthKm;
      }),
    );
    const snap = snapToNetwork(s.network, lon, lat, 25);
    if (!snap) continue;
    const { pieces } = dischargeAlongPath(s.network, s.discharge, mainPath(s.network, snap, Infinity), 1);
    const plume = buildPlume(
      pieces.map((x) => ({
        lengthKm: x.toKm - x.fromKm,
        dischargeM3s: x.dischargeM3s,
        kind: x.reach.featurecla === 'Lake Centerline' ? ('lake' as const) : ('river' as const),
      })),
      { massKg: 10000, decayPerDay: 0, maxConcentrationMgL: null },
    );
    let a: number | null = null;
    let b: number | null = null;
    bisection.push(time(() => (a = bisect(plume))));
    naive.push(time(() => (b = scan(plume))));
    compared++;
    if ((a === null && b === null) || (a !== null && b !== null && Math.abs(a - b) <= 0.1 + 1e-6)) agree++;
  }
  const danube = withRelease[N]!;
  const naryn = withRelease[N + 1]!;
  const out = {
    points: points.length,
    meanPathKm: Math.round(lengthKm / points.length),
    plainTraceMs: { p50: pct(plain, 0.5), p99: pct(plain, 0.99) },
    withReleaseMs: { p50: pct(withRelease, 0.5), p99: pct(withRelease, 0.99) },
    thresholdBisectionMs: { p50: pct(bisection, 0.5), p99: pct(bisection, 0.99) },
    thresholdScan100mMs: { p50: pct(naive, 0.5), p99: pct(naive, 0.99) },
    thresholdAgree: `${agree}/${compared}`,
    viennaToBlackSeaMs: danube,
    narynToAralMs: naryn,
    anchorTableOnceMs: time(() => anchorDischarge(s.network, table)),
  };
  const f = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`${out.points} traces, mean main path ${out.meanPathKm} km`);
  console.log(`plain trace            p50 ${f(out.plainTraceMs.p50)}  p99 ${f(out.plainTraceMs.p99)}`);
  console.log(`trace + release        p50 ${f(out.withReleaseMs.p50)}  p99 ${f(out.withReleaseMs.p99)}`);
  console.log(
    `limit crossing: bisection p50 ${f(out.thresholdBisectionMs.p50)} p99 ${f(out.thresholdBisectionMs.p99)}; scan every 100 m p50 ${f(out.thresholdScan100mMs.p50)} p99 ${f(out.thresholdScan100mMs.p99)} (${(out.thresholdScan100mMs.p50 / Math.max(1e-6, out.thresholdBisectionMs.p50)).toFixed(0)}× at p50; same km within 100 m: ${out.thresholdAgree})`,
  );
  console.log(
    `Vienna → Black Sea ${f(danube)}, Naryn → Aral Sea ${f(naryn)}; anchoring the table once ${f(out.anchorTableOnceMs)}`,
  );
  fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench/out/release.json'), `${JSON.stringify(out, null, 2)}\n`);
  s.close();
}

main();
