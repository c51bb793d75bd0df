// Map overlays for planning: the consultation zones of the selected site and of every site a planning
// verdict cites, and the development being drawn (area, outline, vertices). Sources are added on first
// use so MapView needs no changes for them.

import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';

export const ZONES_SOURCE = 'planning-zones';
export const DRAFT_SOURCE = 'planning-draft';
export const CITED_SITES_SOURCE = 'planning-cited-sites';
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
  if (!map.getSource(CITED_SITES_SOURCE)) {
    // The sites a verdict cites, drawn whatever the site list's filter hides.
    map.addSource(CITED_SITES_SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: 'planning-cited-sites',
      type: 'circle',
      source: CITED_SITES_SOURCE,
      paint: {
        'circle-radius': 6,
        'circle-color': '#7b1d1d',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
    map.addLayer({
      id: 'planning-cited-labels',
      type: 'symbol',
      source: CITED_SITES_SOURCE,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['DejaVu Sans Bold'],
        'text-size': 11,
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': '#7b1d1d', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    });
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

/** The two sets of zones on one map: the selected site's and the cited sites' of a planning verdict. */
const shown = new WeakMap<MlMap, { site: FeatureCollection | null; cited: FeatureCollection | null }>();

function drawZones(map: MlMap): void {
  ensure(map);
  const z = shown.get(map);
  const all = [...(z?.cited?.features ?? []), ...(z?.site?.features ?? [])];
  // Outer zones first, so inner ones draw on top.
  const order = { outer: 0, middle: 1, inner: 2 } as Record<string, number>;
  const features = all
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (order[String(a.f.properties?.zone)] ?? 0) - (order[String(b.f.properties?.zone)] ?? 0) || a.i - b.i,
    )
    .map((x) => x.f);
  (map.getSource(ZONES_SOURCE) as GeoJSONSource | undefined)?.setData({
    type: 'FeatureCollection',
    features,
  });
}

/** The selected site's zones (null clears them; the cited sites' stay). */
export function setZones(map: MlMap, zones: FeatureCollection | null): void {
  shown.set(map, { site: zones, cited: shown.get(map)?.cited ?? null });
  drawZones(map);
}

/** The zones and markers of every site a planning verdict cites (null clears them; the selected site's stay). */
export function setCitedZones(
  map: MlMap,
  zones: FeatureCollection | null,
  sites: readonly { id: string; name: string; lon: number; lat: number }[] = [],
): void {
  shown.set(map, { cited: zones, site: shown.get(map)?.site ?? null });
  drawZones(map);
  (map.getSource(CITED_SITES_SOURCE) as GeoJSONSource | undefined)?.setData({
    type: 'FeatureCollection',
    features: sites.map((s) => ({
      type: 'Feature',
      properties: { siteId: s.id, name: s.name },
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    })),
  });
}

export function setDraft(map: MlMap, geometries: Geometry[]): void {
  ensure(map);
  (map.getSource(DRAFT_SOURCE) as GeoJSONSource | undefined)?.setData({
    type: 'FeatureCollection',
    features: geometries.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  });
}

/** A reopened review's development on the map, and the map moved to it and the cited zones. */
export function showSavedReview(
  map: MlMap,
  development: Geometry | null,
  zones: FeatureCollection | null,
): void {
  setDraft(map, development ? [development] : []);
  if (!development) return;
  const coords: number[][] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') coords.push(c as number[]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk('coordinates' in development ? development.coordinates : []);
  for (const f of zones?.features ?? []) walk('coordinates' in f.geometry ? f.geometry.coordinates : []);
  if (coords.length === 0) return;
  const xs = coords.map((c) => c[0] ?? 0);
  const ys = coords.map((c) => c[1] ?? 0);
  map.fitBounds(
    [
      [Math.min(...xs), Math.min(...ys)],
      [Math.max(...xs), Math.max(...ys)],
    ],
    { padding: { top: 40, left: 40, right: 40, bottom: 90 }, maxZoom: 15, duration: 0 },
  );
}
