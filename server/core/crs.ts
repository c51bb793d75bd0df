// Coordinate reference systems: converts coordinates given as "EPSG:nnnn" to and from WGS84 lon/lat with
// proj4: the reviewed table (data/crs.json, PROJ's own definitions and datum shifts) first, else epsg-index.
import { createRequire } from 'node:module';
import proj4, { type Converter } from 'proj4';
import { chooseShift, type DatumShift, fixTowgs84Convention, tableCrs } from './crs-table.js';

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
  | {
      ok: true;
      code: number;
      name: string;
      /** For table entries the definition without datum shift; `datum` says where shifts come from. */
      proj4: string;
      geographic: boolean;
      /** Set for reviewed table entries: the EPSG geographic CRS whose shifts to WGS84 apply per point. */
      datum?: number;
    }
  | { ok: false; reason: string };

const cache = new Map<number, CrsLookup>();
const converters = new Map<string, Converter>();

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
  const reviewed = tableCrs(code);
  if (reviewed) {
    const { name, proj4: def, geographic, datum } = reviewed;
    return { ok: true, code, name, proj4: def, geographic, datum };
  }
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
  const def = fixTowgs84Convention(entry.proj4);
  return { ok: true, code, name: entry.name, proj4: def, geographic: entry.kind === 'CRS-GEOGCRS' };
}

export function isKnownCrs(crs: string): boolean {
  return lookupCrs(crs).ok;
}

function converter(def: string, shift: DatumShift | undefined): Converter {
  const key = shift ? `${def} #${shift.epsg}` : def;
  let conv = converters.get(key);
  if (!conv) {
    conv = proj4(shift ? `${def} +towgs84=${shift.towgs84.join(',')}` : def, 'WGS84');
    converters.set(key, conv);
  }
  return conv;
}

function finite(p: number[]): [number, number] | null {
  const [a, b] = p;
  return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : null;
}

/**
 * Converts (x, y) in `crs` to WGS84 [lon, lat]. For geographic CRSs x is longitude and y latitude
 * (GIS axis order, as in CSV x/y columns), whatever the EPSG axis order says.
 */
export function toWgs84(crs: string, x: number, y: number): [lon: number, lat: number] {
  const found = lookupCrs(crs);
  if (!found.ok) throw new CrsError(found.reason);
  if (found.code === 4326) return [x, y];
  const fail = () => new CrsError(`(${x}, ${y}) cannot be converted from EPSG:${found.code} to WGS84.`);
  const plain = finite(converter(found.proj4, undefined).forward([x, y]));
  if (!plain) throw fail();
  if (found.datum === undefined) return plain;
  // The unshifted position is within ~1 km of the true one: close enough to pick the shift's area.
  const shift = chooseShift(found.datum, plain[0], plain[1]);
  if (!shift) return plain;
  const out = finite(converter(found.proj4, shift).forward([x, y]));
  if (!out) throw fail();
  return out;
}

/** Converts WGS84 (lon, lat) to `crs` (x east/lon, y north/lat), the inverse of toWgs84. */
export function fromWgs84(crs: string, lon: number, lat: number): [x: number, y: number] {
  const found = lookupCrs(crs);
  if (!found.ok) throw new CrsError(found.reason);
  if (found.code === 4326) return [lon, lat];
  const shift = found.datum === undefined ? undefined : chooseShift(found.datum, lon, lat);
  const out = finite(converter(found.proj4, shift).inverse([lon, lat]));
  if (!out) throw new CrsError(`(${lon}, ${lat}) cannot be converted from WGS84 to EPSG:${found.code}.`);
  return out;
}

export class CrsError extends Error {}
