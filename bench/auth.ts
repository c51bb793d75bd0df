// Cost of accounts: scrypt hashing time per login, and per-request authentication overhead on a real
// server (loopback, temp copy of the database) — GET /api/sites/:id anonymous (the baseline, same run)
// versus with a bearer token and with a session cookie. Then login floods against `npm start`
// (bench/auth-flood.ts): login throughput and static-answer latency during the flood vs. without it.
// Usage: npm run bench:auth [-- --requests 2000 --flood-seconds 12]
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword, hashPasswordSync, SCRYPT_PARAMS } from '../server/auth/password.js';
import { createApp } from '../server/boot/app.js';
import { DEFAULT_DB_PATH } from '../server/config.js';
import { createServices } from '../server/runtime/services.js';
import {
  createSession,
  createToken,
  insertUser,
  principalForSession,
  principalForToken,
} from '../server/storage/account-store.js';
import { baselineStatic, FLOOD_CONNECTIONS, flood, startServerProcess } from './auth-flood.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    'flood-seconds': { type: 'string', default: '12' },
  },
});
const N = Number(values.requests);
const FLOOD_MS = Number(values['flood-seconds']) * 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-bench-auth-'));
  const dbPath = path.join(dir, 'hazatlas.sqlite');
  fs.copyFileSync(DEFAULT_DB_PATH, dbPath);
  const services = createServices({ dbPath });
  try {
    const hashMs: number[] = [];
    let hash = '';
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      hash = await hashPassword('benchmark passphrase');
      hashMs.push(performance.now() - t);
    }
    const user = insertUser(services.db, { username: 'bench', passwordHash: hash, role: 'editor' });
    if (!user.ok) throw new Error('user');
    const { token } = createToken(services.db, user.user.id, 'editor', 'bench');
    const server = createApp(services).listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'benchmark passphrase' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const id = services.db.prepare('SELECT id FROM sites ORDER BY rid LIMIT 1').pluck().get() as string;

    const run = async (label: string, headers: Record<string, string>) => {
      const n = Math.ceil(N / 4);
      for (let i = 0; i < 20; i++) await (await fetch(`${base}/api/sites/${id}`, { headers })).arrayBuffer();
      const t = performance.now();
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${base}/api/sites/${id}`, { headers });
        if (res.status !== 200) throw new Error(`${label}: ${res.status}`);
        await res.arrayBuffer();
      }
      return { label, meanUs: ((performance.now() - t) / n) * 1000 };
    };
    // Interleaved rounds, so a busy machine's drift hits each variant alike.
    const variants: [string, Record<string, string>][] = [
      ['anonymous (baseline)', {}],
      ['bearer token', { authorization: `Bearer ${token}` }],
      ['session cookie', { cookie }],
    ];
    const sums = new Map<string, number>();
    for (let round = 0; round < 4; round++)
      for (const [label, headers] of variants) {
        const r = await run(label, headers);
        sums.set(label, (sums.get(label) ?? 0) + r.meanUs / 4);
      }
    const results = variants.map(([label]) => ({ label, meanUs: sums.get(label) ?? 0 }));
    // The lookups alone, in process (what each authenticated request adds before its route).
    const session = createSession(services.db, user.user.id);
    const lookups = 20_000;
    let t = performance.now();
    for (let i = 0; i < lookups; i++) principalForToken(services.db, token);
    const tokenUs = ((performance.now() - t) / lookups) * 1000;
    t = performance.now();
    for (let i = 0; i < lookups; i++) principalForSession(services.db, session.token);
    const sessionUs = ((performance.now() - t) / lookups) * 1000;
    await new Promise<void>((r) => server.close(() => r()));

    const { N: n, r, p } = SCRYPT_PARAMS;
    console.log(
      `scrypt N=${n} r=${r} p=${p} (${(128 * n * r) / 2 ** 20} MiB): median ${median(hashMs).toFixed(0)} ms per hash (5 runs)`,
    );
    console.log(
      `lookup alone: bearer token ${tokenUs.toFixed(1)} µs, session cookie ${sessionUs.toFixed(1)} µs (SHA-256 + one indexed join)`,
    );
    const baseline = results[0]?.meanUs ?? 0;
    for (const x of results)
      console.log(
        `GET /api/sites/:id ${x.label.padEnd(22)} ${x.meanUs.toFixed(0).padStart(6)} µs/request` +
          (x === results[0] ? '' : `  (+${(x.meanUs - baseline).toFixed(0)} µs vs anonymous)`),
      );
    // Accounts the second flood guesses at (wrong passwords: each check is a real scrypt hash).
    for (let i = 0; i < 40; i++)
      insertUser(services.db, {
        username: `victim${i}`,
        passwordHash: hashPasswordSync(`victim ${i} password`),
        role: 'viewer',
      });
    services.close();
    await floods(dbPath);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function floods(dbPath: string): Promise<void> {
  const { url, child } = await startServerProcess(dbPath);
  try {
    const real = { username: 'bench', password: 'benchmark passphrase' };
    const base = await baselineStatic(url, 4000);
    const random = await flood(
      url,
      'random names',
      FLOOD_MS,
      () => `rnd-${Math.random().toString(36).slice(2)}`,
      real,
    );
    const known = await flood(
      url,
      'real accounts, wrong passwords',
      FLOOD_MS,
      (i) => `victim${i % 40}`,
      real,
    );
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(
      `\nLogin floods: ${FLOOD_CONNECTIONS} connections, each login from its own X-Forwarded-For address`,
    );
    console.log(
      `static files and glyphs, no flood (baseline): median ${ms(base.p50)}, p90 ${ms(base.p90)}, max ${ms(base.max)} (${base.n} requests)`,
    );
    for (const f of [random, known]) {
      const statuses = Object.entries(f.byStatus)
        .map(([s, n]) => `${n} × ${s}`)
        .join(', ');
      console.log(
        `flood of ${f.label}: ${f.loginsPerS.toFixed(0)} logins/s answered (${statuses}) over ${f.seconds.toFixed(1)} s`,
      );
      console.log(
        `  static during the flood: median ${ms(f.staticMs.p50)}, p90 ${ms(f.staticMs.p90)}, max ${ms(f.staticMs.max)} (${f.staticMs.n} requests; target ≤ 500 ms median, ≤ 2000 ms max)`,
      );
      console.log(`  a real user's login during the flood: ${f.realLoginStatus} in ${ms(f.realLoginMs)}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
