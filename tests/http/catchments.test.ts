// GET /api/basins/catchments on the real database: approximate catchments that hold the right places.
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TileSource } from '../../server/basemap/tile-source.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

interface Props {
  basinId: number;
  name: string;
  kind: 'basin' | 'delta';
  approximate: boolean;
  role: 'area' | 'label';
  areaKm2: number;
  bbox: number[];
}

let server: RunningServer;
let fc: FeatureCollection<MultiPolygon, Props>;
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  const res = await fetch(`${server.url}/api/basins/catchments`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/geo\+json/);
  fc = (await res.json()) as FeatureCollection<MultiPolygon, Props>;
});
afterAll(() => server.close());

const area = (name: string, kind: Props['kind'] = 'basin') => {
  const f = fc.features.find(
    (x) => x.properties.name === name && x.properties.kind === kind && x.properties.role === 'area',
  );
  if (!f) throw new Error(`no catchment ${name}`);
  return f as Feature<MultiPolygon, Props>;
};
const holds = (f: Feature<MultiPolygon>, lon: number, lat: number) => booleanPointInPolygon([lon, lat], f);

describe('GET /api/basins/catchments', () => {
  it('names the Danube, the Danube Delta and the Syr Darya, all marked approximate', () => {
    for (const [name, kind] of [
      ['Danube', 'basin'],
      ['Danube Delta', 'delta'],
      ['Syr Darya', 'basin'],
    ] as const) {
      expect(area(name, kind).properties.approximate).toBe(true);
      // Each area has a label point of its own.
      expect(fc.features.some((f) => f.properties.name === name && f.properties.role === 'label')).toBe(true);
    }
  });

  it('puts cities in the catchment of their river, and not in a neighbouring one', () => {
    const danube = area('Danube');
    for (const [lon, lat] of <[number, number][]>[
      [16.37, 48.21], // Vienna
      [19.04, 47.5], // Budapest
      [11.58, 48.14], // Munich (Isar)
      [26.1, 44.43], // Bucharest (Dâmbovița → Argeș)
      [21.9, 43.32], // Niš (Nišava → Morava)
    ]) {
      expect(holds(danube, lon, lat), `${lon},${lat}`).toBe(true);
    }
    expect(holds(danube, 14.42, 50.09)).toBe(false); // Prague: Elbe
    expect(holds(danube, 30.52, 50.45)).toBe(false); // Kyiv: Dnieper
    expect(holds(danube, 29.0, 43.5)).toBe(false); // Black Sea: clipped to land
    const syr = area('Syr Darya');
    expect(holds(syr, 69.28, 41.31)).toBe(true); // Tashkent (Chirchiq)
    expect(holds(syr, 72.8, 40.78)).toBe(true); // Andijan (Fergana valley)
    expect(holds(syr, 66.96, 39.65)).toBe(false); // Samarkand: Zarafshan, Amu Darya side
  });

  it('draws the Danube Delta downstream of the first bifurcation (Ceatal Izmail), inside the basin', () => {
    const delta = area('Danube Delta', 'delta');
    expect(holds(delta, 29.65, 45.16)).toBe(true); // Sulina
    expect(holds(delta, 29.2, 45.05)).toBe(true); // between the Sulina and St George arms
    expect(holds(delta, 27.95, 45.27)).toBe(false); // Brăila, upstream of the split
    expect(holds(area('Danube'), 29.2, 45.05)).toBe(true);
    expect(delta.properties.areaKm2).toBeGreaterThan(2_000);
    expect(delta.properties.areaKm2).toBeLessThan(15_000);
  });

  it('sizes the Danube catchment near its real 801,000 km²', () => {
    const km2 = area('Danube').properties.areaKm2;
    expect(km2).toBeGreaterThan(650_000);
    expect(km2).toBeLessThan(1_000_000);
  });
});

describe('catchments for the map', () => {
  it('gives just the label points, with their boxes, for the basin selector', async () => {
    const res = await fetch(`${server.url}/api/basins/catchments?only=labels`);
    const labels = (await res.json()) as FeatureCollection<MultiPolygon, Props>;
    expect(labels.features.length).toBe(fc.features.length / 2);
    expect(labels.features.every((f) => f.properties.role === 'label')).toBe(true);
    const delta = labels.features.find((f) => f.properties.name === 'Danube Delta');
    expect(delta?.properties.bbox).toEqual(area('Danube Delta', 'delta').properties.bbox);
    const bad = await fetch(`${server.url}/api/basins/catchments?only=areas`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_QUERY');
  });

  it('cuts the catchments into the basemap vector tiles (without the bbox arrays)', () => {
    const tiles = new TileSource(server.services.db, { catchments: fc });
    // z5 tile 17/11 holds Vienna–Budapest.
    const layer = tiles.getTile(5, 17, 11).catchments;
    const tags = (layer?.features ?? []).map((f) => f.tags as Record<string, unknown>);
    expect(tags.some((t) => t.name === 'Danube' && t.role === 'area' && t.kind === 'basin')).toBe(true);
    expect(tags.every((t) => t.bbox === undefined)).toBe(true);
  });
});
