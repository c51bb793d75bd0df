// Border and natech screening as the client reads them (GET /api/screening/border and /natech): answer
// types, the parameters' ranges and query strings, and each flag's reasons as translatable parts.
import { SCREENING_LIMITS } from '../../../shared/limits.js';

export type BorderReason =
  | { code: 'river_crosses_border'; kmToFirstBorder: number; message: string }
  | { code: 'river_in_other_country'; country: string; message: string }
  | { code: 'near_land_border'; distanceToBorderKm: number; message: string };

export interface BorderFlag {
  id: string;
  name: string;
  country: string | null;
  river: string | null;
  distanceToBorderKm: number | null;
  kmToFirstBorder: number | null;
  affectedCountries: string[];
  reasons: BorderReason[];
}

export interface BorderScreening {
  withinKm: number;
  borderWithinKm: number;
  screened: number;
  total: number;
  sites: BorderFlag[];
}

export type NatechReason =
  | { code: 'in_flood_zone'; receptorId: string; name: string; message: string }
  | { code: 'near_river'; river: string | null; distanceM: number; message: string };

export interface NatechFlag {
  id: string;
  name: string;
  country: string | null;
  reasons: NatechReason[];
}

export interface NatechScreening {
  riverWithinM: number;
  screened: number;
  total: number;
  sites: NatechFlag[];
}

export type ScreeningParam = keyof typeof SCREENING_LIMITS;

/**
 * A typed-in parameter: `undefined` when left empty (the server's default applies), `null` when it is
 * not a number in the route's range (the form says so and sends nothing).
 */
export function parseScreeningParam(text: string, param: ScreeningParam): number | undefined | null {
  const s = text.trim().replace(',', '.');
  if (s === '') return undefined;
  const n = Number(s);
  const { min, max } = SCREENING_LIMITS[param];
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

export function borderQuery(p: {
  withinKm?: number | undefined;
  borderWithinKm?: number | undefined;
}): string {
  const q = new URLSearchParams();
  if (p.withinKm !== undefined) q.set('withinKm', String(p.withinKm));
  if (p.borderWithinKm !== undefined) q.set('borderWithinKm', String(p.borderWithinKm));
  return q.toString();
}

export function natechQuery(p: { riverWithinM?: number | undefined }): string {
  return p.riverWithinM === undefined
    ? ''
    : new URLSearchParams({ riverWithinM: String(p.riverWithinM) }).toString();
}

/** A reason as an i18n key and its values (the server's English `message` stays as the tooltip). */
export function reasonText(r: BorderReason | NatechReason): {
  key: string;
  values: Record<string, string | number>;
} {
  switch (r.code) {
    case 'river_crosses_border':
      return { key: 'screening.reasons.river_crosses_border', values: { km: r.kmToFirstBorder } };
    case 'river_in_other_country':
      return { key: 'screening.reasons.river_in_other_country', values: { country: r.country } };
    case 'near_land_border':
      return { key: 'screening.reasons.near_land_border', values: { km: r.distanceToBorderKm } };
    case 'in_flood_zone':
      return { key: 'screening.reasons.in_flood_zone', values: { name: r.name } };
    case 'near_river':
      return { key: 'screening.reasons.near_river', values: { m: r.distanceM, river: r.river ?? '' } };
  }
}
