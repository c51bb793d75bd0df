// TileJSON 3.0.0 documents for HazAtlas's vector-tile sets (https://github.com/mapbox/tilejson-spec),
// with tippecanoe's `tilestats` so that GDAL's MVT driver also learns each layer's geometry type.
import type { VectorLayer } from './vector-layers.js';

export type Bounds = [number, number, number, number];

/** Web Mercator's latitude limit: tiles cover nothing beyond it. */
export const WORLD_BOUNDS: Bounds = [-180, -85.0511, 180, 85.0511];

export interface TileSetInfo {
  name: string;
  description: string;
  attribution: string;
  /** The tile URL template, already absolute or root-relative. */
  tiles: string;
  minzoom: number;
  maxzoom: number;
  bounds: Bounds;
  layers: readonly VectorLayer[];
  /** Features per layer, when known (the register); GDAL reads it from tilestats. */
  counts?: Record<string, number>;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

export function tileJson(t: TileSetInfo) {
  const [w, s, e, n] = t.bounds;
  return {
    tilejson: '3.0.0',
    name: t.name,
    description: t.description,
    attribution: t.attribution,
    scheme: 'xyz',
    tiles: [t.tiles],
    minzoom: t.minzoom,
    maxzoom: t.maxzoom,
    bounds: t.bounds.map(round),
    center: [round((w + e) / 2), round((s + n) / 2), Math.max(t.minzoom, Math.min(4, t.maxzoom))],
    vector_layers: t.layers.map((l) => ({
      id: l.id,
      description: l.description,
      minzoom: l.minzoom,
      maxzoom: l.maxzoom,
      fields: l.fields,
    })),
    tilestats: {
      layerCount: t.layers.length,
      layers: t.layers.map((l) => ({
        layer: l.id,
        ...(t.counts?.[l.id] !== undefined ? { count: t.counts[l.id] } : {}),
        ...(l.geometry ? { geometry: l.geometry } : {}),
        attributeCount: Object.keys(l.fields).length,
        attributes: Object.entries(l.fields).map(([attribute, type]) => ({
          attribute,
          type: type.toLowerCase(),
        })),
      })),
    },
  };
}

/** Bounds around points, padded so the outermost stay inside; the world when there are none. */
export function pointBounds(points: readonly { lon: number; lat: number }[], padDeg = 0.1): Bounds {
  if (points.length === 0) return WORLD_BOUNDS;
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const p of points) {
    w = Math.min(w, p.lon);
    s = Math.min(s, p.lat);
    e = Math.max(e, p.lon);
    n = Math.max(n, p.lat);
  }
  return [
    Math.max(-180, w - padDeg),
    Math.max(WORLD_BOUNDS[1], s - padDeg),
    Math.min(180, e + padDeg),
    Math.min(WORLD_BOUNDS[3], n + padDeg),
  ];
}
