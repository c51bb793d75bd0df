// GET /api/sites/export: GeoJSON/CSV/KML with derived fields, filters, CSV formula-injection escaping,
// and the round trip export → import, which matches every site by id and version and updates it.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeCell } from '../../server/core/csv-cell.js';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { ajka, almalyk, aurul, chirchiq, kalush } from '../fixtures/site-bodies.js';

let env: RegisterEnv;
beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  const evil = {
    ...chirchiq,
    name: '=HYPERLINK("http://evil.example","click")',
    operator: '+cmd|calc',
    notes: '@SUM(A1)',
  };
  for (const body of [aurul, ajka, kalush, chirchiq, almalyk, evil]) {
    const res = await fetch(`${env.api}/sites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...env.auth },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => env?.close());

const get = (query: string) => fetch(`${env.api}/sites/export?${query}`);

describe('export', () => {
  it('GeoJSON carries user fields, derived fields and breakdowns', async () => {
    const res = await get('format=geojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    expect(res.headers.get('content-disposition')).toContain('hazatlas-sites.geojson');
    const fc = (await res.json()) as {
      features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(fc.features).toHaveLength(6);
    const k = fc.features.find((f) => f.properties.name === kalush.name);
    expect(k?.geometry.coordinates).toEqual([kalush.location.lon, kalush.location.lat]);
    expect(k?.properties).toMatchObject({ kind: 'hazardous_activity', version: 1, sources: kalush.sources });
    expect(k?.properties.substances).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Chlorine' })]),
    );
    expect(k?.properties.derived).toMatchObject({
      countryIso3: 'UKR',
      annexIHazardous: true,
      annexI: { hazardous: true },
    });
  });

  it('applies the list filters', async () => {
    const fc = (await (await get('format=geojson&country=UZB&kind=tmf')).json()) as { features: unknown[] };
    expect(fc.features).toHaveLength(1);
    // Ajka (Torna → Marcal → Rába) and Aurul (Lăpuș → Someș → Tisza) both drain to the Danube.
    const csv = await (await get('format=csv&basin=Danube')).text();
    expect(parse(csv, { columns: true })).toHaveLength(2);
    expect((await get('format=xlsx')).status).toBe(400);
    expect((await get('format=csv&limit=5')).status).toBe(400);
  });

  it('CSV has one row per site with derived columns and escapes formula-like cells', async () => {
    const res = await get('format=csv&sort=name');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    const evil = rows.find((r) => r.name?.includes('HYPERLINK'));
    expect(evil?.name).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(evil?.operator).toBe(`'+cmd|calc`);
    expect(evil?.notes).toBe(`'@SUM(A1)`);
    const k = rows.find((r) => r.name === kalush.name);
    expect(k).toMatchObject({
      lon: '24.37',
      lat: '49.03',
      countryIso3: 'UKR',
      annexIHazardous: 'true',
      wriClass: '6-7',
    });
    expect(JSON.parse(k?.substances ?? '[]')).toHaveLength(2);
    // Negative numbers are ours, not user text: they stay numbers.
    expect(escapeCell(-12.5)).toBe(-12.5);
    for (const bad of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(escapeCell(bad)).toBe(`'${bad}`);
    expect(escapeCell('plain')).toBe('plain');
  });

  it('KML has one placemark per site with ExtendedData', async () => {
    const res = await get('format=kml&country=UKR');
    expect(res.headers.get('content-type')).toMatch(/kml/);
    const kml = await res.text();
    expect(kml.match(/<Placemark>/g)).toHaveLength(1);
    expect(kml).toContain('<Data name="countryIso3"><value>UKR</value></Data>');
    expect(kml).toContain('<coordinates>24.37,49.03</coordinates>');
  });
});

describe('round trip', () => {
  async function dryRun(format: string, body: string) {
    const res = await fetch(`${env.api}/sites/import?format=${format}&dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...env.auth },
      body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      accepted: number;
      errors: { message: string }[];
      duplicates: { existingId: string }[];
    };
  }
  const total = () => env.services.db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number;

  it('export GeoJSON → import dry-run reports every site as an update of itself (id + version), not a duplicate', async () => {
    const text = await (await get('format=geojson')).text();
    const report = (await dryRun('geojson', text)) as Awaited<ReturnType<typeof dryRun>> & {
      updated: number;
    };
    expect(report.errors).toEqual([]);
    expect(report.duplicates).toEqual([]);
    expect(report.accepted).toBe(6);
    expect(report.updated).toBe(6);
    expect(total()).toBe(6);
  });

  it('export CSV and KML → import dry-run also matches every site by id and version', async () => {
    for (const format of ['csv', 'kml']) {
      const report = (await dryRun(format, await (await get(`format=${format}`)).text())) as Awaited<
        ReturnType<typeof dryRun>
      > & { updated: number };
      expect(report.errors, format).toEqual([]);
      expect(report.updated, format).toBe(6);
      expect(report.duplicates, format).toEqual([]);
    }
  });

  it('export → edit → import updates the same sites (versions advanced), and a stale export is refused', async () => {
    const before = JSON.parse(await (await get('format=geojson')).text()) as {
      features: { id: string; properties: Record<string, unknown> }[];
    };
    const edited = {
      ...before,
      features: before.features.map((f) => ({
        ...f,
        properties: { ...f.properties, notes: 'checked 2026' },
      })),
    };
    const res = await fetch(`${env.api}/sites/import?format=geojson`, {
      method: 'POST',
      headers: { 'content-type': 'application/geo+json', ...env.auth },
      body: JSON.stringify(edited),
    });
    const report = (await res.json()) as { updated: number; updatedIds: string[]; errors: unknown[] };
    expect(res.status, JSON.stringify(report.errors)).toBe(200);
    expect(report.updated).toBe(6);
    expect(total()).toBe(6);
    const rows = env.services.db.prepare('SELECT id, version, notes FROM sites ORDER BY id').all() as {
      id: string;
      version: number;
      notes: string;
    }[];
    expect(rows.map((r) => r.id)).toEqual(before.features.map((f) => f.id).sort());
    for (const r of rows) {
      const was = before.features.find((f) => f.id === r.id)?.properties.version as number;
      expect(r.version).toBe(was + 1);
      expect(r.notes).toBe('checked 2026');
    }
    // The same (now stale) export again: refused whole, each row naming the current version.
    const stale = await fetch(`${env.api}/sites/import?format=geojson`, {
      method: 'POST',
      headers: { 'content-type': 'application/geo+json', ...env.auth },
      body: JSON.stringify(edited),
    });
    expect(stale.status).toBe(422);
    const refused = (await stale.json()) as { errors: { field: string; message: string }[] };
    expect(refused.errors).toHaveLength(6);
    expect(refused.errors[0]?.field).toBe('version');
    expect(refused.errors[0]?.message).toMatch(/is at version \d+, not \d+/);
  });
});
