// GET /api/upstream and /api/matrix[.csv] over the real server on a copy of the real database;
// a site written through the storage layer shows up upstream at once; an old database migrates.

import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFields } from '../../server/core/register/site-validate.js';
import { hoursToOutlet } from '../../server/core/upstream/upstream-index.js';
import { createServices } from '../../server/runtime/services.js';
import { createSite, deleteSite } from '../../server/storage/site-store.js';
import { aurul } from '../fixtures/site-bodies.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

interface UpstreamBody {
  snap: { river: string | null };
  total: number;
  truncated: boolean;
  sites: {
    id: string;
    name: string;
    country: string | null;
    riverKm: number;
    arrivalH: number;
    annexI: boolean;
  }[];
  rankedByHazard: string[];
  rankedByArrival: string[];
  countries: string[];
  error?: { code: string; message: string };
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
});
afterAll(() => server.close());

const get = async <T = UpstreamBody>(path: string) => {
  const res = await fetch(server.url + path);
  return {
    status: res.status,
    body: (await res.json()) as T & { error?: { code: string; message: string } },
  };
};

describe('GET /api/upstream', () => {
  it('near Izmail lists Danube sites of several countries with the documented fields', async () => {
    const { status, body } = await get('/api/upstream?lon=28.83&lat=45.35');
    expect(status).toBe(200);
    expect(body.countries).toEqual(expect.arrayContaining(['SRB', 'ROU', 'HUN']));
    expect(Object.keys(body.sites[0]!)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'kind',
        'sector',
        'country',
        'riverKm',
        'arrivalH',
        'wri',
        'thi',
        'annexI',
      ]),
    );
    expect(body.rankedByArrival.length).toBe(body.total);
    expect(body.sites.some((s) => /Kalush|Mailuu/.test(s.name))).toBe(false);
  });

  it('takes a point in another CRS (Stereo 70, EPSG:3844) and limit', async () => {
    const [x, y] = proj4(
      'WGS84',
      '+proj=sterea +lat_0=46 +lon_0=25 +k=0.99975 +x_0=500000 +y_0=500000 +ellps=krass +towgs84=2.329,-147.042,-92.08,0.309,-0.325,-0.497,5.69 +units=m +no_defs',
      [28.83, 45.35],
    );
    const { status, body } = await get(`/api/upstream?crs=EPSG:3844&x=${x}&y=${y}&limit=3`);
    expect(status).toBe(200);
    expect(body.snap.river).toMatch(/Chil/);
    expect(body.rankedByArrival).toHaveLength(3);
    expect(body.rankedByHazard).toHaveLength(3);
    expect(body.truncated).toBe(true);
    expect(body.total).toBeGreaterThan(3);
  });

  it('maxKm and maxHours cut the list', async () => {
    const all = (await get('/api/upstream?lon=65.5&lat=44.85')).body;
    const near = (await get('/api/upstream?lon=65.5&lat=44.85&maxKm=600')).body;
    const hours = (await get('/api/upstream?lon=65.5&lat=44.85&maxHours=200')).body;
    expect(all.countries).toEqual(expect.arrayContaining(['KGZ', 'UZB', 'TJK']));
    expect(near.total).toBeLessThan(all.total);
    expect(near.sites.every((s) => s.riverKm <= 600)).toBe(true);
    expect(hours.sites.every((s) => s.arrivalH <= 200)).toBe(true);
    expect(hours.total).toBe(all.sites.filter((s) => s.arrivalH <= 200).length);
  });

  it('answers 400 with what to fix', async () => {
    const cases: [string, string][] = [
      ['/api/upstream?lat=45', 'INVALID_QUERY'],
      ['/api/upstream?lon=28.83&lat=45.35&maxKm=-1', 'INVALID_QUERY'],
      ['/api/upstream?lon=28.83&lat=45.35&limit=0.5', 'INVALID_QUERY'],
      ['/api/upstream?lon=28.83&lat=45.35&colour=red', 'INVALID_QUERY'],
      ['/api/upstream?lon=-30&lat=40', 'POINT_IN_SEA'],
      ['/api/upstream?lon=28.83&lat=45.35&river=Nonexistent', 'UNKNOWN_RIVER'],
      ['/api/upstream?crs=EPSG:99999&x=1&y=2', 'UNKNOWN_CRS'],
      ['/api/upstream?lon=45&lat=25&snapMaxKm=1', 'NO_RIVER_NEARBY'],
      // Issyk-Kul (Kyrgyzstan) is endorheic: a point in it is answered with the lake, never another basin.
      ['/api/upstream?lon=77.3&lat=42.45&snapMaxKm=200', 'IN_TERMINAL_LAKE'],
    ];
    for (const [path, code] of cases) {
      const { status, body } = await get(path);
      expect({ path, status, code: body.error?.code }).toEqual({ path, status: 400, code });
      expect(body.error!.message.length).toBeGreaterThan(10);
    }
  });

  it('a site written to the register is upstream at once, and gone once deleted', async () => {
    const before = (await get('/api/upstream?lon=21.3&lat=48.0&maxKm=400')).body;
    // Aurul (Baia Mare) drains by the Someș to the Tisza: upstream of the Tisza at Tokaj.
    const site = createSite(
      server.services.db,
      server.services.hydrology,
      toFields({ ...aurul, name: 'Upstream test pond' }),
    );
    expect(site.derived!.position).toMatchObject({
      reachId: expect.any(Number),
      treePre: expect.any(Number),
    });
    const after = (await get('/api/upstream?lon=21.3&lat=48.0&maxKm=400')).body;
    expect(after.total).toBe(before.total + 1);
    const hit = after.sites.find((s) => s.id === site.id)!;
    expect(hit).toMatchObject({ name: 'Upstream test pond', country: 'ROU' });
    expect(hit.riverKm).toBeGreaterThan(100);
    expect(deleteSite(server.services.db, site.id, 1)).toEqual({ ok: true });
    expect((await get('/api/upstream?lon=21.3&lat=48.0&maxKm=400')).body.total).toBe(before.total);
  });
});

