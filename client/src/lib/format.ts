// Number and distance formatting for the UI, locale-aware; plus the snap-distance warning rule.

/** Snaps farther than this from the clicked point get a warning: the trace may follow another river. */
export const SNAP_WARN_KM = 5;

/** The kilometre symbol in the UI language (Russian writes "км"). */
const kmUnit = (lang: string) => (lang.toLowerCase().startsWith('ru') ? 'км' : 'km');

export function formatKm(km: number, lang: string): string {
  const digits = km < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(km)} ${kmUnit(lang)}`;
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
