// Number and distance formatting for the UI, locale-aware; plus the snap-distance warning rule.

/** Snaps farther than this from the clicked point get a warning: the trace may follow another river. */
export const SNAP_WARN_KM = 5;

/** The kilometre symbol in the UI language (Russian writes "км"). */
const kmUnit = (lang: string) => (lang.toLowerCase().startsWith('ru') ? 'км' : 'km');

/** A km figure without its unit: one decimal below 10 km (none when it is whole), none above. */
export function formatKmNumber(km: number, lang: string): string {
  const digits = Math.abs(km) < 10 && Math.round(km * 10) % 10 !== 0 ? 1 : 0;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    km,
  );
}

export function formatKm(km: number, lang: string): string {
  return `${formatKmNumber(km, lang)} ${kmUnit(lang)}`;
}

/** A stretch of river km with the unit once: "0–58 km", "94–317 км". */
export function formatKmRange(fromKm: number, toKm: number, lang: string): string {
  return `${formatKmNumber(fromKm, lang)}–${formatKmNumber(toKm, lang)} ${kmUnit(lang)}`;
}

export function formatNumber(n: number | null | undefined, lang: string, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(n);
}

export function snapWarning(distanceKm: number): boolean {
  return distanceKm > SNAP_WARN_KM;
}

export function formatCoord(lon: number, lat: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lon >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(4)}° ${ns}, ${Math.abs(lon).toFixed(4)}° ${ew}`;
}

/** Bounding box of [lon, lat] positions, or null for none. */
export function bboxOf(points: Iterable<readonly number[]>): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of points) {
    const [lon, lat] = p as [number, number];
    w = Math.min(w, lon);
    s = Math.min(s, lat);
    e = Math.max(e, lon);
    n = Math.max(n, lat);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
