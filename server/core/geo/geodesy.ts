// Distances on the sphere and a local equirectangular frame for short-range point/segment math.
export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
export const KM_PER_DEG_LAT = EARTH_RADIUS_KM * RAD;

export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Km per degree of longitude at a latitude; floored so polar queries stay finite. */
export function kmPerDegLon(lat: number): number {
  return Math.max(0.01, Math.cos(lat * RAD)) * KM_PER_DEG_LAT;
}

/** Degree box around a point that contains every point within `km` of it. */
export function boxAround(lon: number, lat: number, km: number): [number, number, number, number] {
  const dLat = km / KM_PER_DEG_LAT;
  const dLon = km / kmPerDegLon(Math.min(89, Math.abs(lat) + dLat));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

/**
 * The box `[w, s, e, n]` grown by `km` on every side. All four corners are grown: a degree of longitude
 * is shortest on the poleward edge, so growing only the SW and NE corners leaves the west (north of the
 * equator) or east (south of it) edge short there.
 */
export function growBox(
  [w, s, e, n]: [number, number, number, number],
  km: number,
): [number, number, number, number] {
  const corners = [boxAround(w, s, km), boxAround(e, n, km), boxAround(w, n, km), boxAround(e, s, km)];
  return [
    Math.max(-180, Math.min(...corners.map((c) => c[0]))),
    Math.max(-90, Math.min(...corners.map((c) => c[1]))),
    Math.min(180, Math.max(...corners.map((c) => c[2]))),
    Math.min(90, Math.max(...corners.map((c) => c[3]))),
  ];
}

export interface SegmentProjection {
  /** Position along the segment, 0..1. */
  t: number;
  lon: number;
  lat: number;
  distanceKm: number;
}

/** Closest point of segment a→b to p, in a local frame centred on p (accurate to well under 1% below ~50 km). */
export function projectOnSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): SegmentProjection {
  const kx = kmPerDegLon(py);
  const x1 = (ax - px) * kx;
  const y1 = (ay - py) * KM_PER_DEG_LAT;
  const x2 = (bx - px) * kx;
  const y2 = (by - py) * KM_PER_DEG_LAT;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? -(x1 * dx + y1 * dy) / len2 : 0;
  t = Math.min(1, Math.max(0, t));
  const cx = x1 + t * dx;
  const cy = y1 + t * dy;
  return { t, lon: ax + t * (bx - ax), lat: ay + t * (by - ay), distanceKm: Math.sqrt(cx * cx + cy * cy) };
}

/** Cumulative km at each vertex of an interleaved lon,lat polyline. */
export function cumulativeKm(coords: ArrayLike<number>): Float64Array {
  const n = coords.length / 2;
  const out = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    out[i] =
      out[i - 1]! + haversineKm(coords[2 * i - 2]!, coords[2 * i - 1]!, coords[2 * i]!, coords[2 * i + 1]!);
  }
  return out;
}

/** Point at `km` along a polyline with precomputed cumulative km. */
export function pointAtKm(coords: ArrayLike<number>, cum: ArrayLike<number>, km: number): [number, number] {
  const n = cum.length;
  if (km <= 0 || n < 2) return [coords[0]!, coords[1]!];
  if (km >= cum[n - 1]!) return [coords[2 * n - 2]!, coords[2 * n - 1]!];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! <= km) lo = mid;
    else hi = mid;
  }
  const span = cum[hi]! - cum[lo]!;
  const f = span > 0 ? (km - cum[lo]!) / span : 0;
  return [
    coords[2 * lo]! + f * (coords[2 * hi]! - coords[2 * lo]!),
    coords[2 * lo + 1]! + f * (coords[2 * hi + 1]! - coords[2 * lo + 1]!),
  ];
}

/** Part of a polyline between two km marks, as [lon,lat] positions. */
export function sliceByKm(
  coords: ArrayLike<number>,
  cum: ArrayLike<number>,
  fromKm: number,
  toKm: number,
): [number, number][] {
  const out: [number, number][] = [pointAtKm(coords, cum, fromKm)];
  for (let i = 0; i < cum.length; i++) {
    if (cum[i]! > fromKm && cum[i]! < toKm) out.push([coords[2 * i]!, coords[2 * i + 1]!]);
  }
  out.push(pointAtKm(coords, cum, toKm));
  return out;
}
