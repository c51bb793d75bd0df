// Benchmark: the real Natural Earth network loaded both ways, each in a fresh process — the object
// network from the SQLite rows (before) and the compact artifact (after): network load time, JS heap,
// typed-array memory and RSS after a full GC, snap + trace p50, and the whole server start-up
// (createServices).
// Usage: npm run --silent bench:network [-- --json]
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dbPathFromEnv } from '../server/config.js';
import { CompactRiverNetwork } from '../server/core/trace/compact-network.js';
import type { RiverNetwork } from '../server/core/trace/river-network.js';
import { snapToNetwork } from '../server/core/trace/snap.js';
import { traceDownstream } from '../server/core/trace/trace.js';
import { createServices } from '../server/runtime/services.js';
import { openDb } from '../server/storage/db.js';
import { artifactPathFor, readNetworkArtifact } from '../server/storage/network-artifact.js';
import { loadNetwork } from '../server/storage/network-loader.js';
import { rng } from './synthetic-network.js';

const SELF = fileURLToPath(import.meta.url);
const RUNS = 3;

type Mode = 'sqlite' | 'artifact';

function measure(mode: Mode, what: 'network' | 'startup'): void {
  const dbPath = dbPathFromEnv();
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const base = process.memoryUsage();
  const t0 = performance.now();
  let keep: unknown;
  if (what === 'network') {
    if (mode === 'sqlite') {
      const db = openDb(dbPath);
      keep = loadNetwork(db);
      db.close();
    } else keep = new CompactRiverNetwork(readNetworkArtifact(artifactPathFor(dbPath)));
  } else {
    const s = createServices({ dbPath, network: mode });
    if (s.networkSource !== mode) throw new Error(`expected the ${mode} network, got ${s.networkSource}`);
    keep = s;
  }
  const ms = performance.now() - t0;
  gc();
  const m = process.memoryUsage();
  const net = what === 'network' ? (keep as RiverNetwork) : (keep as { network: RiverNetwork }).network;
  const traceP50Ms = traceP50(net);
  process.stdout.write(
    JSON.stringify({
      ms,
      heapMb: (m.heapUsed - base.heapUsed) / 2 ** 20,
      arrayBuffersMb: (m.arrayBuffers - base.arrayBuffers) / 2 ** 20,
      rssMb: m.rss / 2 ** 20,
      traceP50Ms,
    }),
  );
}

/** Snap + trace from 500 seeded points near random reaches (after 100 warm-up runs): p50 in ms. */
function traceP50(net: RiverNetwork): number {
  const rand = rng(42);
  const ms: number[] = [];
  for (let k = 0; k < 600; k++) {
    const r = net.reaches[Math.floor(rand() * net.reaches.length)]!;
    const i = Math.floor(rand() * (r.coords.length / 2));
    const lon = r.coords[2 * i]! + (rand() - 0.5) * 0.03;
    const lat = r.coords[2 * i + 1]! + (rand() - 0.5) * 0.03;
    const t = performance.now();
    const snap = snapToNetwork(net, lon, lat, 25);
    if (snap) traceDownstream(net, snap);
    if (k >= 100) ms.push(performance.now() - t);
  }
  return median(ms);
}

function child(mode: Mode, what: string): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', SELF, '--child', mode, what],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return JSON.parse(out) as Record<string, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

function main(): void {
  const i = process.argv.indexOf('--child');
  if (i >= 0) {
    measure(process.argv[i + 1] as Mode, process.argv[i + 2] as 'network' | 'startup');
    return;
  }
  const rows: Record<string, Record<string, number>> = {};
  for (const what of ['network', 'startup'])
    for (const mode of ['sqlite', 'artifact'] as const) {
      const runs = Array.from({ length: RUNS }, () => child(mode, what));
      rows[`${what} ${mode}`] = {
        ms: Math.round(median(runs.map((r) => r.ms!))),
        heapMb: Math.round(median(runs.map((r) => r.heapMb!))),
        arrayBuffersMb: Math.round(median(runs.map((r) => r.arrayBuffersMb!))),
        rssMb: Math.round(median(runs.map((r) => r.rssMb!))),
        traceP50Ms: Math.round(median(runs.map((r) => r.traceP50Ms!)) * 1000) / 1000,
      };
    }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows));
    return;
  }
  console.log(
    `Natural Earth network, median of ${RUNS} fresh processes each (before = SQLite rows, after = artifact)`,
  );
  for (const [k, v] of Object.entries(rows))
    console.log(
      `${k.padEnd(18)} ${String(v.ms).padStart(6)} ms  heap +${v.heapMb} MB  typed arrays +${v.arrayBuffersMb} MB  RSS ${v.rssMb} MB  snap+trace p50 ${v.traceP50Ms} ms`,
    );
}

main();
