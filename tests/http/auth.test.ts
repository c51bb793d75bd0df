// Login, sessions, CSRF, login rate limit, API tokens (scoped, revocable), user administration and
// secrets at rest, over the real HTTP server on a copy of the real database.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { chirchiq, json, kalush } from '../fixtures/site-bodies.js';
import { authHeaders, createUser } from '../support/auth.js';

let env: RegisterEnv;
const PASSWORDS = {
  ada: 'ada-admin-passphrase',
  eddie: 'eddie-editor-passphrase',
  vera: 'vera-viewer-passphrase',
};

beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  createUser(env.dbPath, { username: 'ada', password: PASSWORDS.ada, role: 'admin' });
  createUser(env.dbPath, { username: 'eddie', password: PASSWORDS.eddie, role: 'editor' });
  createUser(env.dbPath, { username: 'vera', password: PASSWORDS.vera, role: 'viewer' });
});
afterAll(async () => env?.close());

interface Session {
  cookie: string;
  csrfToken: string;
  setCookie: string;
}

const login = (username: string, password: string) =>
  fetch(`${env.api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

async function session(username: keyof typeof PASSWORDS): Promise<Session> {
  const res = await login(username, PASSWORDS[username]);
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0] as string, csrfToken: body.csrfToken, setCookie };
}

const postSite = (headers: Record<string, string>, body: unknown = chirchiq) =>
  fetch(`${env.api}/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('login and sessions', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns the user and a CSRF token', async () => {
    const res = await login('eddie', PASSWORDS.eddie);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: unknown; csrfToken: string };
    expect(body.user).toEqual({ username: 'eddie', role: 'editor' });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^hazatlas_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api/);
    expect(setCookie).toMatch(/Max-Age=\d+/);
  });

  it('refuses a wrong password or an unknown user with the same 401', async () => {
    const a = await login('eddie', 'not the password');
    const b = await login('nobody', 'not the password');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect((await json(a)).error).toEqual((await json(b)).error);
  });

  it('GET /api/auth/me tells who is logged in, with the CSRF token for a session', async () => {
    const s = await session('vera');
    const me = await (await fetch(`${env.api}/auth/me`, { headers: { cookie: s.cookie } })).json();
    expect(me).toMatchObject({
      user: { username: 'vera', role: 'viewer' },
      via: 'session',
      csrfToken: s.csrfToken,
    });
    const anon = await (await fetch(`${env.api}/auth/me`)).json();
    expect(anon).toMatchObject({ user: null, csrfToken: null, anonymousRead: true });
  });

  it('a cookie-authenticated write needs the X-CSRF-Token header (403 without, or with a wrong one)', async () => {
    const s = await session('eddie');
    const none = await postSite({ cookie: s.cookie });
    expect(none.status).toBe(403);
    expect((await json(none)).error?.code).toBe('CSRF');
    const wrong = await postSite({ cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrfToken.length) });
    expect(wrong.status).toBe(403);
    const right = await postSite({ cookie: s.cookie, 'x-csrf-token': s.csrfToken }, kalush);
    expect(right.status).toBe(201);
  });

  it('a viewer session cannot write (403), whatever the CSRF token', async () => {
    const s = await session('vera');
    const res = await postSite({ cookie: s.cookie, 'x-csrf-token': s.csrfToken });
    expect(res.status).toBe(403);
    expect((await json(res)).error?.code).toBe('FORBIDDEN');
  });

  it('logout ends the session: the cookie no longer authenticates', async () => {
    const s = await session('eddie');
    const out = await fetch(`${env.api}/auth/logout`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const me = await (await fetch(`${env.api}/auth/me`, { headers: { cookie: s.cookie } })).json();
    expect(me).toMatchObject({ user: null });
    expect((await postSite({ cookie: s.cookie, 'x-csrf-token': s.csrfToken })).status).toBe(401);
  });

  it('an expired session is anonymous', async () => {
    const s = await session('eddie');
    env.services.db.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    const me = await (await fetch(`${env.api}/auth/me`, { headers: { cookie: s.cookie } })).json();
    expect(me).toMatchObject({ user: null });
  });
});

describe('login rate limit', () => {
  it('answers 429 with Retry-After after 5 failures for a username from one address, even with the right password', async () => {
    createUser(env.dbPath, { username: 'target', password: 'target-passphrase', role: 'viewer' });
    for (let i = 0; i < 5; i++) expect((await login('target', `guess ${i}`)).status).toBe(401);
    const blocked = await login('target', 'target-passphrase');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(blocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await json(blocked)).error?.code).toBe('TOO_MANY_ATTEMPTS');
    // Other accounts are not locked out by it.
    expect((await login('vera', PASSWORDS.vera)).status).toBe(200);
  });
});

