// Zone polygons in true metres: a site's point or footprint is projected to its own azimuthal
// equidistant frame, buffered there (circle, or union of edge capsules via turf), and projected back.
import { featureCollection, polygon as turfPolygon, union } from '@turf/turf';
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

/** The segment a→b widened by r on both sides, with round caps (a stadium). */
function capsule(a: XY, b: XY, r: number): XY[] {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (len === 0) return circle(a, r);
  const ang = Math.atan2(b[0] - a[0], b[1] - a[1]); // bearing of a→b (clockwise from north)
  const half = CIRCLE_STEPS / 2;
  const arc = (c: XY, from: number): XY[] =>
    Array.from({ length: half + 1 }, (_, i) => {
      const t = from + (Math.PI * i) / half;
      return [c[0] + r * Math.sin(t), c[1] + r * Math.cos(t)] as XY;
    });
  const ring = [...arc(b, ang - Math.PI / 2), ...arc(a, ang + Math.PI / 2)];
  ring.push(ring[0]!);
  return ring;
}

/** Buffer of the site's shape by `radiusM`, as a WGS84 Polygon or MultiPolygon. */
export function bufferSite(site: SiteShape, radiusM: number): Polygon | MultiPolygon {
  const proj = siteProjection(site);
  const shape = siteLocalShape(site, proj);
  const back = (rings: XY[][]): Position[][] => rings.map((r) => r.map(([x, y]) => proj.toWgs84(x, y)));
  if (shape.type === 'point') return { type: 'Polygon', coordinates: back([circle(shape.at, radiusM)]) };
  // Minkowski sum of the footprint's outer rings and a disc: the rings themselves plus a capsule per edge.
  // Holes are filled: a zone is measured from the footprint's outside.
  const parts = shape.polygons.flatMap((rings) => {
    const outer = rings[0] ?? [];
    const caps = outer.slice(1).map((b, i) => turfPolygon([capsule(outer[i]!, b, radiusM)]));
    return [turfPolygon([outer]), ...caps];
  });
  const merged = union(featureCollection(parts));
  if (!merged) throw new Error('buffer of an empty footprint');
  const g = merged.geometry;
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: back(g.coordinates as XY[][]) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => back(p as XY[][])) };
}
