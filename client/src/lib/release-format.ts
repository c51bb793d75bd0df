// Units and readable numbers for a release scenario: the mass the user types in kg or tonnes, one time
// unit per table column (hours, or days when the column runs past two days), concentrations with three
// significant digits in the UI language (never "1.48e+3"), and the clock time of an arrival.

export type MassUnit = 'kg' | 't';
export const MASS_UNITS: readonly MassUnit[] = ['kg', 't'];
const KG_PER: Record<MassUnit, number> = { kg: 1, t: 1000 };

/** The mass in kg of `value` given in `unit` (100 t → 100,000 kg). */
export function massToKg(value: number, unit: MassUnit): number {
  return value * KG_PER[unit];
}

/** The unit a stored mass reads best in: whole tonnes from 1 t up, else kg. */
export function massUnitFor(kg: number): MassUnit {
  return kg >= 1000 && Number.isInteger(kg / 1000) ? 't' : 'kg';
}

export type TimeUnit = 'h' | 'd';

/** One unit for a whole column: hours while every value is under two days, else days. */
export function timeUnitFor(hours: readonly number[]): TimeUnit {
  return hours.some((h) => h >= 48) ? 'd' : 'h';
}

/** A time in the column's unit: whole hours from 10 h, one decimal below; days with one decimal. */
export function formatTime(hours: number, unit: TimeUnit, lang: string): string {
  const v = unit === 'd' ? hours / 24 : hours;
  const digits = unit === 'h' && v >= 10 ? 0 : 1;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v);
}

/** A concentration in mg/L with three significant digits, grouped the UI language's way. */
export function formatConc(mgL: number, lang: string): string {
  if (!Number.isFinite(mgL)) return '—';
  return new Intl.NumberFormat(lang, { maximumSignificantDigits: 3 }).format(mgL);
}

/** Reads a `datetime-local` value (YYYY-MM-DDTHH:mm, the browser's time zone) as a Date, or null. */
export function parseReleaseAt(value: string | undefined): Date | null {
  if (!value || !/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The clock time `hours` after the release, e.g. "Tue 8 Dec, 03:40" (in the given time zone). */
export function clockAt(release: Date, hours: number, lang: string, timeZone?: string): string {
  const at = new Date(release.getTime() + hours * 3_600_000);
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}
