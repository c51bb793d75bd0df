// Findings 1 and 3 of the second security probe, by its own method on the real server: parallel
// guesses against one account, the right password inside a batch of guesses, X-Forwarded-For only from
// trusted proxies, and a flood of random-name logins from many addresses while static files and glyphs
// are fetched. Behaviour is asserted through the hasher's counters (bench:auth measures the timing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { type AppServer, listenApp } from '../support/app-server.js';
import { createUser } from '../support/auth.js';

let env: RegisterEnv;
let app: AppServer;
let untrusted: AppServer;
const RIGHT = 'target-right-passphrase';
const VICTIMS = ['victim-a', 'victim-b', 'victim-c', 'victim-d', 'victim-e'];

beforeAll(async () => {
  env = await openRegisterEnv();
  for (const u of ['target', 'batch', 'locked', 'flood-user', 'bystander', ...VICTIMS])
    createUser(env.dbPath, { username: u, password: RIGHT, role: 'editor' });
  // The test client stands for a TLS proxy on loopback: X-Forwarded-For names each "client".
  app = await listenApp(env.services, { trustProxy: 'loopback' });
  untrusted = await listenApp(env.services, { trustProxy: false });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await untrusted?.close();
  await env?.close();
});

const login = (base: string, username: string, password: string, from?: string) =>
  fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify({ username, password }),
  });

const checks = () => env.services.passwords.stats.verifications;

describe('parallel guesses against one account', () => {
  it('100 at once from one address: 5 password checks, 5 × 401, 95 × 429 with Retry-After', async () => {
    const before = checks();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login(app.api, 'target', `guess number ${i}`, '203.0.113.10')),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(95);
    for (const r of answers.filter((a) => a.status === 429)) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_ATTEMPTS');
    }
    expect(checks() - before).toBe(5);
    // Locked: even the right password, from another address, is refused until the window ends.
    const right = await login(app.api, 'target', RIGHT, '203.0.113.99');
    expect(right.status).toBe(429);
    expect(checks() - before).toBe(5);
  });

  it('the right password in a batch of 40 guesses: never more than 5 checks, so it rarely gets in', async () => {
    const before = checks();
    const batch = Array.from({ length: 40 }, (_, i) => login(app.api, 'batch', `wrong ${i}`, '203.0.113.20'));
    batch.push(login(app.api, 'batch', RIGHT, '203.0.113.20'));
    const statuses = (await Promise.all(batch)).map((r) => r.status);
    // Only the requests that won one of the 5 slots were checked at all; every other one is a 429.
    expect(checks() - before).toBe(5);
    expect(statuses.filter((s) => s === 401 || s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(36);
  });

  it('a failure count survives a success: 4 failures, a success, 1 failure → locked', async () => {
    for (let i = 0; i < 4; i++)
      expect((await login(app.api, 'locked', `w${i}`, '198.51.100.1')).status).toBe(401);
    expect((await login(app.api, 'locked', RIGHT, '198.51.100.1')).status).toBe(200);
    expect((await login(app.api, 'locked', 'w5', '198.51.100.1')).status).toBe(401);
    expect((await login(app.api, 'locked', RIGHT, '198.51.100.2')).status).toBe(429);
  });
});

describe('client address', () => {
  it('one address spraying 22 usernames at once: 20 answered 401, 2 refused with 429', async () => {
    const statuses = (
      await Promise.all(
        Array.from({ length: 22 }, (_, i) => login(app.api, `nobody-${i}`, 'x', '192.0.2.50')),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    // Another client is not affected.
    expect((await login(app.api, 'nobody-x', 'x', '192.0.2.51')).status).toBe(401);
  });

  it('without a trusted proxy X-Forwarded-For is ignored: the socket address is the client', async () => {
    // Twenty-one different forged addresses, all counted against 127.0.0.1.
    const statuses = (
      await Promise.all(
        Array.from({ length: 21 }, (_, i) => login(untrusted.api, `sprayed-${i}`, 'x', `10.9.${i}.1`)),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
  });
});

describe('a flood of random-name logins from many addresses', () => {
  it('runs no password hash for unknown names, keeps static files and glyphs answering, and lets a real user in', async () => {
    const before = env.services.passwords.stats;
    let stop = false;
    const floodStatuses: number[] = [];
    let n = 0;
    // 32 connections, each sending logins back to back with a random name from its own addresses.
    const flood = Array.from({ length: 32 }, async (_, c) => {
      while (!stop) {
        n += 1;
        const r = await login(
          app.api,
          `rnd-${Math.random().toString(36).slice(2)}`,
          'pw',
          `100.64.${c}.${n % 250}`,
        );
        floodStatuses.push(r.status);
        await r.arrayBuffer();
      }
    });
    const staticStatuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (const path of ['/', '/api/glyphs/DejaVu%20Sans%20Book/0-255.pbf', '/api/style.json']) {
        const r = await fetch(`${app.url}${path}`);
        await r.arrayBuffer();
        staticStatuses.push(r.status);
      }
    }
    const real = await login(app.api, 'flood-user', RIGHT, '100.127.0.1');
    // Keep the flood going until every connection has sent several logins.
    while (floodStatuses.length < 4 * 32) await new Promise((r) => setTimeout(r, 50));
    stop = true;
    await Promise.all(flood);
    expect(staticStatuses.every((s) => s === 200)).toBe(true);
    expect(real.status).toBe(200);
    expect(floodStatuses.every((s) => s === 401 || s === 429)).toBe(true);
    const after = env.services.passwords.stats;
    // The only password check in the whole flood was the real user's, on the one hashing thread.
    expect(after.verifications - before.verifications).toBe(1);
    expect(after.maxRunning).toBeLessThanOrEqual(1);
  }, 60_000);
});

describe('guesses at known accounts filling the hashing queue', () => {
  it('do not lock another account out: its check has its own queue, served first', async () => {
    // 5 accounts × 5 slots = 25 real checks at once: one runs, 16 wait, the rest are LOGIN_BUSY.
    const guesses = VICTIMS.flatMap((v, i) =>
      Array.from({ length: 5 }, (_, j) => login(app.api, v, `guess ${j}`, `100.100.${i}.${j}`)),
    );
    const bystander = login(app.api, 'bystander', RIGHT, '100.101.0.1');
    const statuses = (await Promise.all(guesses)).map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await bystander).status).toBe(200);
  }, 120_000);
});
