// The MapLibre style for the offline basemap (the web app's first style) and, for other clients such as
// QGIS, the same basemap plus the register's sites layer: every source and glyph URL points back here.
// Its source, layer ids and fonts are the contract with the client's overlays (shared/map.ts).
import { BASEMAP_SOURCE, FONTS } from '../../shared/map.js';
import { BASEMAP_MAX_ZOOM, SITES_LAYER, SITES_MAX_ZOOM } from '../core/tiles/vector-layers.js';
import {
  DETAIL_MIN_ZOOM,
  DETAIL_SOURCE,
  type DetailSchema,
  detailLayers,
  NAME_LABEL,
  rasterDetailLayer,
} from './detail-style.js';

type Json = Record<string, unknown>;

export const COLORS = {
  ocean: '#b7d3e9',
  land: '#f3f1ea',
  boundary: '#8c7f91',
  river: '#3f83c4',
  label: '#333333',
  waterLabel: '#2d5f8f',
};

// Rivers by size: Natural Earth scalerank (lower = bigger). Each class is its own layer so the legend
// can switch it and so smaller classes appear only when zoomed in.
export const RIVER_CLASSES = [
  { id: 'rivers-major', filter: ['<=', ['get', 'scalerank'], 4], width: [1.2, 5], minzoom: 0 },
  {
    id: 'rivers-medium',
    filter: ['all', ['>', ['get', 'scalerank'], 4], ['<=', ['get', 'scalerank'], 8]],
    width: [0.6, 3],
    minzoom: 3,
  },
  { id: 'rivers-minor', filter: ['>', ['get', 'scalerank'], 8], width: [0.4, 2], minzoom: 5 },
] as const;

/** Sites by kind: the client's colours for its highest WRI class and THI class. */
export const SITE_COLORS = { tmf: '#8e0152', activity: '#cc4c02' };

/** Which tile sets a style draws: the app's basemap, the sites alone (a QGIS connection), or both. */
export const STYLE_SOURCES = ['basemap', 'sites', 'all'] as const;
export type StyleSources = (typeof STYLE_SOURCES)[number];

export interface StyleOptions {
  sources: StyleSources;
  /** Path of the basemap tiles: the app's `/api/tiles/…`, or `/api/tiles/basemap/…` beside its TileJSON. */
  basemapTiles: string;
  /** The detailed archive (HAZATLAS_BASEMAP) drawn at planning zooms, if configured. */
  detail?: DetailStyle | null;
}

/** A configured detailed archive (HAZATLAS_BASEMAP) as the style needs it. */
export type DetailStyle =
  | {
      kind: 'vector';
      schema: DetailSchema;
      minZoom: number;
      maxZoom: number;
      bounds: number[];
      attribution: string;
    }
  | { kind: 'raster'; minZoom: number; maxZoom: number; bounds: number[]; attribution: string };

/** Inserts `extra` before the layer `beforeId`. */
function before(layers: Json[], beforeId: string, extra: Json[]): Json[] {
  const i = layers.findIndex((l) => l.id === beforeId);
  return i < 0 ? [...layers, ...extra] : [...layers.slice(0, i), ...extra, ...layers.slice(i)];
}

/** The Natural Earth style with the detailed archive's source and layers added. */
function withDetail(style: Json, origin: string, detail: DetailStyle): Json {
  const source: Json = {
    type: detail.kind,
    tiles: [`${origin}/api/basemap/{z}/{x}/{y}`],
    minzoom: detail.minZoom,
    maxzoom: detail.maxZoom,
    bounds: detail.bounds,
    attribution: detail.attribution,
    ...(detail.kind === 'raster' ? { tileSize: 256 } : {}),
  };
  let layers = style.layers as Json[];
  if (detail.kind === 'raster') layers = before(layers, 'lakes', [rasterDetailLayer()]);
  else {
    const d = detailLayers(detail.schema);
    layers = before(layers, 'lakes', d.under);
    layers = before(layers, 'boundaries', d.over);
    layers = before(layers, 'places', d.labels);
    // Where the archive draws, its own place names replace Natural Earth's (two "Belgrade" labels
    // would push each other off the map).
    layers = layers.map((l) =>
      l.id === 'places' || l.id === 'place-labels' ? { ...l, maxzoom: DETAIL_MIN_ZOOM } : l,
    );
  }
  return { ...style, sources: { ...(style.sources as Json), [DETAIL_SOURCE]: source }, layers };
}

export const BASEMAP_TILES = '/api/tiles/basemap/{z}/{x}/{y}.pbf';
export const APP_BASEMAP_TILES = '/api/tiles/{z}/{x}/{y}.pbf';
export const SITES_TILES = '/api/tiles/sites/{z}/{x}/{y}.pbf';

