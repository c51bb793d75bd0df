// POST /api/sites/import on a real server/database: formats, all-or-nothing transactions, row-level
// errors with line numbers, dry runs, duplicates, CRS conversion, unknown CRS and body limits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { haversineKm } from '../../server/core/geo/geodesy.js';
import {
  KRASSOWSKY,
  obliqueStereographic,
  transverseMercator,
  WGS84,
  wgs84ToDatum,
} from '../fixtures/reference-projections.js';
import { clearSites, openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { aurul, chirchiq, kalush } from '../fixtures/site-bodies.js';

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
  skipped: number;
  errors: { line: number; field?: string; message: string }[];
  duplicates: { line: number; name: string; existingId: string | null; distanceM: number }[];
  ids: string[];
}

async function post(query: string, body: string | FormData, contentType = 'text/plain') {
  const res = await fetch(`${env.api}/sites/import?${query}`, {
    method: 'POST',
    headers: body instanceof FormData ? env.auth : { 'content-type': contentType, ...env.auth },
    body,
  });
  return {
    status: res.status,
    body: (await res.json()) as Report & { error?: { code: string; message: string } },
  };
}
const count = () => env.services.db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number;

/** A GeoJSON Point feature from a site body (location → geometry). */
function feature(site: typeof aurul, extra: Record<string, unknown> = {}) {
  const { location, ...props } = site;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
    properties: { ...props, ...extra },
  };
}
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

const CSV_HEADER =
  'name,kind,sector,status,lon,lat,sources,substance_name,substance_cas,substance_quantity_t,substance_wgk';

