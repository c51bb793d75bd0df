// MapLibre sources and layers HazAtlas adds on top of the basemap: sites (clustered), the active
// trace and the selected basin. Pure data so it can be reasoned about without a map.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { SiteSummary, TraceResult } from '../../../shared/api.js';
import { BASEMAP_LAYER_IDS as B, BASEMAP_SOURCE, FONTS } from '../../../shared/map.js';
import { countryColors, hazardClass, NO_COUNTRY_COLOR, rankColorExpression } from '../lib/colors.js';
import { borderEventLabel } from '../lib/trace-text.js';

export const SITE_SOURCE = 'sites';
export const TRACE_SOURCE = 'trace';
export const TRACE_POINTS_SOURCE = 'trace-points';
/** Catchments come in the basemap's vector tiles, cut on the server (no GeoJSON for the worker to tile). */
const CATCHMENT_LAYER = { source: BASEMAP_SOURCE, 'source-layer': 'catchments' } as const;
/** The server's name for a river system with no named river (server/core/network/name-outlets.ts). */
const UNNAMED_BASIN = 'Unnamed river system';
const FONT = [...FONTS.regular];
const FONT_BOLD = [...FONTS.bold];

export function sitesGeoJson(sites: readonly SiteSummary[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: sites.map((s): Feature<Point> => {
      const c = hazardClass(s);
      return {
        type: 'Feature',
        id: undefined,
        geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
        properties: {
          id: s.id,
          name: s.name,
          kind: s.kind,
          color: c.color,
          rank: c.rank,
          cls: c.label ?? '',
        },
      };
    }),
  };
}

/** Trace path with a per-feature colour by country, plus crossings, outlets and the snapped start. */
export function traceGeoJson(trace: TraceResult): {
  path: FeatureCollection;
  points: FeatureCollection<Point>;
} {
  const colors = countryColors(trace.countries.map((c) => c.iso3));
  const path: FeatureCollection = {
    type: 'FeatureCollection',
    features: trace.path.features.map((f) => ({
      ...f,
      properties: {
        ...f.properties,
        color: (f.properties.country && colors.get(f.properties.country)) || NO_COUNTRY_COLOR,
        isBorder: f.properties.border !== null && f.properties.border !== undefined,
      },
    })),
  };
  const point = (
    lon: number,
    lat: number,
    props: Record<string, string | number | boolean>,
  ): Feature<Point> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: props,
  });
  const points: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: [
      point(trace.snap.lon, trace.snap.lat, { role: 'start', label: '' }),
      ...trace.crossings.map((c) => point(c.lon, c.lat, { role: 'crossing', label: borderEventLabel(c) })),
      ...trace.outlets.map((o) =>
        point(o.lon, o.lat, { role: 'outlet', label: o.name, main: o.main === true }),
      ),
    ],
  };
  return { path, points };
}

export const siteClusterOptions = {
  cluster: true,
  clusterMaxZoom: 7,
  clusterRadius: 42,
  // Clusters keep the worst class of their members so a red cluster warns before it is expanded.
  clusterProperties: { maxRank: ['max', ['get', 'rank']] as ExpressionSpecification },
};

