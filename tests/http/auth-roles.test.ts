// Role enforcement on every API route, enumerated from the router (a new route is covered the day it
// is added): anonymous and viewer callers are refused every write, editors every admin route, and
// nothing changes in the database when a call is refused. Also: anonymous read switched off.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/boot/app.js';
import { needOf, READ_ONLY_POSTS } from '../../server/http/auth.js';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { chirchiq, json, kalush } from '../fixtures/site-bodies.js';
import { authHeaders, createToken } from '../support/auth.js';
import { fillPath, listApiRoutes, type RouteInfo } from '../support/routes.js';

let env: RegisterEnv;
let origin = '';
let siteId = '';
const headers: Record<'viewer' | 'editor' | 'admin', Record<string, string>> = {
  viewer: {},
  editor: {},
  admin: {},
};
let routes: RouteInfo[] = [];

beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  origin = env.api.replace(/\/api$/, '');
  for (const role of ['viewer', 'editor', 'admin'] as const)
    headers[role] = authHeaders(createToken(env.dbPath, role));
  const res = await fetch(`${env.api}/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers.editor },
    body: JSON.stringify(kalush),
  });
  expect(res.status).toBe(201);
  siteId = String((await json(res)).id);
  routes = listApiRoutes(createApp(env.services));
});
afterAll(async () => env?.close());

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const PUBLIC = [
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  // The API description holds no data, and tells a client how to log in.
  'GET /api/openapi.json',
  'GET /api/docs',
];
const key = (r: RouteInfo) => `${r.method} ${r.path}`;
const isReadOnlyPost = (r: RouteInfo) => r.method === 'POST' && READ_ONLY_POSTS.includes(r.path.slice(4));
const writeRoutes = () =>
  routes.filter((r) => !SAFE.has(r.method) && !PUBLIC.includes(key(r)) && !isReadOnlyPost(r));
const adminRoutes = () => routes.filter((r) => /^\/api\/(users|tokens)\b/.test(r.path));

/** Row counts of every table a write could touch. */
function snapshot(): Record<string, number> {
  const tables = ['sites', 'site_history', 'sites_deleted', 'receptors', 'users', 'api_tokens', 'sessions'];
  return Object.fromEntries(
    tables.map((t) => [t, env.services.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]),
  );
}

async function call(r: RouteInfo, extra: Record<string, string>) {
  const url = origin + fillPath(r.path, { id: siteId }, '1');
  const res = await fetch(url, {
    method: r.method,
    headers: { 'content-type': 'application/json', ...extra },
    body:
      SAFE.has(r.method) || r.method === 'DELETE' ? undefined : JSON.stringify({ ...chirchiq, version: 1 }),
  });
  const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  return { status: res.status, code: body?.error?.code };
}

describe('the route list', () => {
  it('is read from the router and includes every write route this issue and others added', () => {
    const keys = routes.map(key);
    for (const k of [
      'POST /api/sites',
      'PUT /api/sites/:id',
      'PATCH /api/sites/:id',
      'DELETE /api/sites/:id',
      'POST /api/sites/import',
      'POST /api/sites/:id/restore',
      'POST /api/receptors',
      'DELETE /api/receptors/:id',
      'POST /api/users',
      'DELETE /api/tokens/:id',
    ])
      expect(keys).toContain(k);
    expect(writeRoutes().length).toBeGreaterThanOrEqual(13);
  });

  it('keeps the read-only POST allowlist small and every entry a real route', () => {
    expect(READ_ONLY_POSTS.length).toBeLessThanOrEqual(5);
    for (const p of READ_ONLY_POSTS) expect(routes.map(key)).toContain(`POST /api${p}`);
  });

  it('classifies paths the way Express matches them (any case, trailing slash)', () => {
    expect(needOf('POST', '/USERS/')).toEqual({ kind: 'role', role: 'admin' });
    expect(needOf('get', '/Tokens')).toEqual({ kind: 'role', role: 'admin' });
    expect(needOf('POST', '/Planning/Review/')).toEqual({ kind: 'read' });
    expect(needOf('POST', '/sites/x/restore')).toEqual({ kind: 'role', role: 'editor' });
    expect(needOf('DELETE', '/anything/new')).toEqual({ kind: 'role', role: 'editor' });
  });
});

describe('every write route', () => {
  it('refuses anonymous callers with 401 and changes nothing', async () => {
    const before = snapshot();
    const wrong: string[] = [];
    for (const r of writeRoutes()) {
      const a = await call(r, {});
      if (a.status !== 401 || a.code !== 'UNAUTHENTICATED') wrong.push(`${key(r)} → ${a.status} ${a.code}`);
    }
    expect(wrong).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  it('refuses viewers with 403 and changes nothing', async () => {
    const before = snapshot();
    const wrong: string[] = [];
    for (const r of writeRoutes()) {
      const a = await call(r, headers.viewer);
      if (a.status !== 403 || a.code !== 'FORBIDDEN') wrong.push(`${key(r)} → ${a.status} ${a.code}`);
    }
    expect(wrong).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a bad bearer token with 401 even on reads', async () => {
    for (const r of [...writeRoutes(), { method: 'GET', path: '/api/sites' }]) {
      const a = await call(r, authHeaders('hza_not-a-real-token'));
      expect(a, key(r)).toEqual({ status: 401, code: 'INVALID_TOKEN' });
    }
  });
});

describe('admin routes', () => {
  it('refuse editors (403), also with odd spelling of the path, and changes nothing', async () => {
    expect(adminRoutes().length).toBeGreaterThanOrEqual(6);
    const before = snapshot();
    for (const r of adminRoutes()) {
      const a = await call(r, headers.editor);
      expect(a, key(r)).toEqual({ status: 403, code: 'FORBIDDEN' });
      const b = await call(
        { method: r.method, path: `${r.path.toUpperCase().replace('/API/', '/api/')}/` },
        headers.editor,
      );
      expect(b.status, `${key(r)} upper-case`).toBe(403);
    }
    expect(snapshot()).toEqual(before);
  });

  it('answer admins', async () => {
    const res = await fetch(`${env.api}/users`, { headers: headers.admin });
    expect(res.status).toBe(200);
    const users = ((await res.json()) as { items: { username: string; role: string }[] }).items;
    expect(users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['test-viewer', 'test-editor', 'test-admin']),
    );
    expect(JSON.stringify(users)).not.toMatch(/password|hash/i);
  });
});

describe('editors and viewers', () => {
  it('an editor can create, update and delete a site', async () => {
    const created = await fetch(`${env.api}/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers.editor },
      body: JSON.stringify(chirchiq),
    });
    expect(created.status).toBe(201);
    const id = String((await json(created)).id);
    const patched = await fetch(`${env.api}/sites/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers.editor },
      body: JSON.stringify({ version: 1, notes: 'checked' }),
    });
    expect(patched.status).toBe(200);
    const del = await fetch(`${env.api}/sites/${id}?version=2`, {
      method: 'DELETE',
      headers: headers.editor,
    });
    expect(del.status).toBe(204);
  });

  it('a viewer and an anonymous caller can read (anonymous read on by default) and use read-only POSTs', async () => {
    for (const h of [headers.viewer, {}]) {
      expect((await fetch(`${env.api}/sites/${siteId}`, { headers: h })).status).toBe(200);
      const review = await fetch(`${env.api}/planning/review`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...h },
        body: JSON.stringify({ location: { lon: 24.35, lat: 49.03 }, type: 'housing' }),
      });
      expect([200, 400]).toContain(review.status);
      expect(review.status === 401 || review.status === 403).toBe(false);
    }
  });
});

describe('HAZATLAS_ANONYMOUS_READ off', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createApp(env.services, { anonymousRead: false }).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses every read route to anonymous callers (401) except the login helpers', async () => {
    const wrong: string[] = [];
    for (const r of routes.filter(
      (x) => (SAFE.has(x.method) || isReadOnlyPost(x)) && !PUBLIC.includes(key(x)),
    )) {
      if (adminRoutes().some((a) => key(a) === key(r))) continue;
      const res = await fetch(base + fillPath(r.path, { id: siteId, z: '0', x: '0', y: '0' }), {
        method: r.method,
        headers: { 'content-type': 'application/json' },
        body: r.method === 'POST' ? '{}' : undefined,
      });
      if (res.status !== 401) wrong.push(`${key(r)} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    const me = await fetch(`${base}/api/auth/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: null, anonymousRead: false });
    expect((await fetch(`${base}/api/openapi.json`)).status).toBe(200);
  });

  it('lets a viewer read', async () => {
    const res = await fetch(`${base}/api/sites?limit=5`, { headers: headers.viewer });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBeGreaterThanOrEqual(1);
  });
});
