// Load test: 200 concurrent connections for 30 s on the trace and site-list endpoints of a real server
// (child process on loopback, temp copy of the database) while an editor (another process) keeps creating
// and updating sites.
// Baseline in the same run: 10 s of the same reads with no writer. Prints figures, writes bench/out/load.json.
// Usage: npm run bench:load   [-- --duration 30 --connections 200]
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { loadNow, NORMAL_PATH, PREVIOUS, REFERENCE_LINE } from './http-trace.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    baseline: { type: 'string', default: '10' },
    connections: { type: 'string', default: '200' },
    // Internal: run as the editor process against this URL (its own event loop, not the readers').
    editor: { type: 'string' },
    'editor-headers': { type: 'string', default: '{}' },
  },
});
const DURATION_S = Number(values.duration);
const BASELINE_S = Number(values.baseline);
const CONNECTIONS = Number(values.connections);

/** Reads the connections cycle through: traces from real places and typical list queries. */
const READS = [
  '/api/trace?lon=16.37&lat=48.21', // Vienna, Danube
  '/api/trace?lon=76.0&lat=41.43', // Naryn, Syr Darya
  '/api/sites?bbox=8,42,30,50&limit=100', // Danube basin box
  '/api/trace?lon=24.37&lat=49.03', // Kalush, Dniester
  '/api/sites?country=ROU&sort=-wri',
  '/api/trace?lon=23.53&lat=47.66&maxKm=500', // Baia Mare
  '/api/sites?q=tailings&limit=50',
  '/api/sites?limit=100&offset=0',
];

function copyDatabase(): string {
  const src = path.join(ROOT, 'data/hazatlas.sqlite');
  if (!fs.existsSync(src)) throw new Error('data/hazatlas.sqlite is missing: npm run build:db');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-load-'));
  const dest = path.join(dir, 'hazatlas.sqlite');
  fs.copyFileSync(src, dest);
  for (const suffix of ['-wal', '-shm'])
    if (fs.existsSync(src + suffix)) fs.copyFileSync(src + suffix, dest + suffix);
  return dest;
}

/** Editor credentials when the access layer exists (tests/support/auth.ts); otherwise writes are open. */
async function editorHeaders(dbPath: string): Promise<Record<string, string>> {
  const helper = path.join(ROOT, 'tests/support/auth.ts');
  if (!fs.existsSync(helper)) return {};
  const mod = (await import(pathToFileURL(helper).href)) as {
    createToken(dbPath: string, role: string): string | Promise<string>;
  };
  return { authorization: `Bearer ${await mod.createToken(dbPath, 'editor')}` };
}

