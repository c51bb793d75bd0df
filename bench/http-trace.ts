// HTTP trace figures for bench:trace: a real server (child process, loopback) answering GET /api/trace —
// p50 of one client's sequential requests, and req/s with p50 at 50 connections — with the fast path
// and, in the same run, without it (Cache-Control: no-cache takes the normal path), beside the issue
// #14 figures (previous in-process HTTP trace and PostGIS through node-pg / pgbench, quoted).
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Figures quoted from issue #14 (measured there on the same machine class; not measured here). */
export const PREVIOUS = {
  httpTraceP50Ms: 1.43,
  reqPerS50: '1,200–1,500',
  postgisTraceP50Ms: 0.63,
  postgisNodePgP50Ms: 1.08,
  postgisPgbenchReqPerS: '1,800–2,200',
  postgisBboxP50Ms: 0.14,
  bboxP50Ms: 0.83,
  targetP50Ms: 0.7,
  targetReqPerS: 2500,
  targetBboxP50Ms: 0.2,
};

/** The reference line every API benchmark prints beside its own figures. */
export const REFERENCE_LINE = `reference, quoted from issue #14 (not measured in this run): PostGIS trace p50 ${PREVIOUS.postgisTraceP50Ms} ms, via node-pg ${PREVIOUS.postgisNodePgP50Ms} ms, ${PREVIOUS.postgisPgbenchReqPerS} req/s via pgbench, bbox on 100k sites ${PREVIOUS.postgisBboxP50Ms} ms; HazAtlas before: HTTP trace p50 ${PREVIOUS.httpTraceP50Ms} ms, ${PREVIOUS.reqPerS50} req/s, bbox ${PREVIOUS.bboxP50Ms} ms`;

/** The machine's 1-minute load average now (the machine is shared: figures are inflated under load). */
export const loadNow = () => Number(os.loadavg()[0]?.toFixed(2));

/** A request header that takes the normal path (the fast path never answers no-cache requests). */
export const NORMAL_PATH: Record<string, string> = { 'cache-control': 'no-cache' };

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
async function get(url: string, headers: Record<string, string> = {}): Promise<number> {
  try {
    return await getOnce(url, headers);
  } catch {
    return getOnce(url, headers);
  }
}
function getOnce(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
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
  /** `fast`: as any client; `normal`: with Cache-Control: no-cache, past the fast path. */
  via: 'fast' | 'normal';
  bytes: number;
  sequentialP50Ms: number;
  sequentialP99Ms: number;
  reqPerS50: number;
  p50Ms50: number;
  /** 1-minute load average before and after the measurement. */
  load: [number, number];
}

/**
 * One URL: 300 sequential requests on one keep-alive connection, then `seconds` at 50 connections;
 * `rounds` times, keeping the best round of each figure (the machine is shared).
 */
export async function measureHttpTrace(
  url: string,
  p: string,
  seconds: number,
  options: { via?: 'fast' | 'normal'; rounds?: number } = {},
): Promise<HttpTraceFigures> {
  const via = options.via ?? 'fast';
  const headers = via === 'normal' ? NORMAL_PATH : {};
  // The server warms its map caches at start (seconds of CPU); let that finish first.
  await (await fetch(`${url}/api/basins/catchments`)).arrayBuffer();
  const bytes = await get(url + p, headers);
  for (let i = 0; i < 50; i++) await get(url + p, headers);
  const rounds: HttpTraceFigures[] = [];
  for (let round = 0; round < (options.rounds ?? 1); round++) {
    const before = loadNow();
    const ms: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await get(url + p, headers);
      ms.push(performance.now() - t);
    }
    const r = await autocannon({ url: url + p, connections: 50, duration: seconds, timeout: 10, headers });
    if (r.errors || r.non2xx || r.timeouts)
      throw new Error(`errors under load on ${p}: ${JSON.stringify(r)}`);
    const figures: HttpTraceFigures = {
      path: p,
      via,
      bytes,
      sequentialP50Ms: pct(ms, 0.5),
      sequentialP99Ms: pct(ms, 0.99),
      reqPerS50: Math.round(r.requests.average),
      p50Ms50: r.latency.p50,
      load: [before, loadNow()],
    };
    rounds.push(figures);
  }
  const best = rounds.reduce((a, f) => (f.reqPerS50 > a.reqPerS50 ? f : a));
  return {
    ...best,
    sequentialP50Ms: Math.min(...rounds.map((f) => f.sequentialP50Ms)),
    sequentialP99Ms: Math.min(...rounds.map((f) => f.sequentialP99Ms)),
    p50Ms50: Math.min(...rounds.map((f) => f.p50Ms50)),
  };
}
