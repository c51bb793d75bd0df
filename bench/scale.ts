// Benchmark: the compact network engine at HydroRIVERS scale. Generates a seeded synthetic network of
// N reaches and writes its artifact (one process), then loads it in a fresh process and times 1,000
// seeded snap + trace runs (after 100 warm-up runs). Prints one JSON line {reaches, vertices, buildS, loadS, rssMb, traceP50Ms,
// traceP99Ms} (with --json only that line), beside the targets.
// Usage: npm run --silent bench:scale -- --reaches N [--json] [--precision f64|f32] [--keep FILE]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoordPrecision } from '../server/core/trace/compact-data.js';
import { CompactRiverNetwork } from '../server/core/trace/compact-network.js';
import { snapToNetwork } from '../server/core/trace/snap.js';
import { traceDownstream } from '../server/core/trace/trace.js';
import { readNetworkArtifact, writeNetworkArtifact } from '../server/storage/network-artifact.js';
import { rng, syntheticNetwork } from './synthetic-network.js';

const SELF = fileURLToPath(import.meta.url);
const SEED = 20261207;
const TRACES = 1000;
const WARMUP = 100;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

/** Child 1: generate, lay out, index and write. */
function build(file: string, reaches: number, precision: CoordPrecision): void {
  const t0 = performance.now();
  const data = syntheticNetwork(reaches, SEED, precision);
  const bytes = writeNetworkArtifact(file, data);
  const out = {
    buildS: (performance.now() - t0) / 1000,
    vertices: data.arrays.vertexStart[reaches]!,
    bytes,
    buildRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(out));
}

/** Child 2: a fresh process loads the artifact and traces from seeded points near random reaches. */
function load(file: string): void {
  const t0 = performance.now();
  const net = new CompactRiverNetwork(readNetworkArtifact(file));
  const loadS = (performance.now() - t0) / 1000;
  (globalThis as { gc?: () => void }).gc?.();
  const afterLoad = process.memoryUsage();
  const rand = rng(42);
  const ms: number[] = [];
  let steps = 0;
  let traced = 0;
  // The first WARMUP runs (JIT compilation) are not counted.
  for (let k = 0; ms.length < TRACES; k++) {
    if (k === WARMUP) {
      ms.length = 0;
      steps = 0;
      traced = 0;
    }
    const r = net.reaches[Math.floor(rand() * net.reaches.length)]!;
    const c = r.coords;
    const i = Math.floor(rand() * (c.length / 2));
    const lon = c[2 * i]! + (rand() - 0.5) * 0.01;
    const lat = c[2 * i + 1]! + (rand() - 0.5) * 0.01;
    const t = performance.now();
    const snap = snapToNetwork(net, lon, lat, 25);
    if (snap) {
      const result = traceDownstream(net, snap);
      steps += result.path.features.length;
      traced++;
    }
    ms.push(performance.now() - t);
  }
  const out = {
    loadS,
    rssMb: afterLoad.rss / 2 ** 20,
    heapMb: afterLoad.heapUsed / 2 ** 20,
    externalMb: afterLoad.arrayBuffers / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    traceP50Ms: pct(ms, 0.5),
    traceP99Ms: pct(ms, 0.99),
    traced,
    meanPathPieces: steps / Math.max(1, traced),
  };
  process.stdout.write(JSON.stringify(out));
}

function child(args: string[], heapMb: number): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${heapMb}`, SELF, ...args],
    { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out) as Record<string, number>;
}

function main(): void {
  if (arg('--build-child')) {
    build(arg('--build-child')!, Number(arg('--reaches')), arg('--precision') as CoordPrecision);
    return;
  }
  if (arg('--load-child')) {
    load(arg('--load-child')!);
    return;
  }
  const reaches = Number(arg('--reaches') ?? 100_000);
  if (!Number.isInteger(reaches) || reaches < 1 || reaches > 20_000_000) {
    console.error('bench:scale: --reaches must be an integer from 1 to 20,000,000');
    process.exit(2);
  }
  // Float32 coordinates (≈ 1 m) above 2 M reaches, as HydroRIVERS' 15″ lines need no more.
  const precision = (arg('--precision') ?? (reaches > 2_000_000 ? 'f32' : 'f64')) as CoordPrecision;
  const json = process.argv.includes('--json');
  const file =
    arg('--keep') ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-scale-')), 'net.bin');
  const heapMb = Math.max(2048, Math.ceil(reaches / 1000));
  try {
    const b = child(['--build-child', file, '--reaches', String(reaches), '--precision', precision], heapMb);
    const l = child(['--load-child', file], heapMb);
    const line = {
      reaches,
      vertices: b.vertices!,
      buildS: round(b.buildS!),
      loadS: round(l.loadS!),
      rssMb: Math.round(l.rssMb!),
      traceP50Ms: round(l.traceP50Ms!, 3),
      traceP99Ms: round(l.traceP99Ms!, 3),
    };
    console.log(JSON.stringify(line));
    if (!json) {
      const target =
        reaches <= 1_000_000 ? { loadS: 5, rssMb: 800, p50: 1 } : { loadS: 40, rssMb: 4096, p50: 1 };
      console.log(
        [
          `precision ${precision}; artifact ${(b.bytes! / 1e6).toFixed(0)} MB; build peak RSS ${Math.round(b.buildRssMb!)} MB`,
          `after load: heap ${Math.round(l.heapMb!)} MB, typed arrays ${Math.round(l.externalMb!)} MB; peak RSS with traces ${Math.round(l.peakRssMb!)} MB`,
          `${l.traced} of ${TRACES} points traced; ${l.meanPathPieces!.toFixed(0)} path pieces per trace on average`,
          `targets (issue 14): load ≤ ${target.loadS} s, RSS ≤ ${target.rssMb} MB, trace p50 ≤ ${target.p50} ms`,
        ].join('\n'),
      );
    }
  } finally {
    if (!arg('--keep')) fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

main();
