// Turns line features with HydroRIVERS attributes into the core's reach records, and reads an
// optional names file (HYRIV_ID → name) for rivers the source leaves unnamed.
import fs from 'node:fs';
import type { HydroReachRecord } from '../../server/core/network/hydrorivers.js';
import { FormatError, type LineFeature, readLineFeatures } from './formats.js';

/** The HydroRIVERS attribute table (v1.0); the build needs the first two, uses four more. */
export const HYDRORIVERS_FIELDS = [
  'HYRIV_ID',
  'NEXT_DOWN',
  'MAIN_RIV',
  'LENGTH_KM',
  'DIST_DN_KM',
  'DIST_UP_KM',
  'CATCH_SKM',
  'UPLAND_SKM',
  'ENDORHEIC',
  'DIS_AV_CMS',
  'ORD_STRA',
  'ORD_CLAS',
  'ORD_FLOW',
  'HYBAS_L12',
] as const;

const REQUIRED = ['HYRIV_ID', 'NEXT_DOWN'] as const;
/** Optional name attributes a user may have joined onto the reaches. */
const NAME_FIELDS = ['RIV_NAME', 'NAME', 'RIVER'];

const numOrNull = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : null;
};

export function hydroRecords(features: readonly LineFeature[], file: string): HydroReachRecord[] {
  const first = features[0];
  if (!first) throw new FormatError(`${file}: no features.`);
  const missing = REQUIRED.filter((k) => !(k in first.props));
  if (missing.length > 0)
    throw new FormatError(
      `${file}: missing HydroRIVERS attribute ${missing.join(', ')} (found ${Object.keys(first.props).join(', ')}).`,
    );
  return features.map((f, i) => {
    const id = numOrNull(f.props.HYRIV_ID);
    const nextDown = numOrNull(f.props.NEXT_DOWN);
    if (id === null || !Number.isInteger(id) || id <= 0)
      throw new FormatError(`${file}: feature ${i + 1} has no positive integer HYRIV_ID.`);
    if (nextDown === null || !Number.isInteger(nextDown) || nextDown < 0)
      throw new FormatError(`${file}: reach ${id} has no integer NEXT_DOWN (0 where it ends).`);
    const dis = numOrNull(f.props.DIS_AV_CMS);
    const nameKey = NAME_FIELDS.find((k) => typeof f.props[k] === 'string' && (f.props[k] as string).trim());
    return {
      id,
      nextDown,
      endorheic: numOrNull(f.props.ENDORHEIC) === 1,
      dischargeM3s: dis !== null && dis >= 0 ? dis : null,
      ordFlow: numOrNull(f.props.ORD_FLOW),
      coords: f.coords,
      name: nameKey ? (f.props[nameKey] as string).trim() : null,
    };
  });
}

export function readHydroRivers(file: string): HydroReachRecord[] {
  return hydroRecords(readLineFeatures(file), file);
}

/** A names file: CSV `HYRIV_ID,name` (header row) or JSON `{ "<HYRIV_ID>": "name" }`. */
export function readNames(file: string): Map<number, string> {
  const text = fs.readFileSync(file, 'utf8');
  const out = new Map<number, string>();
  if (/\.json$/i.test(file)) {
    for (const [k, v] of Object.entries(JSON.parse(text) as Record<string, unknown>))
      if (typeof v === 'string' && Number.isInteger(Number(k))) out.set(Number(k), v);
    return out;
  }
  text
    .split(/\r?\n/)
    .slice(1)
    .forEach((line, i) => {
      if (!line.trim()) return;
      const comma = line.indexOf(',');
      const id = Number(line.slice(0, comma));
      const name = line
        .slice(comma + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (comma < 0 || !Number.isInteger(id) || !name)
        throw new FormatError(`${file}: line ${i + 2} is not "HYRIV_ID,name".`);
      out.set(id, name);
    });
  return out;
}
