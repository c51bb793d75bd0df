// Site history and soft deletes on the real server and database: every create, update, delete,
// restore and import is recorded with its actor and before/after; a failed import records nothing;
// a change and its history row commit together or not at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFields } from '../../server/core/register/site-validate.js';
import { insertSites } from '../../server/storage/site-store.js';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { aurul, chirchiq, json, kalush } from '../fixtures/site-bodies.js';
import { authHeaders, createToken } from '../support/auth.js';

let env: RegisterEnv;
let viewer: Record<string, string>;
beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  viewer = authHeaders(createToken(env.dbPath, 'viewer'));
});
afterAll(async () => env?.close());

interface Entry {
  action: string;
  actor: string;
  at: string;
  version: number | null;
  importId: string | null;
  userId: number | null;
  tokenId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = env.auth) =>
  fetch(`${env.api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function history(id: string): Promise<Entry[]> {
  const res = await fetch(`${env.api}/sites/${id}/history`, { headers: env.auth });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Entry[] }).items;
}

const historyCount = () =>
  env.services.db.prepare('SELECT COUNT(*) FROM site_history').pluck().get() as number;

describe('a site through its life', () => {
  let id = '';
  it('create → history row with the actor (token and its user) and the fields after', async () => {
    const res = await send('POST', '/sites', kalush);
    expect(res.status).toBe(201);
    id = String((await json(res)).id);
    const h = await history(id);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ action: 'create', version: 1, before: null, importId: null });
    expect(h[0]?.actor).toMatch(/^test-editor \(token \d+\)$/);
    expect(h[0]?.userId).toBeGreaterThan(0);
    expect(h[0]?.tokenId).toBeGreaterThan(0);
    expect(h[0]?.after).toMatchObject({ name: kalush.name, location: kalush.location });
    expect(Date.now() - Date.parse(h[0]?.at ?? '')).toBeLessThan(60_000);
  });

  it('update → before and after differ in exactly the changed field', async () => {
    const res = await send('PATCH', `/sites/${id}`, { version: 1, operator: 'Oriana', notes: 'inspected' });
    expect(res.status).toBe(200);
    const h = await history(id);
    expect(h.map((e) => e.action)).toEqual(['create', 'update']);
    const u = h[1] as Entry;
    expect(u.version).toBe(2);
    const changed = Object.keys(u.after ?? {}).filter(
      (k) => JSON.stringify(u.before?.[k]) !== JSON.stringify(u.after?.[k]),
    );
    expect(changed.sort()).toEqual(['notes', 'operator']);
    expect(u.after).toMatchObject({ operator: 'Oriana', notes: 'inspected' });
  });

  it('delete is soft: hidden from GET and lists, shown to editors with includeDeleted, recorded with before', async () => {
    expect((await send('DELETE', `/sites/${id}?version=2`)).status).toBe(204);
    expect((await fetch(`${env.api}/sites/${id}`)).status).toBe(404);
    const list = (await (await fetch(`${env.api}/sites?limit=500`)).json()) as { items: { id: string }[] };
    expect(list.items.map((s) => s.id)).not.toContain(id);
    // Editors may ask for deleted sites; viewers and anonymous callers may not.
    const binned = await fetch(`${env.api}/sites/${id}?includeDeleted=true`, { headers: env.auth });
    expect(binned.status).toBe(200);
    expect(await binned.json()).toMatchObject({
      id,
      name: kalush.name,
      deleted: { by: expect.stringMatching(/test-editor/) },
    });
    expect((await fetch(`${env.api}/sites/${id}?includeDeleted=true`, { headers: viewer })).status).toBe(403);
    expect((await fetch(`${env.api}/sites/${id}?includeDeleted=true`)).status).toBe(401);
    const withDeleted = (await (
      await fetch(`${env.api}/sites?includeDeleted=true`, { headers: env.auth })
    ).json()) as {
      items: { id: string }[];
      deleted: { total: number; items: { id: string; version: number }[] };
    };
    expect(withDeleted.items.map((s) => s.id)).not.toContain(id);
    expect(withDeleted.deleted.items).toContainEqual(expect.objectContaining({ id, version: 2 }));
    const h = await history(id);
    expect(h.at(-1)).toMatchObject({ action: 'delete', version: 2, after: null });
    expect(h.at(-1)?.before).toMatchObject({ operator: 'Oriana' });
    // The history stays readable while the site is deleted.
    expect(
      (
        (await (await fetch(`${env.api}/sites/${id}/history`, { headers: env.auth })).json()) as {
          deleted: boolean;
        }
      ).deleted,
    ).toBe(true);
  });

  it('restore needs an editor, brings the site back one version on, and is recorded', async () => {
    expect((await send('POST', `/sites/${id}/restore`, undefined, viewer)).status).toBe(403);
    expect((await send('POST', `/sites/${id}/restore`, undefined, {})).status).toBe(401);
    const res = await send('POST', `/sites/${id}/restore`);
    expect(res.status).toBe(200);
    const site = await json(res);
    expect(site).toMatchObject({ id, version: 3, operator: 'Oriana' });
    expect((site.derived as { countryIso3: string }).countryIso3).toBe('UKR');
    expect((await fetch(`${env.api}/sites/${id}`)).status).toBe(200);
    // Back in the spatial index: a bbox list around Kalush finds it.
    const near = (await (await fetch(`${env.api}/sites?bbox=24.2,48.9,24.5,49.1`)).json()) as {
      items: { id: string }[];
    };
    expect(near.items.map((s) => s.id)).toContain(id);
    const h = await history(id);
    expect(h.map((e) => e.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(h.at(-1)).toMatchObject({ version: 3, before: null });
    // Restoring a live site is a conflict; an unknown one is 404.
    expect((await send('POST', `/sites/${id}/restore`)).status).toBe(409);
    expect((await send('POST', '/sites/00000000-0000-4000-8000-000000000000/restore')).status).toBe(404);
    // A stale version from before the delete cannot overwrite the restored site.
    expect((await send('PATCH', `/sites/${id}`, { version: 2, notes: 'stale' })).status).toBe(409);
  });
});

describe('imports', () => {
  const CSV_HEADER = 'name,kind,sector,status,lon,lat,sources';
  const postCsv = (csv: string) =>
    fetch(`${env.api}/sites/import?format=csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...env.auth },
      body: csv,
    });

  it('records each imported site with the import id, and the import itself', async () => {
    const res = await postCsv(
      `${CSV_HEADER}\nHistory plant A,hazardous_activity,chemical,operating,24.12,45.81,https://example.org/a\n` +
        'History plant B,hazardous_activity,chemical,operating,23.6,46.77,https://example.org/b\n',
    );
    expect(res.status).toBe(200);
    const report = (await res.json()) as { ids: string[]; importId: string };
    expect(report.ids).toHaveLength(2);
    expect(report.importId).toMatch(/^[0-9a-f-]{36}$/);
    for (const sid of report.ids) {
      const h = await history(sid);
      expect(h).toHaveLength(1);
      expect(h[0]).toMatchObject({ action: 'import', importId: report.importId, before: null, version: 1 });
      expect(h[0]?.actor).toMatch(/test-editor/);
    }
    const row = env.services.db
      .prepare('SELECT site_count, actor FROM site_imports WHERE id = ?')
      .get(report.importId);
    expect(row).toMatchObject({ site_count: 2, actor: expect.stringMatching(/test-editor/) });
  });

  it('a failed import (one bad row) and a dry run write no history', async () => {
    const before = historyCount();
    const imports = env.services.db.prepare('SELECT COUNT(*) FROM site_imports').pluck();
    const importsBefore = imports.get();
    const bad = await postCsv(
      `${CSV_HEADER}\nGood row,hazardous_activity,chemical,operating,24.3,45.9,https://example.org/g\n` +
        'Bad row,hazardous_activity,chemical,operating,240,45.9,https://example.org/b\n',
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { importId: string | null }).importId).toBeNull();
    const dry = await fetch(`${env.api}/sites/import?format=csv&dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...env.auth },
      body: `${CSV_HEADER}\nDry row,hazardous_activity,chemical,operating,24.3,45.9,https://example.org/d\n`,
    });
    expect(dry.status).toBe(200);
    expect(historyCount()).toBe(before);
    expect(imports.get()).toBe(importsBefore);
  });
});

describe('atomicity', () => {
  it('a change whose history row cannot be written is not made either', () => {
    const db = env.services.db;
    const sites = () => db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number;
    const n = sites();
    db.exec(
      "CREATE TEMP TRIGGER no_history BEFORE INSERT ON site_history BEGIN SELECT RAISE(ABORT, 'history refused'); END",
    );
    try {
      expect(() => insertSites(db, env.services.hydrology, [toFields(aurul)])).toThrow(/history refused/);
      expect(sites()).toBe(n);
    } finally {
      db.exec('DROP TRIGGER no_history');
    }
  });

  it("history is per site: unknown sites are 404, and another site's changes do not appear", async () => {
    expect(
      (await fetch(`${env.api}/sites/00000000-0000-4000-8000-000000000000/history`, { headers: env.auth }))
        .status,
    ).toBe(404);
    const a = String((await json(await send('POST', '/sites', chirchiq))).id);
    const h = await history(a);
    expect(h.every((e) => (e.after ?? e.before)?.name === chirchiq.name)).toBe(true);
  });
});
