// Coordinate reference systems: converts projected/geographic coordinates given as "EPSG:nnnn" to WGS84
// lon/lat with proj4, using the EPSG definitions shipped in epsg-index (one small file per code).
import { createRequire } from 'node:module';
import proj4, { type Converter } from 'proj4';

const require = createRequire(import.meta.url);

/** Kinds of EPSG entries that describe a 2D horizontal CRS proj4 can transform. */
const HORIZONTAL_KINDS = new Set(['CRS-PROJCRS', 'CRS-GEOGCRS']);

interface EpsgEntry {
  code: string;
  kind: string;
  name: string;
  proj4?: string;
}

export type CrsLookup =
  | { ok: true; code: number; name: string; proj4: string; geographic: boolean }
  | { ok: false; reason: string };

const cache = new Map<number, CrsLookup>();
const converters = new Map<number, Converter>();

/** Parses "EPSG:3844", "epsg:3844", "3844" or "urn:ogc:def:crs:EPSG::3844" into the numeric code. */
export function parseEpsgCode(crs: string): number | null {
  const m = /^\s*(?:urn:ogc:def:crs:)?(?:epsg:{1,2})?(\d{4,6})\s*$/i.exec(crs);
  if (m?.[1]) return Number(m[1]);
  if (/^\s*(?:urn:ogc:def:crs:OGC:1\.3:)?CRS84\s*$/i.test(crs)) return 4326;
  return null;
}

export function lookupCrs(crs: string): CrsLookup {
  const code = parseEpsgCode(crs);
  if (code === null) return { ok: false, reason: `"${crs}" is not an EPSG code (expected EPSG:nnnn).` };
  const hit = cache.get(code);
  if (hit) return hit;
  const result = loadEntry(code);
  cache.set(code, result);
  return result;
}

function loadEntry(code: number): CrsLookup {
  let entry: EpsgEntry;
  try {
    // The code is digits only (parseEpsgCode), so the path cannot escape the package.
    entry = require(`epsg-index/s/${code}.json`) as EpsgEntry;
  } catch {
    return { ok: false, reason: `EPSG:${code} is not a known EPSG code.` };
  }
  if (!HORIZONTAL_KINDS.has(entry.kind) || !entry.proj4) {
    return { ok: false, reason: `EPSG:${code} (${entry.name}) is not a supported horizontal CRS.` };
  }
  return { ok: true, code, name: entry.name, proj4: entry.proj4, geographic: entry.kind === 'CRS-GEOGCRS' };
}

export function isKnownCrs(crs: string): boolean {
  return lookupCrs(crs).ok;
}

/**
 * Converts (x, y) in `crs` to WGS84 [lon, lat]. For geographic CRSs x is longitude and y latitude
 * (GIS axis order, as in CSV x/y columns), whatever the EPSG axis order says.
 */
export function toWgs84(crs: string, x: number, y: number): [lonDeg: number, latDeg: number] {
  const found = lookupCrs(crs);
  if (!found.ok) throw new CrsError(found.reason);
  if (found.code === 4326) return [x, y];
  let conv = converters.get(found.code);
  if (!conv) {
    conv = proj4(found.proj4, 'WGS84');
    converters.set(found.code, conv);
  }
  const out = conv.forward([x, y]);
  const lon = out[0];
  const lat = out[1];
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    throw new CrsError(`(${x}, ${y}) cannot be converted from EPSG:${found.code} to WGS84.`);
  }
  return [lon, lat];
}

export class CrsError extends Error {}
