// Zone polygons in true metres: a site's point or footprint is projected to its own azimuthal
// equidistant frame, buffered there (a circle, or turf's JSTS buffer of the footprint) and projected back.
import jsts from '@turf/jsts';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { type LocalProjection, localProjection, type XY } from './local-projection.js';
import type { LocalShape } from './planar.js';

/** Vertices per full circle: the chord midpoints then lie within 0.12 % of the radius. */
export const CIRCLE_STEPS = 64;

/** A site as the planning core sees it: its location and, when drawn, its footprint. */
export interface SiteShape {
  lon: number;
  lat: number;
  footprint: Polygon | MultiPolygon | null;
}

/** The site's own projection (centred on its location). */
export const siteProjection = (site: SiteShape): LocalProjection => localProjection(site.lon, site.lat);

/** A Point, Polygon or MultiPolygon in the local frame. */
export function toLocalShape(g: Geometry, proj: LocalProjection): LocalShape {
  const ring = (r: Position[]): XY[] => r.map((p) => proj.toLocal(p[0]!, p[1]!));
  switch (g.type) {
    case 'Point':
      return { type: 'point', at: proj.toLocal(g.coordinates[0]!, g.coordinates[1]!) };
    case 'Polygon':
      return { type: 'polygons', polygons: [g.coordinates.map(ring)] };
    case 'MultiPolygon':
      return { type: 'polygons', polygons: g.coordinates.map((p) => p.map(ring)) };
    default:
      throw new Error(`Planning geometry must be a Point, Polygon or MultiPolygon, not ${g.type}`);
  }
}

export function siteLocalShape(site: SiteShape, proj: LocalProjection = siteProjection(site)): LocalShape {
  return site.footprint
    ? toLocalShape(site.footprint, proj)
    : { type: 'point', at: proj.toLocal(site.lon, site.lat) };
}

function circle(c: XY, radiusM: number, steps = CIRCLE_STEPS): XY[] {
  const out: XY[] = [];
  for (let i = 0; i < steps; i++) {
    const a = (2 * Math.PI * i) / steps;
    out.push([c[0] + radiusM * Math.sin(a), c[1] + radiusM * Math.cos(a)]);
  }
  out.push(out[0]!);
  return out;
}

/** Buffer of the site's shape by `radiusM`, as a WGS84 Polygon or MultiPolygon. */
export function bufferSite(site: SiteShape, radiusM: number): Polygon | MultiPolygon {
  const proj = siteProjection(site);
  const shape = siteLocalShape(site, proj);
  const back = (rings: Position[][]): Position[][] =>
    rings.map((r) => r.map(([x, y]) => proj.toWgs84(x!, y!)));
  if (shape.type === 'point') return { type: 'Polygon', coordinates: back([circle(shape.at, radiusM)]) };
  // A footprint is buffered by turf's JSTS engine (as turf.buffer does) but in the site's own proj4
  // frame, so the distance is in true metres. Holes are filled: zones are measured from the outside.
  const outers: MultiPolygon = {
    type: 'MultiPolygon',
    coordinates: shape.polygons.map((rings) => [rings[0] ?? []]),
  };
  const { BufferOp, GeoJSONReader, GeoJSONWriter } = jsts;
  const g = new GeoJSONWriter().write(
    BufferOp.bufferOp(new GeoJSONReader().read(outers), radiusM, CIRCLE_STEPS / 4),
  );
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: back(g.coordinates) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map(back) };
  throw new Error(`buffer of a footprint gave ${g.type}`);
}
