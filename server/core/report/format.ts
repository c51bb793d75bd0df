// Number and time formatting shared by the report and notification renderers: English by default,
// Russian on request (decimal comma, "ч"/"сут"); fixed precision, "—" for unknown values.
import { LANGUAGES, type Lang } from '../../../shared/codes.js';
import type { CaseValue } from '../transport/plume.js';

export const DASH = '—';
export type ReportLang = Lang;
export const REPORT_LANGS: readonly ReportLang[] = LANGUAGES;

const LOCALE: Record<ReportLang, string> = { en: 'en-GB', ru: 'ru-RU' };
const UNITS: Record<ReportLang, { h: string; d: string }> = {
  en: { h: 'h', d: 'd' },
  ru: { h: 'ч', d: 'сут' },
};

export function formatter(lang: ReportLang = 'en') {
  const locale = LOCALE[lang];
  const u = UNITS[lang];
  const num = (x: number | null | undefined, digits = 1): string => {
    if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
    return x.toLocaleString(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits });
  };
  /** Concentrations span many orders of magnitude: 3 significant digits. */
  const mgL = (x: number | null | undefined): string => {
    if (x === null || x === undefined || !Number.isFinite(x)) return DASH;
    if (x === 0) return '0';
    if (x < 0.001) return x.toExponential(2);
    return Number(x.toPrecision(3)).toLocaleString(locale, { maximumFractionDigits: 6 });
  };
  /** Hours as "2 d 5.5 h" beyond a day, else "5.5 h". */
  const hours = (h: number | null | undefined): string => {
    if (h === null || h === undefined || !Number.isFinite(h)) return DASH;
    if (h < 24) return `${num(h, 1)} ${u.h}`;
    const d = Math.floor(h / 24);
    return `${d} ${u.d} ${num(h - d * 24, 1)} ${u.h}`;
  };
  return {
    num,
    mgL,
    hours,
    /** "probable (fastest)" pair of hours. */
    hoursPair: (v: CaseValue | null | undefined): string =>
      v ? `${hours(v.probable)} (${hours(v.bound)})` : DASH,
    mgLPair: (v: CaseValue | null | undefined): string => (v ? `${mgL(v.probable)} (${mgL(v.bound)})` : DASH),
  };
}

const en = formatter('en');
export const { num, mgL, hours, hoursPair, mgLPair } = en;

/** Fills {name} slots of a label. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** ISO instant as "2026-11-22 08:30 UTC". */
export function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export const coord = (lon: number, lat: number): string =>
  `${Math.abs(lat).toFixed(5)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(5)}° ${lon >= 0 ? 'E' : 'W'}`;
