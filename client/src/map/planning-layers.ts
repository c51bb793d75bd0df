// Map overlays for planning: the selected site's consultation zones and the development being drawn
// (area, outline, vertices). Sources are added on first use so MapView needs no changes for them.

import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';

export const ZONES_SOURCE = 'planning-zones';
export const DRAFT_SOURCE = 'planning-draft';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
export const ZONE_COLORS = { inner: '#c0392b', middle: '#e67e22', outer: '#f1c40f' } as const;

function ensure(map: MlMap): void {
  if (!map.getSource(ZONES_SOURCE)) {
    map.addSource(ZONES_SOURCE, { type: 'geojson', data: EMPTY });
    const before = map.getLayer('site-clusters') ? 'site-clusters' : undefined;
    const color = [
      'match',
      ['get', 'zone'],
      'inner',
      ZONE_COLORS.inner,
      'middle',
      ZONE_COLORS.middle,
      ZONE_COLORS.outer,
    ];
    // Outer first so the inner zone draws on top.
    map.addLayer(
      {
        id: 'planning-zones-fill',
        type: 'fill',
        source: ZONES_SOURCE,
        paint: { 'fill-color': color as never, 'fill-opacity': 0.12 },
      },
      before,
    );
    map.addLayer(
      {
        id: 'planning-zones-line',
        type: 'line',
        source: ZONES_SOURCE,
        paint: { 'line-color': color as never, 'line-width': 2, 'line-dasharray': [3, 2] },
      },
      before,
    );
  }
  if (!map.getSource(DRAFT_SOURCE)) {
    map.addSource(DRAFT_SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: 'planning-draft-fill',
      type: 'fill',
      source: DRAFT_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#2c3e91', 'fill-opacity': 0.25 },
    });
    map.addLayer({
      id: 'planning-draft-line',
      type: 'line',
      source: DRAFT_SOURCE,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'LineString']]],
      paint: { 'line-color': '#2c3e91', 'line-width': 2 },
    });
    map.addLayer({
      id: 'planning-draft-points',
      type: 'circle',
      source: DRAFT_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 5,
        'circle-color': '#ffffff',
        'circle-stroke-color': '#2c3e91',
        'circle-stroke-width': 2,
      },
    });
  }
}

/** Outer zone first, so inner ones draw on top. */
export function setZones(map: MlMap, zones: FeatureCollection | null): void {
  ensure(map);
  const features = zones ? [...zones.features].reverse() : [];
  (map.getSource(ZONES_SOURCE) as GeoJSONSource | undefined)?.setData({
    type: 'FeatureCollection',
    features,
  });
}

export function setDraft(map: MlMap, geometries: Geometry[]): void {
  ensure(map);
  (map.getSource(DRAFT_SOURCE) as GeoJSONSource | undefined)?.setData({
    type: 'FeatureCollection',
    features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  });
}
