// Benchmark: snap + trace from 1,000 seeded random river points (p50/p99), network build time, and
// the same snapping by a linear scan over all reaches in the same run (ratio), and catchment-aware
// snapping (drainage areas first, locate.ts) against the plain nearest-reach snap on the same points; then the HTTP trace
// (bench/http-trace.ts) with and without the fast path, beside the issue #14 targets and previous
// figures. --no-http skips it; --rounds N keeps the best of N rounds of each HTTP figure.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbPathFromEnv } from '../server/config.js';
import { projectOnSegment } from '../server/core/geo/geodesy.js';
import { locateOnNetwork } from '../server/core/trace/locate.js';
import type { RiverNetwork } from '../server/core/trace/river-network.js';
import { snapToNetwork } from '../server/core/trace/snap.js';
import { traceDownstream } from '../server/core/trace/trace.js';
import { createServices } from '../server/runtime/services.js';
import {
  type HttpTraceFigures,
  measureHttpTrace,
  PREVIOUS,
  REFERENCE_LINE,
  startServer,
} from './http-trace.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = 1000;

/** Deterministic PRNG (mulberry32) so every run measures the same points. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomRiverPoints(net: RiverNetwork, n: number): [number, number][] {
  const rand = rng(42);
  const pts: [number, number][] = [];
  while (pts.length < n) {
    const r = net.reaches[Math.floor(rand() * net.reaches.length)]!;
    const i = Math.floor(rand() * (r.coords.length / 2));
    // Up to ~2 km off the river, as a user's click would be.
    pts.push([r.coords[2 * i]! + (rand() - 0.5) * 0.03, r.coords[2 * i + 1]! + (rand() - 0.5) * 0.03]);
  }
  return pts;
}

function linearSnap(net: RiverNetwork, lon: number, lat: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const r of net.reaches) {
    const c = r.coords;
    for (let i = 0; i + 3 < c.length; i += 2) {
      const d = projectOnSegment(lon, lat, c[i]!, c[i + 1]!, c[i + 2]!, c[i + 3]!).distanceKm;
      if (d < best) best = d;
    }
  }
  return best;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const ms = (x: number) => `${x.toFixed(3)} ms`;

async function main(): Promise<void> {
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-bench-')), 'bench.sqlite');
  let buildSeconds: number | null = null;
  if (!process.argv.includes('--skip-build')) {
    const t0 = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/build-db.ts'), '--db', tmp], {
      stdio: 'ignore',
      cwd: ROOT,
    });
    buildSeconds = (performance.now() - t0) / 1000;
  }
  const services = createServices({ dbPath: buildSeconds === null ? dbPathFromEnv() : tmp });
  const net = services.network;
  const points = randomRiverPoints(net, N);

  const snapMs: number[] = [];
  const traceMs: number[] = [];
  const totalMs: number[] = [];
  let snapped = 0;
  for (const [lon, lat] of points) {
    const t0 = performance.now();
    const s = snapToNetwork(net, lon, lat, 25);
    const t1 = performance.now();
    if (s) {
      traceDownstream(net, s);
      snapped++;
    }
    const t2 = performance.now();
    snapMs.push(t1 - t0);
    traceMs.push(t2 - t1);
    totalMs.push(t2 - t0);
  }
  const t0 = performance.now();
  const areas = services.drainage;
  const drainageLoadMs = performance.now() - t0;
  const locateMs: number[] = [];
  let otherReach = 0;
  for (const [lon, lat] of points) {
    const t1 = performance.now();
    const located = locateOnNetwork(net, areas, lon, lat, 25);
    locateMs.push(performance.now() - t1);
    const plain = snapToNetwork(net, lon, lat, 25);
    if (located?.kind === 'reach' && plain && located.snap.reach.basinId !== plain.reach.basinId)
      otherReach++;
  }
  const scanMs: number[] = [];
  for (const [lon, lat] of points.slice(0, 100)) {
    const t0 = performance.now();
    linearSnap(net, lon, lat);
    scanMs.push(performance.now() - t0);
  }
  services.close();

  const http: HttpTraceFigures[] = [];
  if (!process.argv.includes('--no-http')) {
    const server = await startServer(buildSeconds === null ? dbPathFromEnv() : tmp);
    const roundsArg = process.argv.indexOf('--rounds');
    const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 1;
    try {
      // The baseline in the same run: the same requests past the fast path (Cache-Control: no-cache).
      for (const p of [
        '/api/trace?lon=16.37&lat=48.21',
        '/api/trace?lon=16.37&lat=48.21&geometry=none',
        '/api/trace?lon=16.37&lat=48.21&geometry=simplified',
      ])
        for (const via of ['fast', 'normal'] as const)
          http.push(await measureHttpTrace(server.url, p, 8, { via, rounds }));
    } finally {
      server.child.kill('SIGTERM');
    }
  }

  const rows = [
    [
      'network build (full, from sources)',
      buildSeconds === null ? 'skipped' : `${buildSeconds.toFixed(1)} s`,
      'target ≤ 60 s',
    ],
    [`services start-up (network from ${services.networkSource})`, ms(services.loadMs), ''],
    [`snap (R-tree), p50 / p99 of ${N}`, `${ms(pct(snapMs, 0.5))} / ${ms(pct(snapMs, 0.99))}`, ''],
    [`snap (linear scan over ${net.reaches.length} reaches), p50 of 100`, ms(pct(scanMs, 0.5)), ''],
    ['snap speed-up (scan p50 / index p50)', `${(pct(scanMs, 0.5) / pct(snapMs, 0.5)).toFixed(0)}×`, ''],
    ['drainage areas (cached raster) load', ms(drainageLoadMs), ''],
    [
      `catchment-aware snap, p50 / p99 of ${N}`,
      `${ms(pct(locateMs, 0.5))} / ${ms(pct(locateMs, 0.99))}`,
      `×${(pct(locateMs, 0.5) / pct(snapMs, 0.5)).toFixed(1)} the plain snap`,
    ],
    ['points joined to another basin than the nearest reach', `${otherReach} / ${N}`, ''],
    [`trace only, p50 / p99`, `${ms(pct(traceMs, 0.5))} / ${ms(pct(traceMs, 0.99))}`, ''],
    [`snap + trace, p50 / p99`, `${ms(pct(totalMs, 0.5))} / ${ms(pct(totalMs, 0.99))}`, 'target p50 ≤ 1 ms'],
    ['points snapped', `${snapped} / ${N}`, ''],
    ...http.flatMap((h) => [
      [
        `HTTP ${h.path.replace('/api/trace?lon=16.37&lat=48.21', 'trace Vienna') || ''} (${(h.bytes / 1024).toFixed(1)} KB), ${h.via === 'fast' ? 'fast path' : 'normal path (no-cache)'}, 1 client p50 / p99`,
        `${ms(h.sequentialP50Ms)} / ${ms(h.sequentialP99Ms)}`,
        `target ≤ ${PREVIOUS.targetP50Ms} ms${h.via === 'fast' ? (h.sequentialP50Ms <= PREVIOUS.targetP50Ms ? ' (met)' : ' (missed)') : ''}; load ${h.load.join('→')}`,
      ],
      [
        '  at 50 connections: req/s, p50',
        `${h.reqPerS50} req/s, ${h.p50Ms50} ms`,
        `target ≥ ${PREVIOUS.targetReqPerS} req/s${h.via === 'fast' ? (h.reqPerS50 >= PREVIOUS.targetReqPerS ? ' (met)' : ' (missed)') : ''}`,
      ],
    ]),
  ];
  const width = Math.max(...rows.map((r) => r[0]!.length));
  console.log('bench/trace');
  for (const [a, b, c] of rows) console.log(`  ${a!.padEnd(width)}  ${b!.padStart(24)}  ${c}`);
  if (http.length) console.log(`  ${REFERENCE_LINE}`);
  fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/out/trace.json'),
    JSON.stringify(
      {
        buildSeconds,
        snapP50Ms: pct(snapMs, 0.5),
        locateP50Ms: pct(locateMs, 0.5),
        locateP99Ms: pct(locateMs, 0.99),
        drainageLoadMs,
        scanP50Ms: pct(scanMs, 0.5),
        traceP50Ms: pct(traceMs, 0.5),
        totalP50Ms: pct(totalMs, 0.5),
        totalP99Ms: pct(totalMs, 0.99),
        http,
        previous: PREVIOUS,
        loadAverage1m: os.loadavg()[0],
      },
      null,
      2,
    ),
  );
}

await main();