function startServer(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/boot/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HAZATLAS_DB: dbPath, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)\//);
      if (m?.[1]) resolve({ url: m[1], child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

interface ReadFigures {
  seconds: number;
  /** 1-minute load average of the machine before and after (it is shared: figures inflate under load). */
  load: [number, number];
  requests: number;
  throughputRps: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

async function readLoad(
  url: string,
  seconds: number,
  reads: readonly string[] = READS,
  connections = CONNECTIONS,
  headers: Record<string, string> = {},
): Promise<ReadFigures> {
  const before = loadNow();
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: reads.map((p) => ({ method: 'GET' as const, path: p, headers })),
  });
  return {
    seconds,
    load: [before, loadNow()],
    requests: r.requests.total,
    throughputRps: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) : 0;

/** The editor: creates a site, then keeps updating it and creating more, one request at a time. */
async function editorLoop(url: string, headers: Record<string, string>, stop: () => boolean) {
  const h = { 'content-type': 'application/json', ...headers };
  const latencies: number[] = [];
  let creates = 0;
  let updates = 0;
  let conflicts = 0;
  const failures: string[] = [];
  const sites: { id: string; version: number }[] = [];
  let i = 0;
  while (!stop()) {
    i += 1;
    const started = performance.now();
    const create = sites.length === 0 || i % 5 === 0;
    let res: Response;
    if (create) {
      const lon = 16 + (i % 97) * 0.1;
      const lat = 44.5 + (i % 31) * 0.1;
      res = await fetch(`${url}/api/sites`, {
        method: 'POST',
        headers: h,
        body: JSON.stringify({
          name: `Load test site ${i}`,
          kind: 'hazardous_activity',
          sector: 'chemical',
          status: 'operating',
          location: { lon, lat },
          sources: [{ title: 'bench/load.ts' }],
          substances: [
            { name: 'Chlorine', casNumber: '7782-50-5', quantityTonnes: 25, wgk: 2, estimate: false },
          ],
        }),
      });
    } else {
      const s = sites[i % sites.length] as { id: string; version: number };
      res = await fetch(`${url}/api/sites/${s.id}`, {
        method: 'PATCH',
        headers: h,
        body: JSON.stringify({ version: s.version, notes: `updated by the load test, write ${i}` }),
      });
    }
    const body = (await res.json()) as { id?: string; version?: number };
    latencies.push(performance.now() - started);
    if (res.status === 201 && body.id && body.version) {
      creates += 1;
      sites.push({ id: body.id, version: body.version });
    } else if (res.status === 200 && body.id && body.version) {
      updates += 1;
      const s = sites.find((x) => x.id === body.id);
      if (s) s.version = body.version;
    } else if (res.status === 409) conflicts += 1;
    else failures.push(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  }
  latencies.sort((a, b) => a - b);
  return {
    writes: creates + updates,
    creates,
    updates,
    conflicts,
    errors: failures.length,
    firstErrors: failures.slice(0, 5),
    writesPerSecond: 0,
    latencyMs: {
      p50: Number(percentile(latencies, 50).toFixed(1)),
      p99: Number(percentile(latencies, 99).toFixed(1)),
      max: Number((latencies.at(-1) ?? 0).toFixed(1)),
    },
  };
}

/** CPU seconds (user + system) the server process has used so far, from /proc (Linux). */
function serverCpuSeconds(pid: number | undefined): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Runs the editor in its own process for `seconds`; resolves with its figures. */
function runEditorProcess(url: string, headers: Record<string, string>, seconds: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--editor',
      url,
      '--duration',
      String(seconds),
      '--editor-headers',
      JSON.stringify(headers),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.startsWith('ready\n')) onReady();
  });
  const done = new Promise<Awaited<ReturnType<typeof editorLoop>>>((resolve, reject) =>
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out.replace(/^ready\n/, '')));
      } catch {
        reject(new Error(`editor process failed (${code}): ${out}`));
      }
    }),
  );
  return { ready, done };
}

