// GET /api/sites: every filter, sorting, paging totals and query validation, on a real server/database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSites } from '../../server/storage/site-query.js';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { ajka, almalyk, aurul, chirchiq, json, kalush } from '../fixtures/site-bodies.js';

let env: RegisterEnv;
const ids: Record<string, string> = {};

beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  for (const [key, body] of Object.entries({ aurul, ajka, kalush, chirchiq, almalyk })) {
    const res = await fetch(`${env.api}/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...env.auth },
      body: JSON.stringify(body),
    });
    ids[key] = (await json(res)).id as string;
  }
});
afterAll(async () => env?.close());

interface Page {
  total: number;
  limit: number;
  offset: number;
  items: { id: string; name: string; wri: number | null; thi: number | null }[];
}

async function list(query: string): Promise<Page> {
  const res = await fetch(`${env.api}/sites?${query}`);
  expect(res.status, `GET /sites?${query}`).toBe(200);
  return (await res.json()) as Page;
}
const names = (p: Page) => p.items.map((i) => i.name);
const keysOf = (p: Page) => p.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]).sort();

describe('filters', () => {
  it('without filters returns everything sorted by name', async () => {
    const p = await list('');
    expect(p).toMatchObject({ total: 5, limit: 100, offset: 0 });
    expect(names(p)).toEqual([...names(p)].sort((a, b) => a.localeCompare(b)));
  });

  it('bbox keeps sites inside the box only (edges inclusive)', async () => {
    expect(keysOf(await list('bbox=16,45,26,50'))).toEqual(['ajka', 'aurul', 'kalush']);
    expect(keysOf(await list('bbox=23.53,47.66,23.53,47.66'))).toEqual(['aurul']);
    expect(keysOf(await list('bbox=69,40,70,42'))).toEqual(['almalyk', 'chirchiq']);
  });

  it('kind, sector, status (comma lists allowed)', async () => {
    expect(keysOf(await list('kind=tmf'))).toEqual(['ajka', 'almalyk', 'aurul']);
    expect(keysOf(await list('sector=chemical,fertiliser'))).toEqual(['chirchiq', 'kalush']);
    expect(keysOf(await list('status=closed'))).toEqual(['ajka', 'aurul']);
    expect(keysOf(await list('kind=tmf&status=operating'))).toEqual(['almalyk']);
  });

  it('country (ISO3, any case) and basin by name or id', async () => {
    expect(keysOf(await list('country=uzb'))).toEqual(['almalyk', 'chirchiq']);
    expect(keysOf(await list('country=ROU,UKR'))).toEqual(['aurul', 'kalush']);
    expect(keysOf(await list('basin=danube'))).toEqual(['ajka', 'aurul']);
    const site = (await (await fetch(`${env.api}/sites/${ids.kalush}`)).json()) as {
      derived: { basinId: number };
    };
    expect(keysOf(await list(`basin=${site.derived.basinId}`))).toEqual(['kalush']);
  });

  it('minWri, minThi and annexI', async () => {
    expect(keysOf(await list('minWri=5.5'))).toEqual(['kalush']);
    expect(keysOf(await list('minThi=14'))).toEqual(['almalyk', 'aurul']);
    expect(keysOf(await list('annexI=true'))).toEqual(['kalush']);
    expect(keysOf(await list('annexI=false'))).toEqual(['ajka', 'almalyk', 'aurul', 'chirchiq']);
  });

  it('q is case- and diacritics-insensitive on name and local name, and literal', async () => {
    expect(keysOf(await list('q=AJKAI TIMFOLDGYAR'))).toEqual(['ajka']);
    expect(keysOf(await list(`q=${encodeURIComponent('Timföldgyár')}`))).toEqual(['ajka']);
    expect(keysOf(await list(`q=${encodeURIComponent('калуський')}`))).toEqual(['kalush']);
    expect(keysOf(await list('q=decantare'))).toEqual(['aurul']);
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
  });

  it('combines filters with AND', async () => {
    expect(keysOf(await list('bbox=10,40,30,50&kind=tmf&minThi=13'))).toEqual(['aurul']);
  });
});

describe('sorting and paging', () => {
  it('sorts by -wri and -thi with nulls last', async () => {
    const wri = (await list('sort=-wri')).items.map((i) => i.wri);
    expect(wri.slice(0, 3)).toEqual([...wri.slice(0, 3)].sort((a, b) => (b ?? 0) - (a ?? 0)));
    expect(wri.at(-1)).toBeNull();
    const thi = await list('sort=-thi');
    expect(keysOf({ ...thi, items: thi.items.slice(0, 2) })).toEqual(['almalyk', 'aurul']);
    expect(thi.items[0]?.thi).toBeGreaterThan(thi.items[1]?.thi ?? Number.POSITIVE_INFINITY);
    expect(thi.items.at(-1)?.thi).toBeNull();
  });

  it('pages with a stable order and the full total', async () => {
    const all = await list('sort=name');
    const pages = [
      await list('sort=name&limit=2&offset=0'),
      await list('sort=name&limit=2&offset=2'),
      await list('sort=name&limit=2&offset=4'),
    ];
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap(names)).toEqual(names(all));
    expect((await list('offset=10')).items).toEqual([]);
  });
});

describe('query validation', () => {
  it.each([
    ['bbox=1,2,3', 'bbox'],
    ['bbox=10,50,0,40', 'bbox'],
    ['bbox=a,b,c,d', 'bbox'],
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['offset=-1', 'offset'],
    ['minWri=high', 'minWri'],
    ['annexI=yes', 'annexI'],
    ['country=RO', 'country'],
    ['sort=size', 'sort'],
    ['colour=red', 'colour'],
  ])('%s → 400 VALIDATION naming %s', async (query, path) => {
    const res = await fetch(`${env.api}/sites?${query}`);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(error.code).toBe('VALIDATION');
    // Element-level issues carry an index (bbox.0, country.0); the parameter is the first segment.
    expect(error.details.map((d) => d.path.split('.')[0])).toContain(path);
  });
});

describe('bbox uses the R*Tree', () => {
  it('drives the query from sites_rtree and never scans sites', () => {
    const db = env.services.db;
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT s.id FROM sites_rtree r CROSS JOIN sites s ON s.rid = r.id
         LEFT JOIN site_derived d ON d.site_id = s.id
         WHERE r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ? AND s.kind IN (?)`,
      )
      .all(0, 1, 0, 1, 'tmf') as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/SCAN r VIRTUAL TABLE INDEX/);
    expect(details).not.toMatch(/SCAN s\b/);
    // And the SQL listSites builds for a bbox is that query shape.
    const page = listSites(db, { bbox: [0, 0, 1, 1], sort: 'name', limit: 1, offset: 0 });
    expect(page.total).toBe(0);
  });
});