describe('formats', () => {
  it('imports GeoJSON in one go with derived fields', async () => {
    const r = await post(
      'format=geojson',
      fc([feature(aurul), feature(kalush), feature(chirchiq)]),
      'application/geo+json',
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ dryRun: false, accepted: 3, rejected: 0, errors: [], duplicates: [] });
    expect(count()).toBe(3);
    const d = env.services.db.prepare(
      "SELECT country_iso3 FROM site_derived JOIN sites ON id = site_id WHERE name LIKE 'Kalush%'",
    );
    expect(d.pluck().get()).toBe('UKR');
  });

  it('accepts GeoJSON sent as application/json (already parsed by the app)', async () => {
    const r = await post('format=geojson', fc([feature(kalush)]), 'application/json');
    expect(r.body).toMatchObject({ accepted: 1, errors: [] });
  });

  it('imports CSV with substance columns', async () => {
    const csv = [
      CSV_HEADER,
      'Kalush chlorine store,hazardous_activity,chemical,abandoned,24.37,49.03,Ukrainian MENR inventory,Chlorine|Mercury,7782-50-5|7439-97-6,30|2,2|3',
      'Chirchiq ammonia,hazardous_activity,fertiliser,operating,69.58,41.47,https://example.org/chirchiq,Ammonia,7664-41-7,2000,2',
    ].join('\n');
    const r = await post('format=csv', csv, 'text/csv');
    expect(r.body).toMatchObject({ accepted: 2, errors: [] });
    const site = (await (await fetch(`${env.api}/sites/${r.body.ids[0]}`)).json()) as Record<string, unknown>;
    expect(site.substances).toEqual([
      {
        name: 'Chlorine',
        casNumber: '7782-50-5',
        annexICategory: null,
        quantityTonnes: 30,
        wgk: 2,
        estimate: false,
      },
      {
        name: 'Mercury',
        casNumber: '7439-97-6',
        annexICategory: null,
        quantityTonnes: 2,
        wgk: 3,
        estimate: false,
      },
    ]);
    expect(site.sources).toEqual([{ title: 'Ukrainian MENR inventory' }]);
  });

  it('imports KML placemarks with ExtendedData, sent as a multipart file', async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>Chirchiq ammonia</name><ExtendedData>
        <Data name="kind"><value>hazardous_activity</value></Data><Data name="sector"><value>fertiliser</value></Data>
        <Data name="status"><value>operating</value></Data><Data name="sources"><value>Uzbek register</value></Data>
        <Data name="substances"><value>[{"name":"Ammonia","quantityTonnes":2000,"wgk":2,"estimate":false}]</value></Data>
      </ExtendedData><Point><coordinates>69.58,41.47,0</coordinates></Point></Placemark></Document></kml>`;
    const form = new FormData();
    form.append('file', new Blob([kml], { type: 'application/vnd.google-earth.kml+xml' }), 'sites.kml');
    const r = await post('', form);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 1, errors: [] });
    expect(count()).toBe(1);
  });

  it('needs a format when it cannot be inferred', async () => {
    const r = await post('', fc([feature(kalush)]), 'text/plain');
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('VALIDATION');
  });
});

describe('all or nothing', () => {
  it('one bad row → 422, nothing stored, every error listed with its CSV line', async () => {
    const csv = [
      CSV_HEADER,
      'Good one,hazardous_activity,chemical,operating,24.37,49.03,src,Chlorine,7782-50-5,30,2',
      'Bad coordinates,hazardous_activity,chemical,operating,240,49.03,src,,,,',
      'Good two,hazardous_activity,chemical,operating,25.37,49.03,src,,,,',
      'Bad fields,factory,chemical,operating,26.37,49.03,,Chlorine,7782-50-6,lots,9',
    ].join('\n');
    const r = await post('format=csv', csv, 'text/csv');
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ dryRun: false, accepted: 2, rejected: 2, ids: [] });
    expect(r.body.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'lon'],
      [5, 'kind'],
      [5, 'sources'],
      [5, 'substances.0.casNumber'],
      [5, 'substances.0.quantityTonnes'],
      [5, 'substances.0.wgk'],
    ]);
    expect(count()).toBe(0);
  });

  it('GeoJSON rows are numbered by feature (from 1)', async () => {
    const r = await post(
      'format=geojson',
      fc([feature(aurul), feature(kalush, { status: 'unknown' }), feature(chirchiq)]),
    );
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([{ line: 2, field: 'status', message: expect.any(String) }]);
    expect(count()).toBe(0);
  });

  it('dry run validates and reports without storing, even when everything is valid', async () => {
    const ok = await post('format=geojson&dryRun=true', fc([feature(aurul), feature(kalush)]));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ dryRun: true, accepted: 2, rejected: 0, ids: [] });
    const bad = await post('format=geojson&dryRun=true', fc([feature(aurul), feature(kalush, { name: '' })]));
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ dryRun: true, accepted: 1, rejected: 1 });
    expect(bad.body.errors[0]).toMatchObject({ line: 2, field: 'name' });
    expect(count()).toBe(0);
  });
});

describe('duplicates', () => {
  it('reports a same-name site within 100 m of a stored one, or of an earlier row', async () => {
    await post('format=geojson', fc([feature(aurul)]));
    // ~50 m east of the stored site, name differing only in case/accents/punctuation.
    const near = { ...aurul, name: 'AURUL  tailings-pond', location: { lon: 23.5307, lat: 47.66 } };
    const far = { ...aurul, name: 'Aurul tailings pond', location: { lon: 23.54, lat: 47.66 } };
    const again = { ...kalush, location: { lon: 24.3701, lat: 49.03 } };
    const r = await post(
      'format=geojson',
      fc([feature(near), feature(far), feature(kalush), feature(again)]),
    );
    expect(r.status).toBe(422);
    const stored = env.services.db.prepare('SELECT id FROM sites').pluck().get();
    expect(r.body.duplicates).toEqual([
      { line: 1, name: near.name, existingId: stored, distanceM: expect.closeTo(52.6, 0) },
      { line: 4, name: kalush.name, existingId: null, duplicateOfLine: 3, distanceM: expect.closeTo(7.3, 0) },
    ]);
    expect(r.body.errors.map((e) => e.line)).toEqual([1, 4]);
    expect(count()).toBe(1);
  });

  it('onDuplicate=skip stores the rest and leaves duplicates out', async () => {
    await post('format=geojson', fc([feature(aurul)]));
    const r = await post(
      'format=geojson&onDuplicate=skip',
      fc([feature(aurul), feature(kalush), feature(kalush)]),
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ accepted: 1, rejected: 0, skipped: 2, errors: [] });
    expect(r.body.duplicates.map((d) => d.line)).toEqual([1, 3]);
    expect(count()).toBe(2);
  });
});

describe('coordinate reference systems', () => {
  // Expected projected coordinates come from tests/fixtures/reference-projections.ts: our own
  // implementation of the EPSG GN 7-2 formulas (checked there against the note's worked examples),
  // not from proj4, so a wrong epsg-index definition or proj4 bug would make these fail.
  const baiaMare = { lon: 23.5804, lat: 47.6567 };
  const tashkent = { lon: 69.2797, lat: 41.3111 };

  async function importedAt(query: string, csv: string): Promise<{ lon: number; lat: number }> {
    clearSites(env);
    const r = await post(query, csv, 'text/csv');
    expect(r.body.errors).toEqual([]);
    return env.services.db.prepare('SELECT lon, lat FROM sites').get() as { lon: number; lat: number };
  }
  const row = (name: string, a: number, b: number) =>
    `name,kind,sector,status,sources,x,y\n${name},hazardous_activity,chemical,operating,src,${a},${b}\n`;

  it('EPSG:3844 (Stereo70) lands < 1 m from the same point given in WGS84', async () => {
    // EPSG:15995 (PROJ's shift in Romania) is a coordinate-frame rotation; wgs84ToDatum takes
    // position-vector rotations, so they go in negated (see tests/core/crs.test.ts).
    const [latP, lonP] = wgs84ToDatum(
      KRASSOWSKY,
      { tx: 2.329, ty: -147.042, tz: -92.08, rxSec: -0.309, rySec: 0.325, rzSec: 0.497, dsPpm: 5.69 },
      baiaMare.lat,
      baiaMare.lon,
    );
    const [x, y] = obliqueStereographic(
      KRASSOWSKY,
      { lat0: 46, lon0: 25, k0: 0.99975, fe: 500000, fn: 500000 },
      latP,
      lonP,
    );
    const wgs = await importedAt(
      'format=csv',
      row('Baia Mare', baiaMare.lon, baiaMare.lat).replace(',x,y', ',lon,lat'),
    );
    const stereo = await importedAt('format=csv&crs=EPSG:3844', row('Baia Mare', x, y));
    expect(haversineKm(wgs.lon, wgs.lat, stereo.lon, stereo.lat) * 1000).toBeLessThan(1);
  });

  it('EPSG:32642 (UTM 42N) lands < 1 m from the same point given in WGS84', async () => {
    const [x, y] = transverseMercator(
      WGS84,
      { lat0: 0, lon0: 69, k0: 0.9996, fe: 500000, fn: 0 },
      tashkent.lat,
      tashkent.lon,
    );
    const wgs = await importedAt(
      'format=csv',
      row('Tashkent', tashkent.lon, tashkent.lat).replace(',x,y', ',lon,lat'),
    );
    const utm = await importedAt('format=csv&crs=EPSG:32642', row('Tashkent', x, y));
    expect(haversineKm(wgs.lon, wgs.lat, utm.lon, utm.lat) * 1000).toBeLessThan(1);
  });

  it('converts GeoJSON coordinates with the crs parameter', async () => {
    const [x, y] = transverseMercator(
      WGS84,
      { lat0: 0, lon0: 69, k0: 0.9996, fe: 500000, fn: 0 },
      tashkent.lat,
      tashkent.lon,
    );
    const f = feature({ ...chirchiq, location: { lon: x, lat: y } });
    const r = await post('format=geojson&crs=EPSG:32642', fc([f]));
    expect(r.body.errors).toEqual([]);
    const got = env.services.db.prepare('SELECT lon, lat FROM sites').get() as { lon: number; lat: number };
    expect(haversineKm(got.lon, got.lat, tashkent.lon, tashkent.lat) * 1000).toBeLessThan(1);
  });

  it('unknown or unsupported EPSG codes → 400 naming the code', async () => {
    for (const crs of ['EPSG:99999', 'EPSG:5773', 'Stereo70']) {
      const r = await post(`format=csv&crs=${encodeURIComponent(crs)}`, row('X', 1, 2), 'text/csv');
      expect(r.status).toBe(400);
      expect(r.body.error?.message).toContain(crs.startsWith('EPSG') ? crs : `"${crs}"`);
    }
    expect(count()).toBe(0);
  });
});

describe('limits and bad files', () => {
  it('bodies over 20 MB → 413 with a message, raw or multipart', async () => {
    const big = `${CSV_HEADER}\n${'x'.repeat(21 * 1024 * 1024)}`;
    const raw = await post('format=csv', big, 'text/csv');
    expect(raw.status).toBe(413);
    expect(raw.body.error?.message).toMatch(/20 MB/);
    const form = new FormData();
    form.append('file', new Blob([big]), 'big.csv');
    const multi = await post('format=csv', form);
    expect(multi.status).toBe(413);
    expect(multi.body.error?.message).toMatch(/20 MB/);
  });

  it('unreadable files → 400 BAD_FILE', async () => {
    expect((await post('format=geojson', '{"type":')).status).toBe(400);
    expect((await post('format=kml', '<kml><Placemark>')).body.error?.code).toBe('BAD_FILE');
    expect((await post('format=csv', 'name,kind\nA,tmf\n')).body.error?.code).toBe('BAD_FILE');
  });
});
