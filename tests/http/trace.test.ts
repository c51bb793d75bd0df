// GET /api/trace and /api/network/* against the real server and database.
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(() => server.close());

const get = async (path: string) => {
  const res = await fetch(server.url + path);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
};

describe('GET /api/trace', () => {
  it('answers the documented result shape', async () => {
    const { status, body } = await get('/api/trace?lon=16.37&lat=48.21');
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['snap', 'lengthKm', 'outlets', 'countries', 'crossings', 'rivers', 'path']),
    );
    // Vienna lies on the Danube; Natural Earth's 'Donau' is read as the Danube (data/river-names.json, ICPDR).
    expect(body.snap).toMatchObject({ river: 'Danube' });
    const path = body.path as { type: string; features: { properties: Record<string, unknown> }[] };
    expect(path.type).toBe('FeatureCollection');
    expect(Object.keys(path.features[0]!.properties)).toEqual(
      expect.arrayContaining(['kmFromStart', 'river', 'country', 'branch']),
    );
  });

  it('takes maxKm, snapMaxKm and river', async () => {
    const { body } = await get('/api/trace?lon=13.45&lat=48.57&river=inn&maxKm=50&snapMaxKm=10');
    expect(body.snap).toMatchObject({ river: 'Inn' });
    expect(body.lengthKm).toBeCloseTo(50, 3);
  });

  it('converts a point given in UTM 33N (EPSG:32633) to the same trace as in WGS84', async () => {
    // The forward projection here is only the test's way of writing the point in UTM;
    // the server converts back with its own EPSG definition from epsg-index.
    const [x, y] = proj4('EPSG:4326', '+proj=utm +zone=33 +datum=WGS84 +units=m +no_defs', [16.37, 48.21]);
    const utm = await get(`/api/trace?crs=EPSG:32633&x=${x}&y=${y}`);
    const wgs = await get('/api/trace?lon=16.37&lat=48.21');
    expect(utm.status).toBe(200);
    expect(utm.body.snap).toEqual(wgs.body.snap);
    expect(utm.body.lengthKm).toBe(wgs.body.lengthKm);
  });

  it.each([
    ['/api/trace', 400, 'INVALID_QUERY', /lon and lat/],
    ['/api/trace?lon=abc&lat=48', 400, 'INVALID_QUERY', /lon must be a number/],
    ['/api/trace?lon=200&lat=48', 400, 'INVALID_QUERY', /lon must be between -180 and 180/],
    ['/api/trace?lon=16&lat=-91', 400, 'INVALID_QUERY', /lat must be between/],
    ['/api/trace?lon=16.37&lat=48.21&maxKm=-5', 400, 'INVALID_QUERY', /maxKm/],
    ['/api/trace?lon=16.37&lat=48.21&snapMaxKm=5000', 400, 'INVALID_QUERY', /snapMaxKm/],
    ['/api/trace?lon=16.37&lat=48.21&colour=red', 400, 'INVALID_QUERY', /colour/],
    ['/api/trace?crs=EPSG:999999&x=1&y=2', 400, 'UNKNOWN_CRS', /EPSG:999999/],
    ['/api/trace?crs=EPSG:32633&x=600000', 400, 'INVALID_QUERY', /x and y/],
    ['/api/trace?lon=-30&lat=40', 400, 'POINT_IN_SEA', /not on land/],
    ['/api/trace?lon=5&lat=25', 400, 'NO_RIVER_NEARBY', /No river within 25 km/],
    ['/api/trace?lon=16.37&lat=48.21&river=Nile', 400, 'NO_RIVER_NEARBY', /named "Nile"/],
  ])('%s → %i %s', async (url, status, code, message) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(res.body.error?.message).toMatch(message);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/network/stats and /api/basins', () => {
  it('reports the network size, build time and sources', async () => {
    const { status, body } = await get('/api/network/stats');
    expect(status).toBe(200);
    expect(body.reaches).toBeGreaterThan(5000);
    expect(body.outlets).toBeGreaterThan(500);
    expect(body.totalKm).toBeGreaterThan(500_000);
    expect(body.buildSeconds).toBeGreaterThan(0);
    expect(Object.keys(body.sources as object)).toContain('rivers');
    // Names: most river km keep Natural Earth's name; reviewed names cover at least the Tisza, Someș,
    // Vardar, Timok and Syr Darya stretches (data/river-names.json) — thousands of km.
    const namesKm = body.namesKm as Record<string, number>;
    expect(namesKm.natural_earth).toBeGreaterThan(namesKm.reviewed!);
    expect(namesKm.reviewed).toBeGreaterThan(2000);
    const review = body.review as { flags: { kind: string }[]; inlandOk: string[] };
    expect(review.inlandOk).toContain('Zeravshan');
    expect(review.flags.every((f) => f.kind !== 'inland_system_joined')).toBe(true);
  });

  it('lists the Danube with its bounding box', async () => {
    const res = await fetch(`${server.url}/api/basins`);
    const basins = (await res.json()) as { name: string; bbox: number[]; outlets: string[] }[];
    const danube = basins.find((b) => b.name === 'Danube')!;
    expect(danube.outlets).toContain('Black Sea');
    expect(danube.bbox[0]).toBeLessThan(10);
    expect(danube.bbox[2]).toBeGreaterThan(29);
  });
});
