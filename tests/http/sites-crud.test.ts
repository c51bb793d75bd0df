// /api/sites CRUD over a real HTTP server and a copy of the real database: create, read, replace,
// patch, delete, validation errors, 404s and optimistic-concurrency conflicts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { aurul, chirchiq, json, kalush } from '../fixtures/site-bodies.js';

let env: RegisterEnv;
beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
});
afterAll(async () => env?.close());

const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${env.api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...env.auth, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('POST /api/sites', () => {
  it('creates a site with derived fields and answers 201 with its Location', async () => {
    const res = await send('POST', '/sites', kalush);
    expect(res.status).toBe(201);
    const site = await json(res);
    expect(res.headers.get('location')).toBe(`/api/sites/${site.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(site).toMatchObject({ name: 'Kalush chemical plant', version: 1, location: kalush.location });
    expect(site.derived).toMatchObject({
      countryIso3: 'UKR',
      basinName: 'Dniester',
      annexIHazardous: true,
      wriClass: '6-7',
      thi: null,
    });
    // The Annex I breakdown names the rule that made the site hazardous.
    expect((site.derived as { annexI: { rule: { kind: string } } }).annexI.rule.kind).toBe('named');
  });

  it('lists every violation with its path', async () => {
    const res = await send('POST', '/sites', {
      ...chirchiq,
      name: '',
      location: { lon: 200, lat: 41 },
      substances: [{ name: 'X', casNumber: '7664-41-8', quantityTonnes: -1, wgk: 4, estimate: false }],
      colour: 'red',
    });
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error?.code).toBe('VALIDATION');
    const paths = ((error?.details ?? []) as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual(
      [
        'colour',
        'location.lon',
        'name',
        'substances.0.casNumber',
        'substances.0.quantityTonnes',
        'substances.0.wgk',
      ].sort(),
    );
  });

  it('requires tmf attributes for a tailings facility', async () => {
    const { tmf: _tmf, ...noTmf } = aurul;
    const res = await send('POST', '/sites', noTmf);
    expect(res.status).toBe(400);
    expect((await json(res)).error?.details).toEqual([
      { path: 'tmf', message: expect.stringContaining('required') },
    ]);
  });

  it('rejects a malformed JSON body with 400', async () => {
    const res = await fetch(`${env.api}/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...env.auth },
      body: '{"name":',
    });
    expect(res.status).toBe(400);
  });
});

