// Building blocks of the use cases' request schemas. One schema serves the HTTP route and the CLI
// command; only the field labels and the wording of number errors differ (`maxKm must be between …` in
// an API answer, `--max-km must be a number between …` on the command line), so each adapter picks its
// dialect and the rules (fields, ranges, whole numbers, strictness) are written once.
import { z } from 'zod';
import { lookupCrs, toWgs84 } from '../core/crs.js';
import { parseDecimal } from '../core/decimal.js';
import { RELEASE_LIMITS } from '../core/transport/release.js';

export type Dialect = 'query' | 'cli';

/** A field's label in a dialect: the query parameter's name, or the CLI flag (`--max-km`). */
export function label(dialect: Dialect, field: string, flag?: string): string {
  if (dialect === 'query') return field;
  return flag ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** A finite decimal number given as text: plain decimal notation only (no "0x10", "1e999", "Infinity",
 * " 16"); a decimal comma is refused with a hint. */
export const decimal = (dialect: Dialect, name: string, min: number, max: number) =>
  dialect === 'query'
    ? z
        .string({ error: `${name} is required` })
        .transform((text, ctx) => {
          const parsed = parseDecimal(text);
          if (parsed.ok) return parsed.value;
          ctx.addIssue({
            code: 'custom',
            message: `${name} must be a number: ${parsed.reason} (got "${text}")`,
          });
          return z.NEVER;
        })
        .pipe(
          z
            .number()
            .min(min, { error: `${name} must be between ${min} and ${max}` })
            .max(max, { error: `${name} must be between ${min} and ${max}` }),
        )
    : z.string({ error: `${name} is required.` }).transform((text, ctx) => {
        const parsed = parseDecimal(text);
        const range = `${name} must be a number between ${min} and ${max}`;
        if (!parsed.ok)
          ctx.addIssue({ code: 'custom', message: `${range}: ${parsed.reason} (got "${text}").` });
        else if (parsed.value < min || parsed.value > max)
          ctx.addIssue({ code: 'custom', message: `${range} (got "${text}").` });
        else return parsed.value;
        return z.NEVER;
      });

/** The start point: lon/lat in WGS84 degrees, or x/y in the CRS given (`crs`). */
export const pointShape = (d: Dialect) => ({
  lon: decimal(d, 'lon', -180, 180).optional(),
  lat: decimal(d, 'lat', -90, 90).optional(),
  crs: z.string().max(64).optional(),
  x: decimal(d, 'x', -1e9, 1e9).optional(),
  y: decimal(d, 'y', -1e9, 1e9).optional(),
});

/** A release (the trace's and the reports' parameters): ranges here, combinations in the core's resolveRelease. */
export const releaseShape = (d: Dialect) => {
  const L = RELEASE_LIMITS;
  return {
    releaseKg: decimal(d, label(d, 'releaseKg'), ...L.releaseKg).optional(),
    releaseVolumeM3: decimal(d, label(d, 'releaseVolumeM3'), ...L.releaseVolumeM3).optional(),
    releaseConcentrationMgL: decimal(
      d,
      label(d, 'releaseConcentrationMgL'),
      ...L.releaseConcentrationMgL,
    ).optional(),
    substance: z
      .string()
      .trim()
      .min(1, { error: `${label(d, 'substance')} must not be empty` })
      .max(120)
      .optional(),
    decayPerDay: decimal(d, label(d, 'decayPerDay'), ...L.decayPerDay).optional(),
    dischargeFactor: decimal(d, label(d, 'dischargeFactor'), ...L.dischargeFactor).optional(),
    limitMgL: decimal(d, label(d, 'limitMgL'), ...L.limitMgL).optional(),
  };
};

export interface PointFields {
  lon?: number | undefined;
  lat?: number | undefined;
  crs?: string | undefined;
  x?: number | undefined;
  y?: number | undefined;
}

export type Refusal = { ok: false; code: string; message: string };

/** The start point in WGS84 from lon/lat, or from x/y in the given CRS; `missing` says how to give one. */
export function startPoint(
  q: PointFields,
  missing = 'Give the start point as lon and lat (WGS84 degrees), crs with x and y, or the siteId of a registered site.',
): { ok: true; lon: number; lat: number } | Refusal {
  if (q.crs !== undefined && !/^(EPSG:)?4326$/i.test(q.crs.trim())) {
    const crs = lookupCrs(q.crs);
    if (!crs.ok)
      return {
        ok: false,
        code: 'UNKNOWN_CRS',
        message: `${crs.reason} Use a code such as EPSG:4326, EPSG:3844 or EPSG:32642.`,
      };
    if (q.x === undefined || q.y === undefined)
      return {
        ok: false,
        code: 'INVALID_QUERY',
        message: `With crs=${q.crs} give the point as x and y in that CRS.`,
      };
    const [lon, lat] = toWgs84(q.crs, q.x, q.y);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
      return {
        ok: false,
        code: 'INVALID_COORDINATES',
        message: `x=${q.x}, y=${q.y} is outside the area of ${q.crs}.`,
      };
    return { ok: true, lon, lat };
  }
  const lon = q.lon ?? q.x;
  const lat = q.lat ?? q.y;
  if (lon === undefined || lat === undefined) return { ok: false, code: 'INVALID_QUERY', message: missing };
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return { ok: false, code: 'INVALID_COORDINATES', message: 'lon must be within ±180 and lat within ±90.' };
  return { ok: true, lon, lat };
}

/** The first problem of a failed parse, as the CLI prints it. */
export const firstIssue = (err: z.ZodError): string => err.issues[0]?.message ?? 'Invalid arguments.';
