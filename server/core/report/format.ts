// Number and time formatting shared by the report and notification renderers (English, fixed
// precision, "—" for unknown values).
import type { CaseValue } from '../transport/plume.js';

export const DASH = '—';

export function num(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  return x.toLocaleString('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** Concentrations span many orders of magnitude: 3 significant digits. */
export function mgL(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
  if (x === 0) return '0';
  if (x < 0.001) return x.toExponential(2);
  return Number(x.toPrecision(3)).toLocaleString('en-GB', { maximumFractionDigits: 6 });
}

/** Hours as "d h" beyond a day: "2 d 5.5 h", else "5.5 h". */
export function hours(h: number | null | undefined): string {
  if (h === null || h === undefined || !Number.isFinite(h)) return DASH;
  if (h < 24) return `${num(h, 1)} h`;
  const d = Math.floor(h / 24);
  return `${d} d ${num(h - d * 24, 1)} h`;
}

/** "probable (fastest)" pair of hours. */
export const hoursPair = (v: CaseValue | null | undefined): string =>
  v ? `${hours(v.probable)} (${hours(v.bound)})` : DASH;

export const mgLPair = (v: CaseValue | null | undefined): string =>
  v ? `${mgL(v.probable)} (${mgL(v.bound)})` : DASH;

/** ISO instant as "2026-11-22 08:30 UTC". */
export function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export const coord = (lon: number, lat: number): string =>
  `${Math.abs(lat).toFixed(5)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(5)}° ${lon >= 0 ? 'E' : 'W'}`;
