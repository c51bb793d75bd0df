// How much path geometry a trace answer carries: all of it (default), a simplified line for maps,
// or none (properties only) for clients that need the figures.
import type { FeatureCollection, LineString } from 'geojson';
import { simplifyLine } from '../geo/simplify.js';
import type { PathProps } from './trace.js';

export const GEOMETRY_MODES = ['full', 'simplified', 'none'] as const;
export type GeometryMode = (typeof GEOMETRY_MODES)[number];

/**
 * Distance the simplified line may depart from the full one: 1/4000 of the path (0.5 km on a 2,000 km
 * trace, under a pixel at the zoom that shows it whole), at least 50 m, at most 2 km.
 */
export function simplifyToleranceKm(pathKm: number): number {
  return Math.min(2, Math.max(0.05, pathKm / 4000));
}

export type PathCollection = FeatureCollection<LineString | null, PathProps>;

export function pathWithGeometry(
  path: FeatureCollection<LineString, PathProps>,
  mode: GeometryMode,
): PathCollection {
  if (mode === 'full') return path;
  const toleranceKm = simplifyToleranceKm(path.features.reduce((km, f) => km + f.properties.lengthKm, 0));
  return {
    type: 'FeatureCollection',
    features: path.features.map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry:
        mode === 'none'
          ? null
          : { type: 'LineString', coordinates: simplifyLine(f.geometry.coordinates, toleranceKm) },
    })),
  };
}
