// One structured (pino JSON) log line per request: method, route pattern, status, ms, request id,
// user; the level comes from HAZATLAS_LOG_LEVEL.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/boot/app.js';
import { createLogger, logLevelFromEnv } from '../../server/log.js';
import { createServices, type Services } from '../../server/runtime/services.js';
import { createToken } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';

const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    for (const l of String(chunk).split('\n')) if (l.trim()) lines.push(JSON.parse(l));
    done();
  },
});

let services: Services;
let url = '';
let close = () => {};
let token = '';

beforeAll(async () => {
  const db = copyOfBuiltDb();
  token = createToken(db, 'editor');
  services = createServices({ dbPath: db });
  const server = createApp(services, { logger: createLogger({ level: 'info', destination: sink }) }).listen(
    0,
    '127.0.0.1',
  );
  await new Promise<void>((r) => server.once('listening', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => {
    server.close();
    services.close();
  };
});
afterAll(() => close());

describe('request log', () => {
  it('writes one line per request with route pattern, status, ms, id and user', async () => {
    const before = lines.length;
    const a = await fetch(`${url}/api/sites?limit=1`, { headers: { 'X-Request-Id': 'abc-123' } });
    expect(a.headers.get('x-request-id')).toBe('abc-123');
    const list = (await a.json()) as { items: Array<{ id: string }> };
    const id = list.items[0]?.id;
    const b = await fetch(`${url}/api/sites/${id}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(b.status).toBe(200);
    const c = await fetch(`${url}/api/sites/not-a-site`);
    expect(c.status).toBe(404);
    await new Promise((r) => setTimeout(r, 50));
    const mine = lines.slice(before).filter((l) => l.msg === 'request');
    expect(mine).toHaveLength(3);
    expect(mine[0]).toMatchObject({
      reqId: 'abc-123',
      method: 'GET',
      route: '/api/sites',
      status: 200,
      user: null,
    });
    // The pattern, not the id: no identifiers or query strings in the log.
    expect(mine[1]).toMatchObject({ method: 'GET', route: '/api/sites/:id', status: 200, via: 'token' });
    expect(typeof mine[1]?.user).toBe('string');
    expect(mine[1]?.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(mine[2]).toMatchObject({ status: 404 });
    for (const l of mine) expect(typeof l.ms).toBe('number');
    expect(JSON.stringify(mine)).not.toContain(String(id));
  });

  it('writes security events (a failed login, a refused write) to the log as well as the audit table', async () => {
    const before = lines.length;
    const bad = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'login-1' },
      body: JSON.stringify({ username: 'nobody-here', password: 'wrong password' }),
    });
    expect(bad.status).toBe(401);
    const refused = await fetch(`${url}/api/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    const events = lines.slice(before).filter((l) => l.msg === 'audit');
    expect(events).toEqual([
      expect.objectContaining({ audit: 'login.failure', outcome: 'failed', reqId: 'login-1', level: 40 }),
      expect.objectContaining({ audit: 'access.refused', outcome: 'refused', target: 'POST /api/sites' }),
    ]);
    // No password in the log, ever.
    expect(JSON.stringify(lines)).not.toContain('wrong password');
  });

  it('takes its level from HAZATLAS_LOG_LEVEL and refuses a bad one', () => {
    expect(logLevelFromEnv({ HAZATLAS_LOG_LEVEL: 'warn' })).toBe('warn');
    expect(logLevelFromEnv({}, 'info')).toBe('info');
    expect(() => logLevelFromEnv({ HAZATLAS_LOG_LEVEL: 'loud' })).toThrow(
      /HAZATLAS_LOG_LEVEL must be one of/,
    );
  });
});
