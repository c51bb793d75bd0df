// Planar geometry in a local metric frame (metres): point/segment/ring distances and containment,
// used to measure how far a development or receptor lies from a site's location or footprint.
import type { XY } from './local-projection.js';

/** A shape in the local frame: a point, or polygons as rings (first ring outer, the rest holes). */
export type LocalShape = { type: 'point'; at: XY } | { type: 'polygons'; polygons: XY[][][] };

function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Even-odd test: is `p` inside the ring (boundary points may go either way; their distance is 0 anyway). */
function inRing(p: XY, ring: XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function inPolygon(p: XY, rings: XY[][]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(p, outer)) return false;
  return !holes.some((h) => inRing(p, h));
}

function orient(a: XY, b: XY, c: XY): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function segmentsCross(a: XY, b: XY, c: XY, d: XY): boolean {
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

function* edges(polygons: XY[][][]): Generator<[XY, XY]> {
  for (const rings of polygons)
    for (const ring of rings) for (let i = 1; i < ring.length; i++) yield [ring[i - 1]!, ring[i]!];
}

function pointToShape(p: XY, s: LocalShape): number {
  if (s.type === 'point') return Math.hypot(p[0] - s.at[0], p[1] - s.at[1]);
  if (s.polygons.some((rings) => inPolygon(p, rings))) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (const [a, b] of edges(s.polygons)) best = Math.min(best, segmentDistance(p, a, b));
  return best;
}

/** Shortest distance in metres between two shapes; 0 when they touch, overlap or one contains the other. */
export function shapeDistanceM(a: LocalShape, b: LocalShape): number {
  if (a.type === 'point') return pointToShape(a.at, b);
  if (b.type === 'point') return pointToShape(b.at, a);
  const firstOf = (s: { polygons: XY[][][] }) => s.polygons[0]?.[0]?.[0];
  const fa = firstOf(a);
  const fb = firstOf(b);
  if ((fa && pointToShape(fa, b) === 0) || (fb && pointToShape(fb, a) === 0)) return 0;
  let best = Number.POSITIVE_INFINITY;
  const ea = [...edges(a.polygons)];
  const eb = [...edges(b.polygons)];
  for (const [p, q] of ea) {
    for (const [r, s] of eb) {
      if (segmentsCross(p, q, r, s)) return 0;
      best = Math.min(
        best,
        segmentDistance(p, r, s),
        segmentDistance(q, r, s),
        segmentDistance(r, p, q),
        segmentDistance(s, p, q),
      );
    }
  }
  return best;
}
