// Contingency plans, contact points and stations over a real HTTP server and a copy of the real
// database: CRUD with versions and history, contacts hidden from anonymous readers, CSV in and out,
// stations snapped to the network with river and river km, and 4xx answers that say what to fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createToken } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer & { editorToken: string };
let viewer: Record<string, string>;
let editor: Record<string, string>;
beforeAll(async () => {
  const db = copyOfBuiltDb();
  server = await startServer(db, { editorToken: true });
  viewer = authHeaders(createToken(db, 'viewer'));
  editor = authHeaders(server.editorToken);
});
afterAll(async () => server?.close());

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = editor) =>
  fetch(`${server.url}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const text = (path: string, body: string, type = 'text/csv') =>
  fetch(`${server.url}/api${path}`, { method: 'POST', headers: { ...editor, 'content-type': type }, body });
const count = (table: string) =>
  server.services.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

// Dniester: the Moldova–Ukraine Dniester Treaty (2012) basin; a test plan, not a seeded one.
const dniester = {
  name: 'Test plan for the Dniester (Republic of Moldova, Ukraine)',
  countries: ['MDA', 'UKR'],
  rivers: ['Dniester'],
  rule: { leadTimeH: 6, immediateAboveMgL: null, example: true },
  languages: ['ro', 'uk', 'ru'],
  documents: [
    { title: 'Treaty on the Dniester River Basin (2012)', url: 'https://www.dniester-commission.com/' },
  ],
};

interface Plan {
  id: string;
  name: string;
  countries: string[];
  version: number;
  rule: { leadTimeH: number; example: boolean };
}

describe('GET /api/plans', () => {
  it('lists the two seeded plans with their countries and example rules', async () => {
    const res = await call('GET', '/plans', undefined, {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; items: Plan[] };
    expect(body.total).toBe(2);
    const byId = new Map(body.items.map((p) => [p.id, p]));
    // The trilateral Danube Delta plan: Moldova, Romania, Ukraine; the Syr Darya plan: the four riparians.
    expect(byId.get('danube-delta')?.countries).toEqual(['MDA', 'ROU', 'UKR']);
    expect(byId.get('syr-darya')?.countries).toEqual(['KAZ', 'KGZ', 'TJK', 'UZB']);
    for (const p of body.items) expect(p.rule.example).toBe(true);
  });

  it('refuses a bad limit with what to fix', async () => {
    const res = await call('GET', '/plans?limit=0', undefined, {});
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/limit/);
  });
});

describe('plan CRUD with versions and history', () => {
  it('creates, replaces with the current version, refuses a stale one, deletes, and keeps the history', async () => {
    const created = await call('POST', '/plans', { ...dniester, id: 'dniester-test' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/plans/dniester-test');
    const plan = (await created.json()) as Plan;
    expect(plan).toMatchObject({ id: 'dniester-test', version: 1, countries: ['MDA', 'UKR'] });

    const replaced = await call('PUT', '/plans/dniester-test', {
      ...dniester,
      rule: { leadTimeH: 12 },
      version: 1,
    });
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as Plan).version).toBe(2);

    const stale = await call('PUT', '/plans/dniester-test', { ...dniester, version: 1 });
    expect(stale.status).toBe(409);
    expect(
      ((await stale.json()) as { error: { details: { currentVersion: number } } }).error.details
        .currentVersion,
    ).toBe(2);

    expect((await call('DELETE', '/plans/dniester-test')).status).toBe(400);
    expect((await call('DELETE', '/plans/dniester-test?version=1')).status).toBe(409);
    expect((await call('DELETE', '/plans/dniester-test?version=2')).status).toBe(204);
    expect((await call('GET', '/plans/dniester-test')).status).toBe(404);

    const history = (await (await call('GET', '/plans/dniester-test/history')).json()) as {
      deleted: boolean;
      items: {
        action: string;
        actor: string;
        version: number;
        after: { rule: { leadTimeH: number } } | null;
      }[];
    };
    expect(history.deleted).toBe(true);
    expect(history.items.map((h) => h.action)).toEqual(['create', 'update', 'delete']);
    expect(history.items[1]?.after?.rule.leadTimeH).toBe(12);
    expect(history.items[0]?.actor).toMatch(/^test-editor/);
  });

  it('answers 400 naming each bad field, and writes nothing', async () => {
    const before = count('plans');
    const res = await call('POST', '/plans', { ...dniester, countries: ['MDA'], rule: { leadTimeH: -1 } });
    expect(res.status).toBe(400);
    const paths = ((await res.json()) as { error: { details: { path: string }[] } }).error.details.map(
      (d) => d.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['countries', 'rule.leadTimeH']));
    expect(count('plans')).toBe(before);
    expect(count('plan_history')).toBeGreaterThan(0);
  });

  it('refuses anonymous writers (401) and viewers (403)', async () => {
    expect((await call('POST', '/plans', dniester, {})).status).toBe(401);
    expect((await call('POST', '/plans', dniester, viewer)).status).toBe(403);
  });
});

interface Contact {
  iso3: string;
  role: string;
  organisation: string;
  phone: string | null;
  source: string | null;
}

describe('contact points', () => {
  it('are hidden from anonymous readers (401) and shown to a viewer', async () => {
    const anon = await call('GET', '/plans/syr-darya/contacts', undefined, {});
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const res = await call('GET', '/plans/syr-darya/contacts', undefined, viewer);
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { items: Contact[] }).items;
    // One 24/7 point of contact per riparian, each an organisation with a public source.
    expect(items.map((c) => c.iso3).sort()).toEqual(['KAZ', 'KGZ', 'TJK', 'UZB']);
    for (const c of items) {
      expect(c.organisation).toMatch(/Ministry|Committee/);
      expect(c.source).toMatch(/^https:\/\//);
    }
  });

  it('the trace hides them from anonymous callers too', async () => {
    const q = 'lon=72.45&lat=41.27&releaseKg=1000&releasedAt=2026-03-01T06:00:00Z&plan=syr-darya';
    const anon = (await (await call('GET', `/trace?${q}`, undefined, {})).json()) as {
      notifications: { kind: string; contacts?: unknown }[];
      notificationPlan: { contactsHidden: boolean };
    };
    expect(anon.notificationPlan.contactsHidden).toBe(true);
    expect(anon.notifications.filter((n) => n.kind === 'country').every((n) => n.contacts === null)).toBe(
      true,
    );
    const seen = (await (await call('GET', `/trace?${q}`, undefined, viewer)).json()) as typeof anon;
    const kaz = seen.notifications.find((n) => (n as { iso3?: string }).iso3 === 'KAZ') as {
      contacts: Contact[];
    };
    expect(kaz.contacts[0]?.organisation).toBe(
      'Ministry of Emergency Situations of the Republic of Kazakhstan',
    );
  });

  it('are added as JSON by editors, only for the plan countries', async () => {
    const ok = await call('POST', '/plans/danube-delta/contacts', {
      iso3: 'ROU',
      role: 'other',
      organisation: 'Lower Danube River Administration Galați',
      languages: ['ro'],
      source: 'https://www.afdj.ro/',
    });
    expect(ok.status).toBe(201);
    const bad = await call('POST', '/plans/danube-delta/contacts', {
      iso3: 'KAZ',
      role: 'other',
      organisation: 'X',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/not one of the plan's countries/);
    const badRole = await call('POST', '/plans/danube-delta/contacts', {
      iso3: 'ROU',
      role: 'boss',
      organisation: 'X',
    });
    expect(badRole.status).toBe(400);
    expect(JSON.stringify(await badRole.json())).toMatch(/role must be one of/);
  });

  it('export as CSV and import from CSV, every row or none', async () => {
    const csv = await call('GET', '/plans/danube-delta/contacts?format=csv', undefined, viewer);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const body = await csv.text();
    expect(body.split('\n')[0]).toBe('iso3,role,organisation,phone,email,fax,languages,hours,source');
    expect(body).toMatch(/State Emergency Service of Ukraine/);

    const before = count('plan_contacts');
    const bad = await text(
      '/plans/danube-delta/contacts',
      'iso3,role,organisation,email\nMDA,other,Apele Moldovei agency,\nUKR,other,Odesa office,not-an-email\n',
    );
    expect(bad.status).toBe(422);
    const errors = ((await bad.json()) as { error: { details: { line: number; field: string }[] } }).error
      .details;
    expect(errors).toEqual([expect.objectContaining({ line: 3, field: 'email' })]);
    expect(count('plan_contacts')).toBe(before);

    const good = await text(
      '/plans/danube-delta/contacts',
      'iso3,role,organisation,languages\nMDA,other,Agency “Apele Moldovei”,ro;ru\n',
    );
    expect(good.status).toBe(201);
    expect(count('plan_contacts')).toBe(before + 1);
  });
});

interface Station {
  id: string;
  name: string;
  kind: string;
  river: string | null;
  riverKm: number | null;
  country: string | null;
  lon: number;
  lat: number;
  publishedRiverKm: number | null;
  sources: { title: string }[];
}

describe('stations', () => {
  it('lists at least 20 seeded public stations in both basins, each snapped with river and river km and a source', async () => {
    const res = await call('GET', '/stations?limit=1000', undefined, {});
    expect(res.status).toBe(200);
    const { total, items } = (await res.json()) as { total: number; items: Station[] };
    expect(total).toBeGreaterThanOrEqual(20);
    for (const s of items) {
      expect(s.river, s.id).not.toBeNull();
      expect(s.riverKm, s.id).toBeGreaterThanOrEqual(0);
      expect(s.sources.length, s.id).toBeGreaterThan(0);
    }
    const km = (id: string) => items.find((s) => s.id === id)?.riverKm ?? Number.NaN;
    // Danube km counts from the mouth: Baziaș (1071) > Pristol (834) > Giurgiu (493) > Chiciu (375) > Reni (132)
    // (ICPDR TNMN station list); the Syr Darya: Kayrakkum > Chinaz > Shardara > Kyzylorda > Kazalinsk.
    expect(km('danube-bazias')).toBeGreaterThan(km('danube-pristol'));
    expect(km('danube-pristol')).toBeGreaterThan(km('danube-giurgiu'));
    expect(km('danube-giurgiu')).toBeGreaterThan(km('danube-chiciu'));
    expect(km('danube-chiciu')).toBeGreaterThan(km('danube-reni'));
    expect(km('syrdarya-kayrakkum')).toBeGreaterThan(km('syrdarya-chinaz'));
    expect(km('syrdarya-chinaz')).toBeGreaterThan(km('syrdarya-shardara'));
    expect(km('syrdarya-shardara')).toBeGreaterThan(km('syrdarya-kyzylorda'));
    expect(km('syrdarya-kyzylorda')).toBeGreaterThan(km('syrdarya-kazalinsk'));
    // The network's km agrees with the published TNMN km within 40 km (the network's Delta arm differs).
    for (const s of items.filter((x) => x.publishedRiverKm !== null))
      expect(Math.abs((s.riverKm ?? 0) - (s.publishedRiverKm ?? 0)), s.id).toBeLessThan(40);
  });

  it('refuses limit above 1000 and unknown kinds', async () => {
    expect((await call('GET', '/stations?limit=1001', undefined, {})).status).toBe(400);
    const res = await call('GET', '/stations?kind=buoy', undefined, {});
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/kind must be among/);
  });

  it('filters by kind and country', async () => {
    const res = await call('GET', '/stations?kind=gauge&country=KAZ', undefined, {});
    const { items } = (await res.json()) as { items: Station[] };
    expect(items.map((s) => s.id).sort()).toEqual([
      'syrdarya-kazalinsk',
      'syrdarya-kyzylorda',
      'syrdarya-shardara',
    ]);
  });

  it('creates one snapped to the network (Novi Sad on the Danube, ≈ km 1255 of the Danube)', async () => {
    const res = await call('POST', '/stations', {
      name: 'Novi Sad (test)',
      kind: 'intake',
      lon: 19.85,
      lat: 45.25,
      country: 'SRB',
      riverHint: 'Danube',
    });
    expect(res.status).toBe(201);
    const s = (await res.json()) as Station;
    expect(s.river).toBe('Danube');
    // Novi Sad lies at Danube km ≈ 1255 (Danube Commission km); the network counts ≈ the same.
    expect(s.riverKm).toBeGreaterThan(1150);
    expect(s.riverKm).toBeLessThan(1320);
    const bad = await call('POST', '/stations', { name: 'x', kind: 'buoy', lon: 200, lat: 45 });
    expect(bad.status).toBe(400);
    const paths = ((await bad.json()) as { error: { details: { path: string }[] } }).error.details.map(
      (d) => d.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['kind', 'lon']));
  });

  it('imports GeoJSON and CSV, all or none', async () => {
    const before = count('stations');
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [20.46, 44.82] },
          properties: { name: 'Belgrade (test)', kind: 'gauge', river: 'Danube' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [18.93, 47.78] },
          properties: { name: 'Nagymaros (test)', kind: 'water_quality', river: 'Danube' },
        },
      ],
    };
    const geo = await call('POST', '/stations/import', fc);
    expect(geo.status).toBe(201);
    expect(((await geo.json()) as { accepted: number }).accepted).toBe(2);
    expect(count('stations')).toBe(before + 2);

    const bad = await text(
      '/stations/import',
      'name,kind,lon,lat,river\nVidin (test),gauge,22.88,43.99,Danube\nBad,gauge,abc,43,Danube\n',
    );
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { details: { line: number }[] } }).error.details[0]?.line).toBe(3);
    expect(count('stations')).toBe(before + 2);

    const good = await text(
      '/stations/import',
      'name,kind,lon,lat,river\nVidin (test),gauge,22.88,43.99,Danube\n',
    );
    expect(good.status).toBe(201);
    expect(count('stations')).toBe(before + 3);
  });
});
