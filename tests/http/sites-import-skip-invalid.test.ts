// The site import's `skipInvalid` extension (the web client's "import the valid rows") and the CSV
// template: without skipInvalid a file with a bad row stores nothing; with it the valid rows land.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearSites, openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';

let env: RegisterEnv;
beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
});
afterAll(async () => env?.close());
beforeEach(() => clearSites(env));

interface Report {
  dryRun: boolean;
  accepted: number;
  rejected: number;
  errors: { line: number; field?: string }[];
  ids: string[];
  importId: string | null;
}

const count = () => env.services.db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number;
const post = async (query: string, body: string) => {
  const res = await fetch(`${env.api}/sites/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...env.auth },
    body,
  });
  return { status: res.status, body: (await res.json()) as Report };
};

// Pančevo (Serbia) at 20.64 E, 44.87 N and Novi Sad at 19.85 E, 45.25 N, both on the Danube (Natural
// Earth populated places); line 3 has a latitude beyond 90°.
const csv = [
  'name,kind,sector,status,lon,lat,sources',
  'Pančevo test depot,hazardous_activity,oil_gas_storage,operating,20.64,44.87,e2e test',
  'Bad latitude,hazardous_activity,chemical,operating,20.5,95,e2e test',
  'Novi Sad test store,hazardous_activity,chemical,operating,19.85,45.25,e2e test',
].join('\n');

describe('POST /api/sites/import?skipInvalid=true', () => {
  it('without it, one bad row refuses the whole file (422, nothing stored, no ids)', async () => {
    const r = await post('format=csv', csv);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ dryRun: false, accepted: 2, rejected: 1, ids: [], importId: null });
    expect(count()).toBe(0);
  });

  it('with it, stores the two valid rows in one go and lists the bad one', async () => {
    const r = await post('format=csv&skipInvalid=true', csv);
    expect(r.status).toBe(200);
    expect(r.body.ids).toHaveLength(2);
    expect(r.body.rejected).toBe(1);
    expect(r.body.errors[0]).toMatchObject({ line: 3, field: 'lat' });
    expect(r.body.importId).toMatch(/^[0-9a-f-]{36}$/);
    expect(count()).toBe(2);
  });

  it('a file with no valid rows writes nothing, even with skipInvalid', async () => {
    const r = await post(
      'format=csv&skipInvalid=true',
      csv
        .split('\n')
        .slice(0, 1)
        .concat(csv.split('\n')[2] ?? '')
        .join('\n'),
    );
    expect(r.body).toMatchObject({ accepted: 0, rejected: 1, ids: [], importId: null });
    expect(count()).toBe(0);
  });

  it('rejects a bad skipInvalid value with a 400 naming it', async () => {
    const res = await fetch(`${env.api}/sites/import?format=csv&skipInvalid=maybe`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...env.auth },
      body: csv,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('skipInvalid');
  });
});

describe('GET /api/sites/import/template.csv', () => {
  it('is a CSV attachment whose example row passes a dry run of the import', async () => {
    const res = await fetch(`${env.api}/sites/import/template.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('hazatlas-sites-template.csv');
    const text = await res.text();
    // Every column the importer reads, starting with the site's identity (GET /api/sites/import-template).
    expect(text.replace(/^\uFEFF/, '').split('\n')[0]).toMatch(
      /^name,nameLocal,kind,sector,.*\blon\b.*\blat\b/,
    );
    const r = await post('format=csv&dryRun=true', text);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: true, accepted: 1, rejected: 0, errors: [] });
    expect(count()).toBe(0);
  });
});