describe('travel times', () => {
  it('come from the discharge-based velocities and agree with the release model of the trace', async () => {
    const { body } = await get<UpstreamBody & { velocityModel: string }>('/api/upstream?lon=28.83&lat=45.35');
    expect(body.velocityModel).toMatch(/discharge/);
    const { db, upstream } = server.services;
    const site = db
      .prepare(
        "SELECT s.lon, s.lat, d.reach_id, d.reach_offset_km, d.country_entries FROM sites s JOIN site_derived d ON d.site_id = s.id WHERE s.name = 'NIS Pančevo oil refinery'",
      )
      .get() as {
      lon: number;
      lat: number;
      reach_id: number;
      reach_offset_km: number;
      country_entries: string;
    };
    const bgr = (
      JSON.parse(site.country_entries) as { iso3: string; km: number; reachId: number; offsetKm: number }[]
    ).find((e) => e.iso3 === 'BGR')!;
    const mine =
      hoursToOutlet(upstream, { reachId: site.reach_id, offsetKm: site.reach_offset_km }) -
      hoursToOutlet(upstream, bgr);
    const trace = (
      await get<{
        countries: {
          iso3: string;
          sharedWith: string[];
          entryKm: number;
          arrival: { peakH: { probable: number } };
        }[];
      }>(`/api/trace?lon=${site.lon}&lat=${site.lat}&releaseKg=1000`)
    ).body;
    const entry = trace.countries.find((c) => c.iso3 === 'BGR' || c.sharedWith.includes('BGR'))!;
    // The trace reports calibrated km (official Danube km between chainage points), the register Natural
    // Earth km: Pančevo (Danube km 1,153) to the Bulgarian bank at the Timok mouth (km 845) is ≈ 308 km.
    expect(entry.entryKm).toBeGreaterThanOrEqual(bgr.km);
    expect(entry.entryKm).toBeLessThan(bgr.km * 1.1);
    expect(entry.entryKm).toBeCloseTo(1153 - 845, -1);
    // Same discharge table and hydraulic geometry; the trace interpolates in finer pieces.
    expect(Math.abs(mine - entry.arrival.peakH.probable) / entry.arrival.peakH.probable).toBeLessThan(0.1);
  });
});

interface MatrixBody {
  basin: { id: number; name: string } | null;
  rows: string[];
  columns: string[];
  cells: {
    origin: string;
    affected: string;
    sites: number;
    annexI: number;
    minArrivalH: number;
    siteIds: string[];
  }[];
  totals: { sites: number; onNetwork: number; transboundarySites: number };
  countryNames: Record<string, string>;
}

