// Files as GIS tools and spreadsheets write them (tests/fixtures/formats, made with ogr2ogr; see its
// README): Excel CSV from continental Europe (; decimal comma, cp1250), UTF-8 with BOM, cp1251,
// Google Earth KML (styles, folders, ExtendedData) and KMZ; OBJECTID columns warn, status defaults.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../server/core/register/import/csv.js';
import { decodeText } from '../../server/core/register/import/decode.js';
import { clearSites, openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { ROOT } from '../support/database.js';

const FIX = path.join(ROOT, 'tests/fixtures/formats');
let env: RegisterEnv;
beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
});
afterAll(async () => env?.close());
beforeEach(() => clearSites(env));

interface Report {
  accepted: number;
  errors: Array<{ line: number; field?: string; message: string }>;
  warnings: Array<{ column: string; count: number }>;
}

async function importFile(file: string, query: string): Promise<{ status: number; body: Report }> {
  const res = await fetch(`${env.api}/sites/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...env.auth },
    body: new Uint8Array(fs.readFileSync(path.join(FIX, file))),
  });
  return { status: res.status, body: (await res.json()) as Report };
}

const stored = () =>
  env.services.db
    .prepare('SELECT name, name_local AS nameLocal, status, lon, lat FROM sites ORDER BY name')
    .all() as Array<{
    name: string;
    nameLocal: string | null;
    status: string;
    lon: number;
    lat: number;
  }>;

describe('CSV dialects and encodings', () => {
  it('reads an Excel CSV (cp1250, ;, decimal comma) with an OBJECTID column: warning, defaults, names intact', async () => {
    const r = await importFile('excel-cp1250.csv', 'format=csv');
    expect(r.body.errors).toEqual([]);
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(2);
    expect(r.body.warnings).toEqual([expect.objectContaining({ column: 'objectid', count: 2 })]);
    // HIP Azotara Pančevo: 20.70 E, 44.82 N (data/seed/sites.json); "Pančevo" survives cp1250.
    expect(stored()).toEqual([
      { name: 'HIP Azotara Pančevo', nameLocal: null, status: 'operating', lon: 20.7, lat: 44.82 },
      { name: 'NIS Pančevo oil refinery', nameLocal: null, status: 'operating', lon: 20.69, lat: 44.83 },
    ]);
  });

  it('reads UTF-8 with a BOM and cp1251 Cyrillic', async () => {
    expect((await importFile('utf8-bom.csv', 'format=csv')).body.accepted).toBe(2);
    clearSites(env);
    const r = await importFile('solotvyno-cp1251.csv', 'format=csv');
    expect(r.body.errors).toEqual([]);
    // Solotvyno salt mines, Zakarpattia: 23.87 E, 47.96 N (data/seed/sites.json).
    expect(stored()).toEqual([
      {
        name: 'Solotvyno salt mines',
        nameLocal: 'Солотвинський солерудник',
        status: 'abandoned',
        lon: 23.87,
        lat: 47.96,
      },
    ]);
  });

  it('guesses the code page and the separator', () => {
    expect(decodeText(fs.readFileSync(path.join(FIX, 'solotvyno-cp1251.csv'))).encoding).toBe('windows-1251');
    expect(decodeText(fs.readFileSync(path.join(FIX, 'excel-cp1250.csv'))).encoding).toBe('windows-1250');
    expect(decodeText(fs.readFileSync(path.join(FIX, 'utf8-bom.csv'))).encoding).toBe('utf-8');
    expect(detectDelimiter('lon;lat;name\n20,7;44,82;x')).toBe(';');
    expect(detectDelimiter('"a;b",lon,lat\n')).toBe(',');
  });

  it('exports an Excel dialect (BOM, ;, decimal comma) that imports back as updates', async () => {
    await importFile('utf8-bom.csv', 'format=csv');
    const res = await fetch(`${env.api}/sites/export?format=csv&dialect=excel`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\n')[0]).toMatch(/^lon;lat;id;name;/);
    expect(text).toMatch(/\n20,7;44,82;/);
    const back = await fetch(`${env.api}/sites/import?format=csv&dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...env.auth },
      body: bytes,
    });
    const report = (await back.json()) as Report & { updated: number };
    expect(report.errors).toEqual([]);
    expect(report.updated).toBe(2);
  });
});

describe('Google Earth', () => {
  it('accepts its KML (StyleMap, inline IconStyle, Folder, ExtendedData), ignoring styles', async () => {
    const r = await importFile('google-earth.kml', 'format=kml');
    expect(r.body.errors).toEqual([]);
    expect(r.body.accepted).toBe(2);
    // Only the OBJECTID column is reported; icon-scale and friends are style, silently ignored.
    expect(r.body.warnings.map((w) => w.column)).toEqual(['OBJECTID']);
    expect(stored().map((s) => s.name)).toEqual(['HIP Azotara Pančevo', 'NIS Pančevo oil refinery']);
  });

  it('accepts the same as KMZ, and refuses a file that is not a ZIP', async () => {
    const r = await importFile('google-earth.kmz', 'format=kmz');
    expect(r.body.errors).toEqual([]);
    expect(r.body.accepted).toBe(2);
    const bad = await importFile('google-earth.kml', 'format=kmz');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/KMZ cannot be read: not a ZIP archive/);
  });
});

describe('import template', () => {
  it('GET /api/sites/import-template gives every column and an example row that imports cleanly', async () => {
    for (const dialect of ['standard', 'excel']) {
      const res = await fetch(`${env.api}/sites/import-template?dialect=${dialect}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('hazatlas-sites-template.csv');
      const bytes = new Uint8Array(await res.arrayBuffer());
      const back = await fetch(`${env.api}/sites/import?format=csv&dryRun=true`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...env.auth },
        body: bytes,
      });
      const report = (await back.json()) as Report;
      expect(report.errors, dialect).toEqual([]);
      expect(report.warnings, dialect).toEqual([]);
      expect(report.accepted).toBe(1);
    }
    expect((await fetch(`${env.api}/sites/import-template?dialect=ods`)).status).toBe(400);
  });
});

describe('zipped Shapefile', () => {
  it.each([
    ['pancevo-wgs84-shp.zip', 'WGS84, UTF-8'],
    ['pancevo-utm34n-cp1250-shp.zip', 'WGS 84 / UTM 34N from the .prj, cp1250 from the .cpg'],
  ])('imports %s (%s): names intact, positions within 1 m, OBJECTID a warning', async (file) => {
    const r = await importFile(file, 'format=shp');
    expect(r.body.errors).toEqual([]);
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(2);
    expect(r.body.warnings.map((w) => w.column)).toEqual(['OBJECTID']);
    const azotara = stored().find((s) => s.name === 'HIP Azotara Pančevo');
    // 20.70 E, 44.82 N (data/seed/sites.json); UTM 34N → WGS84 within 1 m (about 1e-5°).
    expect(azotara?.lon).toBeCloseTo(20.7, 5);
    expect(azotara?.lat).toBeCloseTo(44.82, 5);
  });

  it('refuses a ZIP without a .shp, saying so', async () => {
    const r = await importFile('google-earth.kmz', 'format=shp');
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/the ZIP holds no \.shp file/);
  });
});
