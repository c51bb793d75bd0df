// The map's first style: the server's real basemap style with the overlays placed where the map draws
// them, and every toggled layer's visibility explicit so the first effects change nothing (a change
// would make MapLibre re-parse every basemap tile).
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { wantedBasinRivers, withOverlays } from '../../client/src/map/initial-style.js';
import { TOGGLE_LAYERS } from '../../client/src/map/layers.js';
import { buildStyle } from '../../server/basemap/map-style.js';

const base = buildStyle('http://localhost:3000') as unknown as StyleSpecification;
const ids = (s: StyleSpecification) => s.layers.map((l) => l.id);
const layer = (s: StyleSpecification, id: string): LayerSpecification => {
  const l = s.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l;
};

describe('withOverlays', () => {
  const style = withOverlays(base, {
    approxText: 'approx. catchment',
    layers: ['rivers', 'sites', 'basins'],
    basinId: 7,
    delta: false,
  });

  it('keeps the basemap and adds the overlay sources', () => {
    expect(Object.keys(style.sources)).toEqual(
      expect.arrayContaining(['basemap', 'sites', 'trace', 'trace-points']),
    );
    expect(style.sources.sites).toMatchObject({ type: 'geojson', cluster: true });
    for (const id of ids(base)) expect(ids(style)).toContain(id);
  });

  it('puts catchment areas under the rivers, the basin rivers under the borders, labels, trace and sites on top', () => {
    const at = (id: string) => ids(style).indexOf(id);
    expect(at('basin-fill')).toBeLessThan(at('rivers-major'));
    expect(at('basin-rivers')).toBeLessThan(at('boundaries'));
    expect(at('basin-rivers')).toBeGreaterThan(at('rivers-major'));
    expect(at('basin-labels')).toBeGreaterThan(at('country-labels'));
    expect(at('trace-casing')).toBeGreaterThan(at('basin-labels'));
    expect(at('site-points')).toBeGreaterThan(at('trace-casing'));
    expect(layer(style, 'basin-rivers')).toMatchObject({ filter: ['==', ['get', 'basin_id'], 7] });
    expect(JSON.stringify(layer(style, 'basin-selected'))).toContain('"basinId"],7]');
  });

  it('sets every toggled layer visible or hidden from the URL layers', () => {
    for (const [key, layerIds] of Object.entries(TOGGLE_LAYERS)) {
      const want = ['rivers', 'sites', 'basins'].includes(key) ? 'visible' : 'none';
      for (const id of layerIds.filter((i) => i !== 'site-selected')) {
        expect((layer(style, id).layout as { visibility?: string }).visibility, id).toBe(want);
      }
    }
  });

  it('draws no basin rivers without a basin or with basins off', () => {
    expect(wantedBasinRivers({ basinId: undefined, layers: ['basins'] })).toBeNull();
    expect(wantedBasinRivers({ basinId: 7, layers: ['rivers'] })).toBeNull();
    const none = withOverlays(base, { approxText: '', layers: ['rivers'], basinId: 7, delta: false });
    expect(ids(none)).not.toContain('basin-rivers');
  });
});
