// Coordinate handling shared by the import parsers: CRS conversion and WGS84 range checks.
import { lookupCrs, toWgs84 } from '../../crs.js';

export type CoordResult =
  | { ok: true; lon: number; lat: number }
  | { ok: false; field: string; message: string };

export type CrsCheck = { ok: true; crs: string } | { ok: false; message: string };

export function checkCrs(crs: string | undefined): CrsCheck {
  if (crs === undefined) return { ok: true, crs: 'EPSG:4326' };
  const found = lookupCrs(crs);
  return found.ok ? { ok: true, crs: `EPSG:${found.code}` } : { ok: false, message: found.reason };
}

/** Converts (x, y) from `crs` and checks the result is a valid WGS84 position. */
export function convertPoint(
  crs: string,
  x: number,
  y: number,
  fields: [string, string] = ['x', 'y'],
): CoordResult {
  if (!Number.isFinite(x)) return { ok: false, field: fields[0], message: 'must be a number' };
  if (!Number.isFinite(y)) return { ok: false, field: fields[1], message: 'must be a number' };
  let lon: number;
  let lat: number;
  try {
    [lon, lat] = toWgs84(crs, x, y);
  } catch (err) {
    return { ok: false, field: fields[0], message: err instanceof Error ? err.message : String(err) };
  }
  if (lon < -180 || lon > 180)
    return { ok: false, field: fields[0], message: `longitude ${lon} is outside -180..180` };
  if (lat < -90 || lat > 90)
    return { ok: false, field: fields[1], message: `latitude ${lat} is outside -90..90` };
  return { ok: true, lon, lat };
}
