// Attributes each reach to countries: runs of one country, or of a shared border stretch where the
// river lies within `borderKm` of a land boundary. Short runs are smoothed later, along a trace.
import { boxAround, cumulativeKm, pointAtKm } from '../geo/geodesy.js';
import type { PolygonLocator } from '../geo/polygon-locator.js';
import type { SegmentIndex } from '../geo/segment-index.js';

export interface CountryRun {
  fromKm: number;
  toKm: number;
  /** ADM0_A3 of the country polygon containing the run (null off the land polygons). */
  country: string | null;
  /** The two countries of a boundary within borderKm, sorted (null when none). */
  border: [string, string] | null;
}

export interface BoundaryLookup {
  index: SegmentIndex;
  /** Per boundary line: the ADM0_A3 codes on its two sides. */
  sides: [string, string][];
}

const NEAR_STEP_KM = 0.2;
const FAR_STEP_KM = 2;

export function countryRuns(
  coords: Float64Array,
  countries: PolygonLocator<string>,
  boundaries: BoundaryLookup,
  borderKm: number,
): CountryRun[] {
  const cum = cumulativeKm(coords);
  const lengthKm = cum[cum.length - 1] ?? 0;
  const nearBorder = boxNearBoundary(coords, boundaries.index, borderKm);
  const step = nearBorder ? NEAR_STEP_KM : FAR_STEP_KM;
  const samples = Math.max(1, Math.ceil(lengthKm / step));
  const runs: CountryRun[] = [];
  for (let s = 0; s < samples; s++) {
    const fromKm = (s * lengthKm) / samples;
    const toKm = ((s + 1) * lengthKm) / samples;
    const [lon, lat] = pointAtKm(coords, cum, (fromKm + toKm) / 2);
    const country = countries.locate(lon, lat);
    let border: [string, string] | null = null;
    if (nearBorder) border = borderPair(boundaries, lon, lat, borderKm);
    const last = runs[runs.length - 1];
    if (last && last.country === country && sameBorder(last.border, border)) last.toKm = toKm;
    else runs.push({ fromKm, toKm, country, border });
  }
  return runs;
}

/**
 * The country pair of the boundaries within `km`, or null. Near a tripoint two pairs are in reach;
 * such a point belongs to no single border stretch, else every tripoint would add a fake stretch.
 */
function borderPair(
  boundaries: BoundaryLookup,
  lon: number,
  lat: number,
  km: number,
): [string, string] | null {
  let pair: [string, string] | null = null;
  for (const hit of boundaries.index.within(lon, lat, km)) {
    const sides = boundaries.sides[hit.line];
    if (!sides) continue;
    const p: [string, string] = sides[0] < sides[1] ? [sides[0], sides[1]] : [sides[1], sides[0]];
    if (pair && !sameBorder(pair, p)) return null;
    pair = p;
  }
  return pair;
}

export function sameBorder(a: [string, string] | null, b: [string, string] | null): boolean {
  return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);
}

/** Is the polyline's box, grown by `km`, touched by any boundary segment's box? */
function boxNearBoundary(coords: Float64Array, index: SegmentIndex, km: number): boolean {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < coords.length; i += 2) {
    minX = Math.min(minX, coords[i]!);
    maxX = Math.max(maxX, coords[i]!);
    minY = Math.min(minY, coords[i + 1]!);
    maxY = Math.max(maxY, coords[i + 1]!);
  }
  const [a, b] = boxAround(minX, minY, km);
  const [, , c, d] = boxAround(maxX, maxY, km);
  return index.intersectsBox(a, b, c, d);
}
