// GeoPackage in and out (format=gpkg on the export and import routes), checked with GDAL (ogrinfo,
// ogr2ogr from Debian gdal-bin): our file opens in GDAL with typed columns named as in the API, a
// GDAL-written GeoPackage in a national CRS imports, and export → ogr2ogr → import updates by id.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { haversineKm } from '../../server/core/geo/geodesy.js';
import { clearSites, openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { ajka, kalush } from '../fixtures/site-bodies.js';
import { ROOT } from '../support/database.js';

const FIX = path.join(ROOT, 'tests/fixtures/formats');
let env: RegisterEnv;
beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
});
afterAll(async () => env?.close());
beforeEach(() => clearSites(env));

const ogrinfo = (...args: string[]) => execFileSync('ogrinfo', ['-ro', ...args], { encoding: 'utf8' });

async function post(query: string, body: Buffer) {
  const res = await fetch(`${env.api}/sites/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...env.auth },
    body: new Uint8Array(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      accepted: number;
      updated: number;
      errors: unknown[];
      warnings: Array<{ column: string }>;
    },
  };
}

async function create(body: object) {
  const res = await fetch(`${env.api}/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...env.auth },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
}

describe('GeoPackage export', () => {
  it('opens in GDAL: layer "sites", WGS84, one point per site, typed columns named as in the API', async () => {
    await create(kalush);
    await create(ajka);
    const res = await fetch(`${env.api}/sites/export?format=gpkg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/geopackage\+sqlite3/);
    const file = path.join(env.dir, 'sites.gpkg');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const summary = ogrinfo('-so', file, 'sites');
    expect(summary).toMatch(/using driver `GPKG' successful/);
    expect(summary).toMatch(/Geometry: Point/);
    expect(summary).toMatch(/Feature Count: 2/);
    expect(summary).toMatch(/ID\["EPSG",4326\]/);
    for (const [name, type] of [
      ['countryIso3', 'String'],
      ['basinName', 'String'],
      ['river', 'String'],
      ['wri', 'Real'],
      ['thi', 'Real'],
      ['annexIHazardous', 'Integer\\(Boolean\\)'],
      ['version', 'Integer64'],
    ]) {
      expect(summary).toMatch(new RegExp(`\\n${name}: ${type} `));
    }
    expect(summary).not.toMatch(/\nderived:/);
    // Ajka (Hungary) drains to the Danube via the Torna–Marcal–Rába (the 2010 red mud spill's path).
    const ajkaRow = ogrinfo(
      '-q',
      '-sql',
      `SELECT countryIso3, basinName FROM sites WHERE name = '${ajka.name}'`,
      file,
    );
    expect(ajkaRow).toMatch(/countryIso3 \(String\) = HUN/);
    expect(ajkaRow).toMatch(/basinName \(String\) = Danube/);
  });
});

describe('GeoPackage import', () => {
  it('reads a GDAL-written GeoPackage in SRB_ETRS89 / UTM 34N (EPSG:8682) with an OBJECTID column', async () => {
    const r = await post('format=gpkg', fs.readFileSync(path.join(FIX, 'pancevo-8682.gpkg')));
    expect(r.body.errors).toEqual([]);
    expect(r.status).toBe(200);
    expect(r.body.accepted).toBe(2);
    expect(r.body.warnings.map((w) => w.column)).toEqual(['OBJECTID']);
    // HIP Azotara Pančevo at 20.70 E, 44.82 N (data/seed/sites.json), back from UTM 34N within 1 m.
    const got = env.services.db
      .prepare("SELECT lon, lat, status FROM sites WHERE name = 'HIP Azotara Pančevo'")
      .get() as { lon: number; lat: number; status: string };
    expect(haversineKm(got.lon, got.lat, 20.7, 44.82) * 1000).toBeLessThan(1);
    expect(got.status).toBe('operating');
  });

  it('export GeoJSON → ogr2ogr to a GeoPackage → import updates the same sites (id + version)', async () => {
    await create(kalush);
    await create(ajka);
    const geojson = path.join(env.dir, 'export.geojson');
    fs.writeFileSync(geojson, await (await fetch(`${env.api}/sites/export?format=geojson`)).text());
    const gpkg = path.join(env.dir, 'roundtrip.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', gpkg, geojson, '-nln', 'sites']);
    const r = await post('format=gpkg', fs.readFileSync(gpkg));
    expect(r.body.errors).toEqual([]);
    expect(r.body.updated).toBe(2);
    const versions = env.services.db.prepare('SELECT version FROM sites').pluck().all();
    expect(versions).toEqual([2, 2]);
  });

  it('refuses a file that is not a GeoPackage, saying so', async () => {
    const r = await post('format=gpkg', Buffer.from('name,lon,lat\n'));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/GeoPackage: not a GeoPackage/);
  });
});
