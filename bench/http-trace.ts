// HTTP trace figures for bench:trace: a real server (child process, loopback) answering GET /api/trace —
// p50 of one client's sequential requests, and req/s with p50 at 50 connections — beside the issue #14
// figures (previous in-process HTTP trace and PostGIS through node-pg / pgbench on the same machine).
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Figures recorded in issue #14 before this work (same machine class, one process). */
export const PREVIOUS = {
  httpTraceP50Ms: 1.43,
  reqPerS50: '1,200–1,500',
  postgisNodePgP50Ms: 1.08,
  postgisPgbenchReqPerS: '1,800–2,200',
  targetP50Ms: 0.7,
  targetReqPerS: 2500,
};

export function startServer(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/boot/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HAZATLAS_DB: dbPath, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)\//);
      if (m?.[1]) resolve({ url: m[1], child });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/** A GET on one keep-alive connection; retried once if the server closed that connection meanwhile. */
async function get(url: string): Promise<number> {
  try {
    return await getOnce(url);
  } catch {
    return getOnce(url);
  }
}
function getOnce(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => {
          n += c.length;
        });
        res.on('end', () => resolve(n));
      })
      .on('error', reject);
  });
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

export interface HttpTraceFigures {
  path: string;
  bytes: number;
  sequentialP50Ms: number;
  sequentialP99Ms: number;
  reqPerS50: number;
  p50Ms50: number;
}

/** One URL: 300 sequential requests on one keep-alive connection, then `seconds` at 50 connections. */
export async function measureHttpTrace(url: string, p: string, seconds: number): Promise<HttpTraceFigures> {
  // The server warms its map caches at start (seconds of CPU); let that finish first.
  await (await fetch(`${url}/api/basins/catchments`)).arrayBuffer();
  const bytes = await get(url + p);
  for (let i = 0; i < 50; i++) await get(url + p);
  const ms: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await get(url + p);
    ms.push(performance.now() - t);
  }
  const r = await autocannon({ url: url + p, connections: 50, duration: seconds, timeout: 10 });
  if (r.errors || r.non2xx || r.timeouts) throw new Error(`errors under load on ${p}: ${JSON.stringify(r)}`);
  return {
    path: p,
    bytes,
    sequentialP50Ms: pct(ms, 0.5),
    sequentialP99Ms: pct(ms, 0.99),
    reqPerS50: Math.round(r.requests.average),
    p50Ms50: r.latency.p50,
  };
}