describe('GET /api/matrix', () => {
  it('Danube: rows and columns, cells, totals and country names', async () => {
    const { status, body } = await get<MatrixBody>('/api/matrix?basin=Danube');
    expect(status).toBe(200);
    expect(body.basin!.name).toBe('Danube');
    expect(body.rows).toEqual(expect.arrayContaining(['SRB', 'ROU']));
    expect(body.columns).toEqual(expect.arrayContaining(['BGR', 'ROU', 'UKR']));
    const srbRou = body.cells.find((c) => c.origin === 'SRB' && c.affected === 'ROU')!;
    expect(srbRou.sites).toBeGreaterThan(0);
    expect(body.countryNames.SRB).toBe('Serbia');
    expect(new Set(body.cells.flatMap((c) => c.siteIds)).size).toBe(body.totals.transboundarySites);
  });

  it('all data covers more than one basin; by outlet name works too', async () => {
    const all = (await get<MatrixBody>('/api/matrix')).body;
    expect(all.basin).toBeNull();
    expect(all.rows).toEqual(expect.arrayContaining(['SRB', 'KGZ']));
    const aral = (await get<MatrixBody>('/api/matrix?basin=aral%20sea')).body;
    expect(aral.basin).not.toBeNull();
  });

  it('Zeravshan: ends inland, so its sites affect Tajikistan and Uzbekistan only, not Turkmenistan', async () => {
    // The Zeravshan ends in the desert near Karakul without reaching the Amu Darya (Wikipedia 'Zarafshan
    // River'); Natural Earth joins it to the Amu Darya, which gave Zeravshan sites a false TKM link.
    const z = (await get<MatrixBody>('/api/matrix?basin=Zeravshan')).body;
    expect(z.basin!.name).toBe('Zeravshan');
    expect(z.totals.sites).toBeGreaterThan(0);
    // Anzob (Jijikrut, Tajikistan) drains down the Zeravshan into Uzbekistan (Samarkand, Navoi).
    expect(z.cells.map((c) => `${c.origin}>${c.affected}`)).toContain('TJK>UZB');
    expect(z.columns).not.toContain('TKM');
    expect(z.cells.some((c) => c.affected === 'TKM')).toBe(false);
    // And in the matrix of all data, no Zeravshan site is counted against Turkmenistan.
    const all = (await get<MatrixBody>('/api/matrix')).body;
    const zSites = new Set(z.cells.flatMap((c) => c.siteIds));
    for (const c of all.cells.filter((x) => x.affected === 'TKM'))
      expect(c.siteIds.filter((id) => zSites.has(id))).toEqual([]);
  });

  it('CSV has the documented columns and the same cells', async () => {
    const res = await fetch(`${server.url}/api/matrix.csv?basin=Danube`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="hazatlas-matrix-Danube\.csv"/,
    );
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'origin',
      'affected',
      'sites',
      'annexI',
      'maxWri',
      'maxThi',
      'minArrivalH',
      'minBorderKm',
    ]);
    const json = (await get<MatrixBody>('/api/matrix?basin=Danube')).body;
    expect(rows.length).toBe(json.cells.length);
  });

  it('an unknown basin or parameter is a 400', async () => {
    const a = await get('/api/matrix?basin=Atlantis');
    expect(a.status).toBe(400);
    expect(a.body.error!.code).toBe('UNKNOWN_BASIN');
    expect(a.body.error!.message).toMatch(/Danube/);
    expect((await get('/api/matrix.csv?basin=')).status).toBe(400);
    expect((await get('/api/matrix?country=SRB')).status).toBe(400);
  });
});

describe('an old database (before migration 003)', () => {
  it('is migrated on open and its sites get their positions', () => {
    const file = copyOfBuiltDb();
    const raw = new Database(file);
    const expected = raw
      .prepare('SELECT site_id, reach_id, tree_pre FROM site_derived ORDER BY site_id')
      .all();
    raw.exec(`DROP INDEX site_derived_tree_pre;
      ALTER TABLE site_derived DROP COLUMN reach_id; ALTER TABLE site_derived DROP COLUMN reach_offset_km;
      ALTER TABLE site_derived DROP COLUMN tree_pre; ALTER TABLE site_derived DROP COLUMN country_entries;
      DELETE FROM schema_migrations WHERE version = 3;`);
    raw.close();
    const services = createServices({ dbPath: file });
    try {
      const got = services.db
        .prepare('SELECT site_id, reach_id, tree_pre FROM site_derived ORDER BY site_id')
        .all();
      expect(got).toEqual(expected);
      expect(
        (got as { reach_id: number | null }[]).filter((r) => r.reach_id !== null).length,
      ).toBeGreaterThan(60);
    } finally {
      services.close();
    }
  });
});
