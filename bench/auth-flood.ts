// Login floods against a real server process (`npm start` with HAZATLAS_TRUST_PROXY=loopback, so each
// flood connection can claim its own client address): login throughput by answer, real password checks,
// and the latency of static files, a glyph and a real user's login while the flood runs, against the same
// static requests with no flood (the baseline, same run).
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FLOOD_CONNECTIONS = 32;
const STATIC_PATHS = [
  '/',
  '/api/glyphs/DejaVu%20Sans%20Book/0-255.pbf',
  '/api/glyphs/DejaVu%20Sans%20Bold/256-511.pbf',
];

export function startServerProcess(dbPath: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/boot/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HAZATLAS_DB: dbPath,
      PORT: '0',
      HOST: '127.0.0.1',
      HAZATLAS_TRUST_PROXY: 'loopback',
    },
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
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

/** One request on its own connection; resolves with status and milliseconds. */
function timed(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; ms: number }>((resolve, reject) => {
    const t = performance.now();
    const req = http.request(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const loginInit = (username: string, password: string, from: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
  body: JSON.stringify({ username, password }),
});

export interface Latency {
  n: number;
  p50: number;
  p90: number;
  max: number;
}

const latency = (xs: number[]): Latency => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, p50: at(0.5), p90: at(0.9), max: s.at(-1) ?? 0 };
};

/** Static requests one after another for `ms`; their latencies. */
async function sampleStatic(url: string, ms: number): Promise<Latency> {
  const times: number[] = [];
  const end = performance.now() + ms;
  for (let i = 0; performance.now() < end; i++) {
    const r = await timed(`${url}${STATIC_PATHS[i % STATIC_PATHS.length]}`);
    if (r.status !== 200) throw new Error(`static ${r.status}`);
    times.push(r.ms);
  }
  return latency(times);
}

export interface FloodFigures {
  label: string;
  seconds: number;
  loginsPerS: number;
  byStatus: Record<string, number>;
  staticMs: Latency;
  realLoginMs: number;
  realLoginStatus: number;
}

/**
 * FLOOD_CONNECTIONS connections sending logins back to back, each from its own addresses, for `ms`;
 * `name(i)` picks the username (random names, or real accounts with wrong passwords).
 */
export async function flood(
  url: string,
  label: string,
  ms: number,
  name: (i: number) => string,
  realUser: { username: string; password: string },
): Promise<FloodFigures> {
  const byStatus: Record<string, number> = {};
  let stop = false;
  let n = 0;
  const started = performance.now();
  const loops = Array.from({ length: FLOOD_CONNECTIONS }, async (_, c) => {
    while (!stop) {
      n += 1;
      const r = await timed(
        `${url}/api/auth/login`,
        loginInit(name(n), 'wrong password', `100.64.${c}.${n % 250}`),
      );
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    }
  });
  // Let the flood build up, then measure static answers and one real login while it runs.
  await new Promise((r) => setTimeout(r, 1000));
  const staticMs = await sampleStatic(url, ms - 3000);
  const real = await timed(
    `${url}/api/auth/login`,
    loginInit(realUser.username, realUser.password, '198.18.0.1'),
  );
  stop = true;
  await Promise.all(loops);
  const seconds = (performance.now() - started) / 1000;
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    label,
    seconds,
    loginsPerS: total / seconds,
    byStatus,
    staticMs,
    realLoginMs: real.ms,
    realLoginStatus: real.status,
  };
}

/** After start-up's own warm-up (tiles, catchments, the hashing thread): static requests with no flood. */
export async function baselineStatic(url: string, ms: number): Promise<Latency> {
  await timed(`${url}/api/basins/catchments`);
  for (const p of STATIC_PATHS) await timed(`${url}${p}`);
  await timed(`${url}/api/auth/login`, loginInit('nobody-warm', 'x', '198.18.0.2'));
  return sampleStatic(url, ms);
}