function siteLayers(): Json[] {
  const layer = { source: 'sites', 'source-layer': SITES_LAYER.id };
  return [
    {
      id: 'hazatlas-sites',
      type: 'circle',
      ...layer,
      paint: {
        'circle-color': ['match', ['get', 'kind'], 'tmf', SITE_COLORS.tmf, SITE_COLORS.activity],
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 3, 10, 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'hazatlas-site-labels',
      type: 'symbol',
      ...layer,
      minzoom: 6,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONTS.regular,
        'text-size': 11,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': '#222222', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
    },
  ];
}

/** The sites on their own: no background, so a QGIS layer of sites leaves the basemap under it visible. */
function sitesOnly(origin: string, sites: Json): Json {
  return {
    version: 8,
    name: 'HazAtlas sites',
    glyphs: `${origin}/api/glyphs/{fontstack}/{range}.pbf`,
    sources: { sites },
    layers: siteLayers(),
  };
}

export function buildStyle(
  origin: string,
  options: StyleOptions = { sources: 'basemap', basemapTiles: APP_BASEMAP_TILES },
): Json {
  const sites = {
    type: 'vector',
    tiles: [`${origin}${SITES_TILES}`],
    minzoom: 0,
    maxzoom: SITES_MAX_ZOOM,
    attribution: 'HazAtlas register',
  };
  if (options.sources === 'sites') return sitesOnly(origin, sites);
  const natural = buildBasemapStyle(origin, options.basemapTiles);
  const basemap = options.detail ? withDetail(natural, origin, options.detail) : natural;
  if (options.sources === 'basemap') return basemap;
  return {
    ...basemap,
    name: 'HazAtlas basemap and sites',
    sources: { ...(basemap.sources as Json), sites },
    layers: [...(basemap.layers as Json[]), ...siteLayers()],
  };
}

function buildBasemapStyle(origin: string, tilesPath: string): Json {
  const river = (c: (typeof RIVER_CLASSES)[number]): Json => ({
    id: c.id,
    type: 'line',
    source: BASEMAP_SOURCE,
    'source-layer': 'rivers',
    minzoom: c.minzoom,
    filter: ['all', ['==', ['get', 'featurecla'], 'River'], c.filter],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': COLORS.river,
      'line-width': ['interpolate', ['linear'], ['zoom'], 2, c.width[0], 10, c.width[1]],
    },
  });
  return {
    version: 8,
    name: 'HazAtlas offline basemap',
    glyphs: `${origin}/api/glyphs/{fontstack}/{range}.pbf`,
    sources: {
      [BASEMAP_SOURCE]: {
        type: 'vector',
        tiles: [`${origin}${tilesPath}`],
        minzoom: 0,
        maxzoom: BASEMAP_MAX_ZOOM,
        attribution: 'Natural Earth',
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.ocean } },
      {
        id: 'countries-fill',
        type: 'fill',
        source: BASEMAP_SOURCE,
        'source-layer': 'countries',
        paint: { 'fill-color': COLORS.land, 'fill-antialias': false },
      },
      {
        id: 'lakes',
        type: 'fill',
        source: BASEMAP_SOURCE,
        'source-layer': 'lakes',
        paint: { 'fill-color': COLORS.ocean },
      },
      ...RIVER_CLASSES.map(river),
      {
        id: 'boundaries',
        type: 'line',
        source: BASEMAP_SOURCE,
        'source-layer': 'boundaries',
        paint: {
          'line-color': COLORS.boundary,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 8, 1.6],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'river-labels',
        type: 'symbol',
        metadata: NAME_LABEL,
        source: BASEMAP_SOURCE,
        'source-layer': 'rivers',
        minzoom: 5,
        filter: ['all', ['==', ['get', 'featurecla'], 'River'], ['has', 'name']],
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': FONTS.italic,
          'text-size': 11,
          'symbol-spacing': 400,
        },
        paint: { 'text-color': COLORS.waterLabel, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      {
        id: 'water-labels',
        type: 'symbol',
        metadata: NAME_LABEL,
        source: BASEMAP_SOURCE,
        'source-layer': 'water_labels',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONTS.italic,
          'text-size': ['interpolate', ['linear'], ['get', 'rank'], 0, 14, 6, 10],
          'text-max-width': 8,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: { 'text-color': COLORS.waterLabel, 'text-halo-color': COLORS.ocean, 'text-halo-width': 1 },
      },
      {
        id: 'places',
        type: 'circle',
        source: BASEMAP_SOURCE,
        'source-layer': 'places',
        minzoom: 4,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 1.5, 10, 3.5],
          'circle-color': '#555555',
        },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        metadata: NAME_LABEL,
        source: BASEMAP_SOURCE,
        'source-layer': 'places',
        minzoom: 4,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONTS.regular,
          'text-size': ['interpolate', ['linear'], ['get', 'scalerank'], 0, 13, 10, 10],
          'text-anchor': 'left',
          'text-offset': [0.5, 0],
          'symbol-sort-key': ['-', 0, ['get', 'pop_max']],
        },
        paint: { 'text-color': COLORS.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        metadata: NAME_LABEL,
        source: BASEMAP_SOURCE,
        'source-layer': 'country_labels',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONTS.bold,
          'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 15],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.08,
          'text-max-width': 7,
          'symbol-sort-key': ['-', 0, ['get', 'area_km2']],
        },
        paint: { 'text-color': '#5a4f63', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
      },
    ],
  };
}