describe('API tokens', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await session('ada');
  });
  const adminCall = (method: string, path: string, body?: unknown) =>
    fetch(`${env.api}${path}`, {
      method,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('an admin creates a token for a user; it writes with Bearer and no CSRF; revoked it is 401', async () => {
    const created = await adminCall('POST', '/tokens', { username: 'eddie', name: 'nightly import' });
    expect(created.status).toBe(201);
    const t = (await created.json()) as { id: number; token: string; role: string; username: string };
    expect(t).toMatchObject({ role: 'editor', username: 'eddie' });
    expect(t.token).toMatch(/^hza_[\w-]{40,}$/);
    const res = await postSite(authHeaders(t.token), { ...chirchiq, name: 'Token-made site' });
    expect(res.status).toBe(201);
    // The list never shows the secret again.
    const list = await (await adminCall('GET', '/tokens')).text();
    expect(list).toContain('nightly import');
    expect(list).not.toContain(t.token);
    const listed = (JSON.parse(list) as { items: { id: number; lastUsedAt: string | null }[] }).items;
    expect(listed.find((x) => x.id === t.id)?.lastUsedAt).toMatch(/^20\d\d-/);
    expect((await adminCall('DELETE', `/tokens/${t.id}`)).status).toBe(204);
    const after = await postSite(authHeaders(t.token), { ...chirchiq, name: 'After revocation' });
    expect(after.status).toBe(401);
    expect((await json(after)).error?.code).toBe('INVALID_TOKEN');
    expect((await fetch(`${env.api}/sites`, { headers: authHeaders(t.token) })).status).toBe(401);
  });

  it('a token is scoped: a viewer token of an editor cannot write, and no token exceeds its user', async () => {
    const scoped = (await (
      await adminCall('POST', '/tokens', { username: 'eddie', role: 'viewer', name: 'read' })
    ).json()) as {
      token: string;
    };
    expect((await postSite(authHeaders(scoped.token))).status).toBe(403);
    expect((await fetch(`${env.api}/sites`, { headers: authHeaders(scoped.token) })).status).toBe(200);
    const tooMuch = await adminCall('POST', '/tokens', { username: 'vera', role: 'editor', name: 'x' });
    expect(tooMuch.status).toBe(400);
  });

  it('disabling a user ends their login, sessions and tokens', async () => {
    createUser(env.dbPath, { username: 'leaver', password: 'leaver-passphrase', role: 'editor' });
    const users = (await (await adminCall('GET', '/users')).json()) as {
      items: { id: number; username: string }[];
    };
    const leaver = users.items.find((u) => u.username === 'leaver');
    const created = await adminCall('POST', '/tokens', { username: 'leaver', name: 'l' });
    const token = ((await created.json()) as { token: string }).token;
    const res = await login('leaver', 'leaver-passphrase');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const patched = await adminCall('PATCH', `/users/${leaver?.id}`, { disabled: true });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ username: 'leaver', disabled: true });
    expect((await login('leaver', 'leaver-passphrase')).status).toBe(401);
    expect((await postSite(authHeaders(token))).status).toBe(401);
    expect(await (await fetch(`${env.api}/auth/me`, { headers: { cookie } })).json()).toMatchObject({
      user: null,
    });
  });
});

describe('user administration', () => {
  it('an admin adds users with a role; weak passwords and duplicates are refused; the last admin stays', async () => {
    const admin = await session('ada');
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${env.api}${path}`, {
        method,
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrfToken,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const made = await call('POST', '/users', {
      username: 'newbie',
      password: 'newbie-passphrase',
      role: 'viewer',
    });
    expect(made.status).toBe(201);
    expect(await made.json()).toMatchObject({ username: 'newbie', role: 'viewer', disabled: false });
    expect((await login('newbie', 'newbie-passphrase')).status).toBe(200);
    expect(
      (await call('POST', '/users', { username: 'newbie', password: 'another-passphrase', role: 'viewer' }))
        .status,
    ).toBe(409);
    const weak = await call('POST', '/users', { username: 'weak', password: 'short', role: 'viewer' });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(await weak.json())).toContain('password');
    const adaId = (
      (await (await call('GET', '/users')).json()) as { items: { id: number; username: string }[] }
    ).items.find((u) => u.username === 'ada')?.id;
    const demote = await call('PATCH', `/users/${adaId}`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect((await json(demote)).error?.code).toBe('LAST_ADMIN');
  });
});

describe('secrets at rest', () => {
  it('stores no password, session cookie or API token in clear anywhere in the database file', async () => {
    const s = await session('eddie');
    const a = await session('ada');
    const made = (await (
      await fetch(`${env.api}/tokens`, {
        method: 'POST',
        headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'eddie', name: 'secret check' }),
      })
    ).json()) as { token: string };
    const hashes = env.services.db.prepare('SELECT password_hash FROM users').pluck().all() as string[];
    for (const h of hashes)
      expect(h === '!locked' || /^scrypt\$32768\$8\$3\$[\w-]{22}\$[\w-]{43}$/.test(h)).toBe(true);
    env.services.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = Buffer.concat(
      [env.dbPath, `${env.dbPath}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
    );
    const secrets = [...Object.values(PASSWORDS), made.token, s.cookie.split('=')[1] as string];
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret)), secret.slice(0, 6)).toBe(false);
  });
});
