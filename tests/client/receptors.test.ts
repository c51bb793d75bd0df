// Receptor layer logic of the client: kinds in step with the server, query strings within the route's
// limits, the map GeoJSON and its layers, grouping by kind, receptor boxes and the box the layer asks for.
import { describe, expect, it } from 'vitest';
import {
  bboxContains,
  groupByKind,
  layerBbox,
  RECEPTOR_COLORS,
  type Receptor,
  receptorBbox,
  receptorFormatOf,
  receptorImportQuery,
  receptorsGeoJson,
  receptorsQuery,
} from '../../client/src/lib/receptors.js';
import { RECEPTOR_LAYER_IDS, receptorLayers } from '../../client/src/map/receptor-layers.js';
import { RECEPTOR_KINDS } from '../../shared/codes.js';
import { MAX_RECEPTOR_LIMIT } from '../../shared/limits.js';

const receptor = (over: Partial<Receptor>): Receptor => ({
  id: 'r1',
  kind: 'school',
  name: 'School',
  population: null,
  geometry: { type: 'Point', coordinates: [20.6, 44.8] },
  lon: 20.6,
  lat: 44.8,
  properties: {},
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
});

const flood = receptor({
  id: 'f1',
  kind: 'flood_zone',
  name: 'Flood plain',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [20.69, 44.81],
        [20.72, 44.81],
        [20.72, 44.83],
        [20.69, 44.83],
        [20.69, 44.81],
      ],
    ],
  },
});

describe('receptor kinds and limits', () => {
  it('have a colour each (the kinds come from shared/codes.ts, as on the server)', () => {
    expect(Object.keys(RECEPTOR_COLORS).sort()).toEqual([...RECEPTOR_KINDS].sort());
    expect(new Set(Object.values(RECEPTOR_COLORS)).size).toBe(RECEPTOR_KINDS.length);
  });
});

describe('query strings', () => {
  it('lists by bbox and kinds, clamping the limit to the route maximum', () => {
    const q = new URLSearchParams(
      receptorsQuery({
        bbox: [20.1234567, 44, 21, 45],
        kinds: ['school', 'hospital'],
        limit: 50_000,
        offset: 10,
      }),
    );
    expect(q.get('bbox')).toBe('20.12346,44,21,45');
    expect(q.get('kind')).toBe('school,hospital');
    expect(q.get('limit')).toBe(String(MAX_RECEPTOR_LIMIT));
    expect(q.get('offset')).toBe('10');
    expect(receptorsQuery({ limit: 0 })).toBe('limit=1');
    expect(receptorsQuery({})).toBe('');
  });

  it('imports with format, CRS, default kind and skipInvalid only on a commit that asks for it', () => {
    const dry = new URLSearchParams(
      receptorImportQuery({ format: 'csv', crs: 'EPSG:3844', kind: 'water_intake', dryRun: true }),
    );
    expect(Object.fromEntries(dry)).toEqual({
      format: 'csv',
      crs: 'EPSG:3844',
      kind: 'water_intake',
      dryRun: 'true',
    });
    const commit = new URLSearchParams(
      receptorImportQuery({ format: 'geojson', crs: '', dryRun: false, skipInvalid: true }),
    );
    expect(Object.fromEntries(commit)).toEqual({ format: 'geojson', dryRun: 'false', skipInvalid: 'true' });
    expect(receptorFormatOf('Intakes.CSV')).toBe('csv');
    expect(receptorFormatOf('zones.geojson')).toBe('geojson');
  });
});

describe('map data and layers', () => {
  it('turns receptors into features with kind and colour', () => {
    const fc = receptorsGeoJson([receptor({}), flood]);
    expect(fc.features.map((f) => [f.geometry.type, f.properties?.kind, f.properties?.color])).toEqual([
      ['Point', 'school', RECEPTOR_COLORS.school],
      ['Polygon', 'flood_zone', RECEPTOR_COLORS.flood_zone],
    ]);
  });

  it('draws every kind in its colour, areas and points apart, flood zones dashed', () => {
    const layers = receptorLayers();
    expect(layers.map((l) => l.id)).toEqual([...RECEPTOR_LAYER_IDS]);
    const fill = layers.find((l) => l.id === 'receptor-fill');
    const match = JSON.stringify(fill && 'paint' in fill ? fill.paint?.['fill-color' as never] : null);
    for (const k of RECEPTOR_KINDS) expect(match).toContain(`"${k}","${RECEPTOR_COLORS[k]}"`);
    const dashed = layers.find((l) => l.id === 'receptor-flood-outline');
    expect(JSON.stringify(dashed)).toContain('line-dasharray');
    expect(JSON.stringify(dashed && 'filter' in dashed ? dashed.filter : null)).toContain('flood_zone');
  });
});

describe('lists and boxes', () => {
  it('groups by kind in the fixed order, leaving out empty kinds', () => {
    const groups = groupByKind([
      receptor({ id: 'a', kind: 'school' }),
      flood,
      receptor({ id: 'b', kind: 'water_intake' }),
      receptor({ id: 'c', kind: 'school' }),
    ]);
    expect(groups.map((g) => [g.kind, g.items.map((r) => r.id)])).toEqual([
      ['water_intake', ['b']],
      ['school', ['a', 'c']],
      ['flood_zone', ['f1']],
    ]);
  });

  it('boxes a point, a polygon and a multipolygon', () => {
    expect(receptorBbox(receptor({}))).toEqual([20.6, 44.8, 20.6, 44.8]);
    expect(receptorBbox(flood)).toEqual([20.69, 44.81, 20.72, 44.83]);
    const multi = receptor({
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1, 1],
              [2, 1],
              [2, 2],
              [1, 1],
            ],
          ],
          [
            [
              [5, -3],
              [6, -3],
              [6, -2],
              [5, -3],
            ],
          ],
        ],
      },
    });
    expect(receptorBbox(multi)).toEqual([1, -3, 6, 2]);
  });

  it('asks for the view grown by half, clipped to WGS84; a wrapped or world view asks for all longitudes', () => {
    expect(layerBbox([20, 44, 22, 45])).toEqual([19, 43.5, 23, 45.5]);
    expect(layerBbox([170, 80, 179, 89])).toEqual([165.5, 75.5, 180, 90]);
    expect(layerBbox([170, 40, 190, 50])).toEqual([-180, 35, 180, 55]);
    expect(layerBbox([-200, -80, 200, 80])).toEqual([-180, -90, 180, 90]);
    expect(bboxContains([19, 43.5, 23, 45.5], [20, 44, 22, 45])).toBe(true);
    expect(bboxContains([19, 43.5, 23, 45.5], [18.9, 44, 22, 45])).toBe(false);
  });
});