async function main(): Promise<void> {
  const dbPath = copyDatabase();
  const headers = await editorHeaders(dbPath);
  const { url, child } = await startServer(dbPath);
  try {
    // Warm-up: the first traces and lists load caches, as in a running deployment.
    for (const p of READS) await (await fetch(`${url}${p}`)).arrayBuffer();
    console.log(`Server ${url}; ${CONNECTIONS} connections; reads cycle through ${READS.length} URLs.`);

    console.log(`Baseline: ${BASELINE_S} s of reads, no writer…`);
    const cpu0 = serverCpuSeconds(child.pid);
    const baseline = await readLoad(url, BASELINE_S);
    const cpu1 = serverCpuSeconds(child.pid);

    // Issue #14 API targets, one process, 50 connections: trace ≥ 2,500 req/s with p50 ≤ 0.7 ms
    // (before: 1,200–1,500 req/s, 1.43 ms; PostGIS 1,800–2,200 req/s), and the site bbox with filters;
    // each with the fast path and, as the baseline in the same run, past it (Cache-Control: no-cache).
    console.log(`Targets: ${BASELINE_S} s each at 50 connections on the trace and on a filtered site bbox…`);
    const TARGETS = {
      trace: '/api/trace?lon=16.37&lat=48.21',
      traceGeometryNone: '/api/trace?lon=16.37&lat=48.21&geometry=none',
      siteBbox: '/api/sites?bbox=20,44,30,49&kind=tmf&status=operating&sort=name&limit=100',
    };
    const targetsAt50Connections: Record<string, { fastPath: ReadFigures; normalPath: ReadFigures }> = {};
    for (const [name, p] of Object.entries(TARGETS))
      targetsAt50Connections[name] = {
        fastPath: await readLoad(url, BASELINE_S, [p], 50),
        normalPath: await readLoad(url, BASELINE_S, [p], 50, NORMAL_PATH),
      };

    console.log(`Load: ${DURATION_S} s of reads while an editor writes…`);
    // Let the server finish the baseline's requests first, so the second phase measures only itself.
    await new Promise((r) => setTimeout(r, 2000));
    const editor = runEditorProcess(url, headers, DURATION_S);
    await editor.ready;
    const reads = await readLoad(url, DURATION_S);
    const cpu2 = serverCpuSeconds(child.pid);
    const writer = await editor.done;

    const result = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown cpu'}, Node ${process.version}`,
      // Other work on the machine competes with the server: its share of one core says whether the server
      // was busy (near 1: the single event loop is the limit) or starved (well below 1).
      loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)),
      serverCpuShare: {
        baseline: Number(((cpu1 - cpu0) / BASELINE_S).toFixed(2)),
        underWrites: Number(((cpu2 - cpu1) / DURATION_S).toFixed(2)),
      },
      connections: CONNECTIONS,
      endpoints: READS,
      authenticatedWrites: Object.keys(headers).length > 0,
      baselineReadsOnly: baseline,
      targetsAt50Connections,
      readsUnderWrites: reads,
      editor: writer,
      ok: reads.errors + reads.timeouts + reads.non2xx + writer.errors === 0,
    };
    const row = (name: string, f: ReadFigures) =>
      `${name.padEnd(30)} ${String(f.throughputRps).padStart(7)} req/s  p50 ${String(f.latencyMs.p50).padStart(4)} ms  p99 ${String(f.latencyMs.p99).padStart(5)} ms  max ${f.latencyMs.max} ms  errors ${f.errors}  timeouts ${f.timeouts}  non-2xx ${f.non2xx}  load ${f.load.join('→')}`;
    console.log('');
    console.log(
      `machine load average ${result.loadAverage1m}; server CPU share of one core: baseline ${result.serverCpuShare.baseline}, under writes ${result.serverCpuShare.underWrites}`,
    );
    console.log(row('reads only (baseline)', baseline));
    for (const [name, f] of Object.entries(targetsAt50Connections)) {
      console.log(row(`${name} @50, fast path`, f.fastPath));
      console.log(row(`${name} @50, normal path`, f.normalPath));
    }
    console.log(
      `  issue #14 targets, one process: trace ≥ ${PREVIOUS.targetReqPerS} req/s at 50 connections, 1-client p50 ≤ ${PREVIOUS.targetP50Ms} ms (npm run bench:trace); bbox with filters on 100k sites p50 ≤ ${PREVIOUS.targetBboxP50Ms} ms (npm run bench:register)`,
    );
    console.log(`  ${REFERENCE_LINE}`);
    console.log(row('reads + editor', reads));
    console.log(
      `editor                 ${writer.writes} writes (${writer.creates} creates, ${writer.updates} updates, ${writer.writesPerSecond}/s)  p50 ${writer.latencyMs.p50} ms  p99 ${writer.latencyMs.p99} ms  conflicts ${writer.conflicts}  errors ${writer.errors}`,
    );
    if (writer.firstErrors.length) console.log(`editor errors: ${writer.firstErrors.join(' | ')}`);
    fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench/out/load.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\n${result.ok ? 'OK: 0 errors' : 'FAILED: errors above'}; written to bench/out/load.json`);
    if (!result.ok) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
  }
}

if (values.editor) {
  // One keep-alive connection, opened before the readers arrive (see main()).
  await (await fetch(`${values.editor}/api/basins`)).arrayBuffer();
  process.stdout.write('ready\n');
  const until = performance.now() + DURATION_S * 1000;
  const started = performance.now();
  const figures = await editorLoop(
    values.editor,
    JSON.parse(values['editor-headers']) as Record<string, string>,
    () => performance.now() > until,
  );
  figures.writesPerSecond = Number((figures.writes / ((performance.now() - started) / 1000)).toFixed(1));
  process.stdout.write(JSON.stringify(figures));
} else {
  await main();
}