export const siteLayers: LayerSpecification[] = [
  {
    id: 'site-clusters',
    type: 'circle',
    source: SITE_SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': rankColorExpression() as ExpressionSpecification,
      'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 50, 22],
      'circle-stroke-color': '#3a2a1a',
      'circle-stroke-width': 1.5,
    },
  },
  {
    id: 'site-cluster-count',
    type: 'symbol',
    source: SITE_SOURCE,
    filter: ['has', 'point_count'],
    layout: {
      'text-field': ['get', 'point_count_abbreviated'],
      'text-font': FONT_BOLD,
      'text-size': 12,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#1b1b1b' },
  },
  {
    id: 'site-points',
    type: 'symbol',
    source: SITE_SOURCE,
    filter: ['!', ['has', 'point_count']],
    layout: {
      'icon-image': ['match', ['get', 'kind'], 'tmf', 'hz-tmf', 'hz-activity'],
      'icon-size': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 0.9],
      'icon-allow-overlap': true,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: { 'icon-color': ['get', 'color'], 'icon-halo-color': '#2b2b2b', 'icon-halo-width': 1.6 },
  },
  {
    id: 'site-labels',
    type: 'symbol',
    source: SITE_SOURCE,
    filter: ['!', ['has', 'point_count']],
    minzoom: 6,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': 12,
      'text-offset': [0, 1.3],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: { 'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  },
];

export const selectedLayer = (id: string): LayerSpecification => ({
  id: 'site-selected',
  type: 'circle',
  source: SITE_SOURCE,
  filter: ['==', ['get', 'id'], id],
  paint: {
    'circle-radius': 16,
    'circle-color': 'rgba(0,0,0,0)',
    'circle-stroke-color': '#1f4fff',
    'circle-stroke-width': 3,
  },
});

export const traceLayers: LayerSpecification[] = [
  {
    id: 'trace-casing',
    type: 'line',
    source: TRACE_SOURCE,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': ['match', ['get', 'branch'], 'main', 8, 5] },
  },
  {
    id: 'trace-line',
    type: 'line',
    source: TRACE_SOURCE,
    filter: ['!', ['get', 'isBorder']],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ['get', 'color'], 'line-width': ['match', ['get', 'branch'], 'main', 4.5, 2.5] },
  },
  {
    // Stretches where the river is the border: dashed, because they belong to two countries.
    id: 'trace-border',
    type: 'line',
    source: TRACE_SOURCE,
    filter: ['get', 'isBorder'],
    paint: {
      'line-color': ['get', 'color'],
      'line-width': ['match', ['get', 'branch'], 'main', 4.5, 2.5],
      'line-dasharray': [1.5, 1],
    },
  },
  {
    id: 'trace-points',
    type: 'circle',
    source: TRACE_POINTS_SOURCE,
    paint: {
      'circle-radius': ['match', ['get', 'role'], 'start', 6, 'outlet', 7, 5],
      'circle-color': ['match', ['get', 'role'], 'start', '#1f4fff', 'outlet', '#00264d', '#ffffff'],
      'circle-stroke-color': ['match', ['get', 'role'], 'crossing', '#c00000', '#ffffff'],
      'circle-stroke-width': 2.5,
    },
  },
  {
    id: 'trace-point-labels',
    type: 'symbol',
    source: TRACE_POINTS_SOURCE,
    filter: ['!=', ['get', 'role'], 'start'],
    layout: {
      'text-field': ['get', 'label'],
      'text-font': FONT_BOLD,
      'text-size': 11,
      'text-offset': [0, 1.2],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: { 'text-color': '#1b1b1b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  },
];

// Pale fills that differ between neighbouring basins (by id), under the rivers; dashed outlines
// because the divides are approximate.
const BASIN_FILLS = ['#7fb3d5', '#a3c586', '#d7b377', '#b39ddb', '#80cbc4', '#e6a1a1'];
const basinFill: ExpressionSpecification = [
  'match',
  ['%', ['get', 'basinId'], BASIN_FILLS.length],
  ...BASIN_FILLS.flatMap((c, i) => [i, c]),
  BASIN_FILLS[0] as string,
] as unknown as ExpressionSpecification;
const isArea: ExpressionSpecification = ['==', ['get', 'role'], 'area'];
const selectedBasin = (basinId: number | undefined, delta: boolean): ExpressionSpecification =>
  [
    'all',
    ['==', ['get', 'basinId'], basinId ?? -1],
    ['==', ['get', 'kind'], delta ? 'delta' : 'basin'],
  ] as ExpressionSpecification;

/**
 * Approximate catchments: fill, outline (the selected basin or delta drawn stronger) and a label that
 * says the area is approximate (`approxText`, translated, e.g. "approx. catchment").
 */
export function catchmentLayers(approxText: string): LayerSpecification[] {
  return [
    {
      id: 'basin-fill',
      type: 'fill',
      ...CATCHMENT_LAYER,
      filter: ['all', isArea, ['==', ['get', 'kind'], 'basin']],
      paint: { 'fill-color': basinFill, 'fill-opacity': 0.16 },
    },
    {
      id: 'delta-fill',
      type: 'fill',
      ...CATCHMENT_LAYER,
      filter: ['all', isArea, ['==', ['get', 'kind'], 'delta']],
      paint: { 'fill-color': '#1b9e77', 'fill-opacity': 0.28 },
    },
    {
      id: 'basin-outline',
      type: 'line',
      ...CATCHMENT_LAYER,
      filter: isArea,
      paint: {
        'line-color': ['match', ['get', 'kind'], 'delta', '#0f6b50', '#4a6f8a'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.4],
        'line-dasharray': [4, 3],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'basin-selected',
      type: 'line',
      ...CATCHMENT_LAYER,
      filter: ['all', isArea, selectedBasin(undefined, false)],
      paint: { 'line-color': '#006d6d', 'line-width': 3, 'line-dasharray': [3, 1.5] },
    },
    {
      id: 'basin-labels',
      type: 'symbol',
      ...CATCHMENT_LAYER,
      filter: [
        'all',
        ['==', ['get', 'role'], 'label'],
        ['!=', ['get', 'name'], UNNAMED_BASIN],
        // Big basins are named from the world view, small ones and deltas only closer in.
        [
          '>=',
          ['zoom'],
          [
            'case',
            ['==', ['get', 'kind'], 'delta'],
            5,
            ['>=', ['get', 'areaKm2'], 250_000],
            2,
            ['>=', ['get', 'areaKm2'], 50_000],
            4,
            6,
          ],
        ],
      ],
      layout: {
        // Where labels collide, the bigger basin keeps its name.
        'symbol-sort-key': ['-', 0, ['get', 'areaKm2']],
        'text-field': catchmentLabel(approxText),
        'text-font': FONT_BOLD,
        'text-size': ['case', ['==', ['get', 'kind'], 'delta'], 11, 13],
        'text-max-width': 12,
        'text-optional': true,
      },
      paint: { 'text-color': '#1f4e5f', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
  ];
}

export const catchmentLabel = (approxText: string): ExpressionSpecification => [
  'format',
  ['get', 'name'],
  {},
  `\n${approxText}`,
  { 'font-scale': 0.8 },
];

export const selectedBasinFilter = (basinId: number | undefined, delta: boolean): ExpressionSpecification =>
  ['all', isArea, selectedBasin(basinId, delta)] as ExpressionSpecification;

export const basinLayer = (basinId: number): LayerSpecification => ({
  id: 'basin-rivers',
  type: 'line',
  source: BASEMAP_SOURCE,
  'source-layer': 'rivers',
  filter: ['==', ['get', 'basin_id'], basinId],
  layout: { 'line-cap': 'round', 'line-join': 'round' },
  paint: {
    'line-color': '#00a3a3',
    'line-opacity': 0.55,
    'line-width': ['interpolate', ['linear'], ['zoom'], 2, 2.5, 10, 7],
  },
});

/** Basemap layers each legend toggle controls. */
export const TOGGLE_LAYERS: Record<'rivers' | 'countries' | 'basins' | 'sites', string[]> = {
  rivers: [B.riversMajor, B.riversMedium, B.riversMinor, B.riverLabels],
  countries: [B.boundaries, B.countryLabels],
  basins: ['basin-fill', 'delta-fill', 'basin-outline', 'basin-selected', 'basin-labels'],
  sites: ['site-clusters', 'site-cluster-count', 'site-points', 'site-labels', 'site-selected'],
};
