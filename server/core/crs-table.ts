// The reviewed CRS table (data/crs.json, generated from PROJ's EPSG database) and the choice of datum
// shift for a point, made as PROJ's proj_trans does: the most accurate transformation whose area contains it.
import table from '../../data/crs.json' with { type: 'json' };

export interface TableCrs {
  code: number;
  name: string;
  country: string;
  geographic: boolean;
  /** EPSG code of the geographic CRS the datum shifts start from. */
  datum: number;
  /** Definition without a datum shift. */
  proj4: string;
}

export interface DatumShift {
  epsg: number;
  name: string;
  method: string;
  accuracyM: number | null;
  area: string;
  /** [west, south, east, north] in degrees; west > east crosses the antimeridian. */
  bbox: number[];
  /** Position-vector parameters as proj4's +towgs84 expects them. */
  towgs84: number[];
}

const byCode = new Map<number, TableCrs>(table.crs.map((c) => [c.code, c]));
const shifts = table.transformations as Record<string, DatumShift[]>;
const coordinateFrame = new Set(table.coordinateFrameTowgs84);

export function tableCrs(code: number): TableCrs | undefined {
  return byCode.get(code);
}

export function tableCrsList(): TableCrs[] {
  return [...byCode.values()];
}

export const CRS_TABLE_SOURCE: string = table.source;

function contains(bbox: number[], lon: number, lat: number): boolean {
  const [w = 0, s = 0, e = 0, n = 0] = bbox;
  if (lat < s || lat > n) return false;
  return w <= e ? lon >= w && lon <= e : lon >= w || lon <= e;
}

function pseudoArea(bbox: number[]): number {
  const [w = 0, s = 0, e = 0, n = 0] = bbox;
  return ((w <= e ? e - w : 360 - w + e) * (n - s)) | 0;
}

/**
 * The datum shift PROJ would apply at (lon, lat) on `datum`: among the shifts whose area contains the
 * point, the most accurate (unknown accuracy counts as worst); between equally accurate ones the
 * larger area, which comes first in PROJ 9.1's candidate order and wins its ties (Zagreb and Podgorica
 * on MGI 1901 get Croatia's shift, not Slovenia's or Serbia's, in cs2cs 9.1.1). Offshore areas only
 * when nothing else fits. `undefined` means none applies (PROJ's ballpark: no shift).
 */
export function chooseShift(datum: number, lon: number, lat: number): DatumShift | undefined {
  let best: DatumShift | undefined;
  for (const s of shifts[String(datum)] ?? []) {
    if (!contains(s.bbox, lon, lat)) continue;
    if (!best) {
      best = s;
      continue;
    }
    const offshore = /offshore$/i.test(s.area) && !/onshore/i.test(s.area);
    if (offshore) continue;
    const a = s.accuracyM ?? Number.POSITIVE_INFINITY;
    const b = best.accuracyM ?? Number.POSITIVE_INFINITY;
    if (a < b || (a === b && pseudoArea(s.bbox) > pseudoArea(best.bbox))) best = s;
  }
  return best;
}

/**
 * epsg-index gives coordinate-frame rotations with the position-vector sign; flips them for the
 * parameter sets proj.db lists as coordinate frame (data/crs.json `coordinateFrameTowgs84`).
 */
export function fixTowgs84Convention(proj4: string): string {
  return proj4.replace(/\+towgs84=(\S+)/, (whole, params: string) => {
    if (!coordinateFrame.has(params)) return whole;
    const p = params.split(',').map(Number);
    const flipped = p.map((v, i) => (i >= 3 && i <= 5 && v !== 0 ? -v : v));
    return `+towgs84=${flipped.join(',')}`;
  });
}
