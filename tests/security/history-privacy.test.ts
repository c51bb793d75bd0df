// Finding 4 of the second security probe: a site's history (old values, account names, deleted
// records) is for editors; anonymous and viewer callers get 401/403 and see no account name anywhere
// else; an admin can purge a sensitive field from a site's history, and that purge is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { json, kalush } from '../fixtures/site-bodies.js';
import { type AppServer, listenApp } from '../support/app-server.js';
import { authHeaders, createToken } from '../support/auth.js';

let env: RegisterEnv;
let app: AppServer;
let viewer: Record<string, string>;
let admin: Record<string, string>;
let id = '';
const SECRET = 'night-shift contact: +380 00 000 0000';

beforeAll(async () => {
  env = await openRegisterEnv();
  app = await listenApp(env.services, { anonymousRead: true });
  viewer = authHeaders(createToken(env.dbPath, 'viewer'));
  admin = authHeaders(createToken(env.dbPath, 'admin'));
  const send = (method: string, p: string, body?: unknown) =>
    fetch(`${app.api}${p}`, {
      method,
      headers: { ...env.auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // Kalush (Ukraine), with a note that an edit then removes: the old value stays in the history.
  const created = await json(await send('POST', '/sites', { ...kalush, notes: SECRET }));
  id = String(created.id);
  expect(
    (await send('PATCH', `/sites/${id}`, { version: 1, notes: 'contact via the operator' })).status,
  ).toBe(200);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await env?.close();
});

const history = (headers: Record<string, string> = {}) =>
  fetch(`${app.api}/sites/${id}/history`, { headers });

describe('who may read a history', () => {
  it('anonymous → 401, viewer → 403, editor → 200 with no-store', async () => {
    expect((await history()).status).toBe(401);
    expect((await history(viewer)).status).toBe(403);
    const ok = await history(env.auth);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.text()).toContain(SECRET);
  });

  it('the answers anonymous and viewer callers can get name no account', async () => {
    for (const headers of [{}, viewer]) {
      for (const p of [`/sites/${id}`, '/sites', `/sites/${id}/zones`, '/sites/export?format=geojson']) {
        const res = await fetch(`${app.api}${p}`, { headers });
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(text).not.toMatch(/test-editor|test-viewer|test-admin/);
        expect(text).not.toContain(SECRET);
      }
    }
  });
});

describe('purging a field from history', () => {
  it('is for admins: an editor gets 403, a bad field 400 naming the fields', async () => {
    const purge = (headers: Record<string, string>, body: unknown) =>
      fetch(`${app.api}/sites/${id}/history/purge`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await purge(env.auth, { field: 'notes', reason: 'personal data' })).status).toBe(403);
    expect((await purge({}, { field: 'notes', reason: 'personal data' })).status).toBe(401);
    const bad = await purge(admin, { field: 'location', reason: 'x y z' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/notes/);
  });

  it('replaces the old values with [purged], keeps the live value, and is audited without the value', async () => {
    const res = await fetch(`${app.api}/sites/${id}/history/purge`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ field: 'notes', reason: 'personal phone number' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ siteId: id, field: 'notes', rows: 2 });
    const text = await (await history(env.auth)).text();
    expect(text).not.toContain(SECRET);
    const items = (
      JSON.parse(text) as { items: { before: { notes: unknown } | null; after: { notes: unknown } }[] }
    ).items;
    expect(items.map((e) => e.after.notes)).toEqual(['[purged]', '[purged]']);
    // The live record is what an editor set last; the purge only rewrites history.
    expect(((await json(await fetch(`${app.api}/sites/${id}`))) as { notes: string }).notes).toBe(
      'contact via the operator',
    );
    const audit = (await json(await fetch(`${app.api}/audit?action=history.purge`, { headers: admin }))) as {
      items: { target: string; details: Record<string, unknown> }[];
    };
    expect(audit.items[0]).toMatchObject({
      target: `site:${id}`,
      details: { field: 'notes', reason: 'personal phone number', rows: 2 },
    });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });
});
