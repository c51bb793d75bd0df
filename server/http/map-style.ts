// The MapLibre style for the offline basemap: every source and glyph URL points back at this server.
import { TILE_MAX_ZOOM } from '../storage/tile-source.js';
import {
  DETAIL_MIN_ZOOM,
  DETAIL_SOURCE,
  type DetailSchema,
  detailLayers,
  NAME_LABEL,
  rasterDetailLayer,
} from './detail-style.js';
import { FONT_BOLD, FONT_ITALIC, FONT_REGULAR } from './map-fonts.js';

type Json = Record<string, unknown>;

export { FONT_BOLD, FONT_ITALIC, FONT_REGULAR };

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

/** The Natural Earth style, with the detailed archive's source and layers when one is configured. */
export function buildStyle(origin: string, detail: DetailStyle | null = null): Json {
  const style = naturalEarthStyle(origin);
  if (!detail) return style;
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

function naturalEarthStyle(origin: string): Json {
  const river = (c: (typeof RIVER_CLASSES)[number]): Json => ({
    id: c.id,
    type: 'line',
    source: 'basemap',
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
      basemap: {
        type: 'vector',
        tiles: [`${origin}/api/tiles/{z}/{x}/{y}.pbf`],
        minzoom: 0,
        maxzoom: TILE_MAX_ZOOM,
        attribution: 'Natural Earth',
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.ocean } },
      {
        id: 'countries-fill',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'countries',
        paint: { 'fill-color': COLORS.land, 'fill-antialias': false },
      },
      {
        id: 'lakes',
        type: 'fill',
        source: 'basemap',
        'source-layer': 'lakes',
        paint: { 'fill-color': COLORS.ocean },
      },
      ...RIVER_CLASSES.map(river),
      {
        id: 'boundaries',
        type: 'line',
        source: 'basemap',
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
        source: 'basemap',
        'source-layer': 'rivers',
        minzoom: 5,
        filter: ['all', ['==', ['get', 'featurecla'], 'River'], ['has', 'name']],
        layout: {
          'symbol-placement': 'line',
          'text-field': ['get', 'name'],
          'text-font': FONT_ITALIC,
          'text-size': 11,
          'symbol-spacing': 400,
        },
        paint: { 'text-color': COLORS.waterLabel, 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
      {
        id: 'water-labels',
        type: 'symbol',
        metadata: NAME_LABEL,
        source: 'basemap',
        'source-layer': 'water_labels',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_ITALIC,
          'text-size': ['interpolate', ['linear'], ['get', 'rank'], 0, 14, 6, 10],
          'text-max-width': 8,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: { 'text-color': COLORS.waterLabel, 'text-halo-color': COLORS.ocean, 'text-halo-width': 1 },
      },
      {
        id: 'places',
        type: 'circle',
        source: 'basemap',
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
        source: 'basemap',
        'source-layer': 'places',
        minzoom: 4,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_REGULAR,
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
        source: 'basemap',
        'source-layer': 'country_labels',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': FONT_BOLD,
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