describe('GET/PUT/PATCH/DELETE /api/sites/:id', () => {
  it('reads a site with everything including the WRI and THI breakdowns', async () => {
    const created = await json(await send('POST', '/sites', aurul));
    const res = await fetch(`${env.api}/sites/${created.id}`);
    expect(res.status).toBe(200);
    const site = await json(res);
    expect(site).toMatchObject({
      id: created.id,
      tmf: aurul.tmf,
      substances: [{ casNumber: '143-33-9', estimate: true }],
    });
    const d = site.derived as Record<string, unknown>;
    expect(d).toMatchObject({ countryIso3: 'ROU', basinName: 'Danube', outletKind: 'sea', wriClass: '5-6' });
    expect(d.downstreamCountries).toEqual(expect.arrayContaining(['ROU', 'HUN']));
    expect(d.thi).toBeCloseTo(15.301, 3);
    expect((d.thiBreakdown as { parts: { part: string }[] }).parts.map((p) => p.part)).toContain('toxicity');
    expect((d.wriBreakdown as { breakdown: unknown[] }).breakdown).toHaveLength(1);
  });

  it('404s for unknown and malformed ids', async () => {
    expect((await fetch(`${env.api}/sites/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${env.api}/sites/not-a-uuid`)).status).toBe(404);
    const put = await send('PUT', '/sites/00000000-0000-4000-8000-000000000000', { ...kalush, version: 1 });
    expect(put.status).toBe(404);
  });

  it('replaces with PUT, bumps the version, recomputes derived fields, and 409s a stale version', async () => {
    const created = await json(await send('POST', '/sites', { ...chirchiq, name: 'Put target' }));
    const moved = { ...kalush, name: 'Put target', version: 1 };
    const res = await send('PUT', `/sites/${created.id}`, moved);
    expect(res.status).toBe(200);
    const site = await json(res);
    expect(site).toMatchObject({ version: 2, kind: 'hazardous_activity', location: kalush.location });
    expect((site.derived as { countryIso3: string }).countryIso3).toBe('UKR');

    const stale = await send('PUT', `/sites/${created.id}`, moved);
    expect(stale.status).toBe(409);
    expect((await json(stale)).error).toMatchObject({ code: 'CONFLICT', details: { currentVersion: 2 } });
  });

  it('PUT needs a version and an id matching the URL', async () => {
    const created = await json(await send('POST', '/sites', { ...chirchiq, name: 'Put checks' }));
    const noVersion = await send('PUT', `/sites/${created.id}`, chirchiq);
    expect(noVersion.status).toBe(400);
    expect((await json(noVersion)).error?.details).toEqual([
      { path: 'version', message: expect.any(String) },
    ]);
    const otherId = await send('PUT', `/sites/${created.id}`, {
      ...chirchiq,
      id: '00000000-0000-4000-8000-000000000000',
      version: 1,
    });
    expect(otherId.status).toBe(400);
  });

  it('patches single fields, validates the merged site, and 409s a stale version', async () => {
    const created = await json(await send('POST', '/sites', { ...chirchiq, name: 'Patch target' }));
    const res = await send('PATCH', `/sites/${created.id}`, {
      version: 1,
      status: 'closed',
      operator: 'Maxam-Chirchiq',
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      version: 2,
      status: 'closed',
      operator: 'Maxam-Chirchiq',
      name: 'Patch target',
    });

    // Turning it into a TMF without TMF attributes fails on the merged site.
    const bad = await send('PATCH', `/sites/${created.id}`, { version: 2, kind: 'tmf' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error?.details).toEqual([{ path: 'tmf', message: expect.any(String) }]);

    const noVersion = await send('PATCH', `/sites/${created.id}`, { status: 'operating' });
    expect(noVersion.status).toBe(400);

    const stale = await send('PATCH', `/sites/${created.id}`, { version: 1, status: 'operating' });
    expect(stale.status).toBe(409);
    expect((await json(stale)).error?.details).toEqual({ currentVersion: 2 });

    // Clearing an optional field with null.
    const cleared = await json(await send('PATCH', `/sites/${created.id}`, { version: 2, operator: null }));
    expect(cleared).toMatchObject({ version: 3, operator: null });
  });

  it('of two concurrent writers holding the same version exactly one wins', async () => {
    const created = await json(await send('POST', '/sites', { ...chirchiq, name: 'Race target' }));
    const results = await Promise.all(
      ['closed', 'abandoned', 'temporarily_closed'].map((status) =>
        send('PATCH', `/sites/${created.id}`, { version: 1, status }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('deletes only with the current version (?version= or If-Match)', async () => {
    const created = await json(await send('POST', '/sites', { ...chirchiq, name: 'Delete target' }));
    const url = `/sites/${created.id}`;
    expect((await send('DELETE', url)).status).toBe(400);
    const stale = await send('DELETE', `${url}?version=7`);
    expect(stale.status).toBe(409);
    expect((await json(stale)).error?.details).toEqual({ currentVersion: 1 });
    expect((await send('DELETE', url, undefined, { 'If-Match': '"1"' })).status).toBe(204);
    expect((await fetch(`${env.api}${url}`)).status).toBe(404);
    expect((await send('DELETE', `${url}?version=1`)).status).toBe(404);
    // Substances, TMF attributes, derived fields and the index entry went with it.
    const db = env.services.db;
    expect(db.prepare('SELECT COUNT(*) FROM site_derived WHERE site_id = ?').pluck().get(created.id)).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM site_substances WHERE site_id = ?').pluck().get(created.id)).toBe(
      0,
    );
    expect(db.prepare('SELECT COUNT(*) FROM sites_rtree').pluck().get()).toBe(
      db.prepare('SELECT COUNT(*) FROM sites').pluck().get(),
    );
  });
});
