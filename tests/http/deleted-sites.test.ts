// GET /api/sites/deleted on the real server and database: the recycle bin for editors, paged with a
// total, newest deletion first; readers below editor are refused; a restore takes a site out of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { ajka, aurul, chirchiq, json, kalush } from '../fixtures/site-bodies.js';
import { authHeaders, createToken } from '../support/auth.js';

interface DeletedPage {
  total: number;
  limit: number;
  offset: number;
  items: {
    id: string;
    name: string;
    kind: string;
    location: { lon: number; lat: number };
    version: number;
    deletedAt: string;
    deletedBy: string;
  }[];
}

let env: RegisterEnv;
let viewer: Record<string, string>;
let admin: Record<string, string>;
const ids: string[] = [];
const names = [kalush.name, chirchiq.name, aurul.name];

const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = env.auth) =>
  fetch(`${env.api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

const page = async (query = '', headers: Record<string, string> = env.auth) => {
  const res = await fetch(`${env.api}/sites/deleted${query}`, { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as DeletedPage;
};

beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  viewer = authHeaders(createToken(env.dbPath, 'viewer'));
  admin = authHeaders(createToken(env.dbPath, 'admin'));
  env.services.db.exec('DELETE FROM sites_deleted');
  for (const body of [kalush, chirchiq, aurul, ajka]) {
    const res = await send('POST', '/sites', body);
    expect(res.status).toBe(201);
    ids.push(String((await json(res)).id));
  }
  // Deleted in order, with a pause so each deletion has its own timestamp.
  for (const id of ids.slice(0, 3)) {
    expect((await send('DELETE', `/sites/${id}?version=1`)).status).toBe(204);
    await new Promise((r) => setTimeout(r, 5));
  }
});
afterAll(async () => env?.close());

describe('GET /api/sites/deleted', () => {
  it('lists every deleted site for an editor, newest deletion first, with who and when', async () => {
    const p = await page();
    expect(p).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(p.items.map((i) => i.name)).toEqual([...names].reverse());
    expect(p.items.map((i) => i.id)).toEqual(ids.slice(0, 3).reverse());
    for (const item of p.items) {
      expect(item.deletedBy).toMatch(/^test-editor \(token \d+\)$/);
      expect(Date.now() - Date.parse(item.deletedAt)).toBeLessThan(120_000);
      expect(item.version).toBe(1);
      expect(typeof item.location.lon).toBe('number');
    }
    // A live site is not in the bin.
    expect(p.items.map((i) => i.id)).not.toContain(ids[3]);
  });

  it('pages with limit and offset and keeps the total', async () => {
    const first = await page('?limit=2');
    const second = await page('?limit=2&offset=2');
    expect(first.total).toBe(3);
    expect(second.total).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(ids.slice(0, 3).reverse());
    expect((await page('?offset=10')).items).toEqual([]);
  });

  it('is for editors and admins: anonymous 401, viewer 403, with a message', async () => {
    expect((await page('', admin)).total).toBe(3);
    const anon = await fetch(`${env.api}/sites/deleted`);
    expect(anon.status).toBe(401);
    expect(await anon.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    const v = await fetch(`${env.api}/sites/deleted`, { headers: viewer });
    expect(v.status).toBe(403);
    const body = (await v.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('FORBIDDEN');
    expect(body.error.message).toMatch(/editors; you are viewer/);
  });

  it('refuses bad and unknown parameters with what to fix', async () => {
    for (const q of ['?limit=0', '?limit=501', '?limit=2.5', '?limit=', '?offset=-1', '?limit=1&limit=2']) {
      const res = await fetch(`${env.api}/sites/deleted${q}`, { headers: env.auth });
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, q).toBe('INVALID_QUERY');
      expect(body.error.message, q).toMatch(/limit|offset/);
    }
    const unknown = await fetch(`${env.api}/sites/deleted?sort=name`, { headers: env.auth });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(/sort/);
  });

  it('loses a site once it is restored, and the site is live again', async () => {
    const id = ids[1] as string;
    expect((await send('POST', `/sites/${id}/restore`)).status).toBe(200);
    const p = await page();
    expect(p.total).toBe(2);
    expect(p.items.map((i) => i.id)).not.toContain(id);
    expect((await fetch(`${env.api}/sites/${id}`)).status).toBe(200);
  });
});
