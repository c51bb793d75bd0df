// Map overlay data built from API answers: sites for clustering, the trace coloured by country with
// border stretches flagged, and its crossing/outlet markers.
import { describe, expect, it } from 'vitest';
import { sitesGeoJson, TOGGLE_LAYERS, traceGeoJson } from '../../client/src/map/layers.js';
import type { SiteSummary, TraceResult } from '../../shared/api.js';

const trace: TraceResult = {
  snap: { lon: 20.66, lat: 44.8, distanceKm: 4.1, river: 'Danube' },
  lengthKm: 300,
  outlets: [{ name: 'Black Sea', km: 300, lon: 29.7, lat: 45.2, main: true }],
  countries: [
    { iso3: 'SRB', name: 'Serbia', entryKm: 0, exitKm: 74, sharedWith: [] },
    { iso3: 'SRB', name: 'Serbia', entryKm: 74, exitKm: 297, sharedWith: ['ROU'] },
  ],
  crossings: [{ km: 74, lon: 21.4, lat: 44.7, from: 'SRB', to: 'ROU' }],
  rivers: [{ name: 'Danube', fromKm: 0, toKm: 300 }],
  path: {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [20.66, 44.8],
            [21.4, 44.7],
          ],
        },
        properties: { kmFromStart: 0, river: 'Danube', country: 'SRB', border: null, branch: 'main' },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [21.4, 44.7],
            [22.5, 44.6],
          ],
        },
        properties: { kmFromStart: 74, river: 'Danube', country: 'SRB', border: 'SRB/ROU', branch: 'main' },
      },
    ],
  },
};

describe('map layers data', () => {
  it('marks border stretches and colours the path by country', () => {
    const { path, points } = traceGeoJson(trace);
    expect(path.features.map((f) => f.properties?.isBorder)).toEqual([false, true]);
    const colours = path.features.map((f) => f.properties?.color);
    expect(colours[0]).toMatch(/^#[0-9a-f]{6}$/);
    expect(colours[1]).toBe(colours[0]);
    expect(points.features.map((f) => f.properties?.role)).toEqual(['start', 'crossing', 'outlet']);
    expect(points.features[1]?.properties?.label).toBe('SRB → ROU');
  });

  it('puts each site at its coordinates with its class colour and rank for clustering', () => {
    const site = {
      id: 'a',
      name: 'A',
      kind: 'tmf',
      lon: 23.47,
      lat: 47.65,
      wri: null,
      thi: 12.5,
    } as unknown as SiteSummary;
    const f = sitesGeoJson([site]).features[0];
    expect(f?.geometry.coordinates).toEqual([23.47, 47.65]);
    expect(f?.properties).toMatchObject({ id: 'a', kind: 'tmf', cls: '12-14', rank: 0.75 });
  });

  it('switches the basin catchment layers with the basins toggle', () => {
    expect(TOGGLE_LAYERS.basins).toEqual(
      expect.arrayContaining(['basin-fill', 'delta-fill', 'basin-labels']),
    );
  });
});
