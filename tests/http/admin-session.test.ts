// The admin routes from a browser session, as the client's admin screen calls them: reads (GET
// /api/users, /api/tokens) need the admin role but no CSRF token; every change still needs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { createUser } from '../support/auth.js';

let env: RegisterEnv;
const cookies: Record<string, { cookie: string; csrfToken: string }> = {};

beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  for (const [username, role] of [
    ['adele', 'admin'],
    ['ed', 'editor'],
  ] as const) {
    const password = `${username}-passphrase-1`;
    createUser(env.dbPath, { username, password, role });
    const res = await fetch(`${env.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    cookies[role] = {
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string,
      csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken,
    };
  }
});
afterAll(async () => env?.close());

const as = (role: 'admin' | 'editor', csrf: boolean): Record<string, string> => {
  const c = cookies[role];
  if (!c) throw new Error(`no ${role} session`);
  return {
    cookie: c.cookie,
    'content-type': 'application/json',
    ...(csrf ? { 'x-csrf-token': c.csrfToken } : {}),
  };
};

describe('admin routes from a browser session', () => {
  it('an admin reads users and tokens without a CSRF token', async () => {
    for (const path of ['/users', '/tokens']) {
      const res = await fetch(`${env.api}${path}`, { headers: as('admin', false) });
      expect(res.status, path).toBe(200);
      expect(Array.isArray(((await res.json()) as { items: unknown }).items)).toBe(true);
    }
  });

  it('an editor session is still refused the reads (403), CSRF token or not', async () => {
    for (const csrf of [false, true]) {
      const res = await fetch(`${env.api}/users`, { headers: as('editor', csrf) });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
  });

  it('every change needs the CSRF token: without it 403 CSRF and nothing is written', async () => {
    const count = () => env.services.db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
    const before = count();
    const body = JSON.stringify({ username: 'new-one', password: 'new-one-passphrase', role: 'viewer' });
    const refused = await fetch(`${env.api}/users`, { method: 'POST', headers: as('admin', false), body });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CSRF');
    expect(count()).toBe(before);
    const revoke = await fetch(`${env.api}/tokens/1`, { method: 'DELETE', headers: as('admin', false) });
    expect(revoke.status).toBe(403);
    const ok = await fetch(`${env.api}/users`, { method: 'POST', headers: as('admin', true), body });
    expect(ok.status).toBe(201);
    expect(count()).toBe(before + 1);
  });
});
