// Turns raw per-reach country runs along a path into the ordered countries a spill passes through:
// short border contacts become plain crossings, polygon flicker near borders is smoothed away.
import type { CrossingKind } from '../../../shared/codes.js';
import type { CountryRun } from '../network/country-runs.js';
import { sameBorder } from '../network/country-runs.js';

/**
 * A river this long beside a boundary is a shared border stretch. ~3–4 km; 4 so that passing the
 * end of a boundary near a tripoint (the Danube runs 3.4 km along the HUN–HRV line at Kopács
 * before the HRV–SRB stretch) is a crossing, not a stretch.
 */
export const MIN_BORDER_KM = 4;
/** Gaps shorter than this inside a border stretch (meanders leaving the buffer) are closed. */
const BORDER_GAP_KM = 1;
/** Country runs shorter than this between others are polygon-precision noise. */
const MIN_COUNTRY_KM = 1;
/**
 * A single-country piece this short next to a border stretch of that country is the approach to
 * the stretch (50 m polygons and 10 m boundaries disagree by a few km around tripoints).
 */
const BORDER_APPROACH_KM = 8;

export interface Stretch {
  fromKm: number;
  toKm: number;
  /** ADM0_A3 codes: one country, or the two sharing a border stretch (first = primary). */
  countries: string[];
}

export interface CountryChange {
  km: number;
  from: string;
  to: string;
  kind: CrossingKind;
}

type Piece = CountryRun & { members?: CountryRun[] };

export function countryStretches(runs: readonly CountryRun[]): Stretch[] {
  const pieces = closeBorderGaps(mergeBorders(runs));
  const flat: CountryRun[] = [];
  for (const p of pieces) {
    if (p.border && p.toKm - p.fromKm < MIN_BORDER_KM)
      flat.push(...(p.members ?? [p]).map((m) => ({ ...m, border: null })));
    else flat.push(p);
  }
  let stretches: Stretch[] = [];
  for (const r of flat) {
    const last = stretches[stretches.length - 1];
    const countries = r.border ? borderOrder(r.border, last, r.country) : r.country ? [r.country] : [];
    if (countries.length === 0) {
      // Off the land polygons (coastal or lake simplification): belongs to its neighbour.
      if (last) last.toKm = r.toKm;
      else stretches.push({ fromKm: r.fromKm, toKm: r.toKm, countries: [] });
      continue;
    }
    if (last && sameSet(last.countries, countries)) last.toKm = r.toKm;
    else if (last && last.countries.length === 0)
      stretches[stretches.length - 1] = { ...last, toKm: r.toKm, countries };
    else stretches.push({ fromKm: r.fromKm, toKm: r.toKm, countries });
  }
  // Absorb short interior single-country pieces until stable.
  for (let changed = true; changed; ) {
    changed = false;
    const out: Stretch[] = [];
    stretches.forEach((s, i) => {
      const prev = out[out.length - 1];
      const interior = i > 0 && i < stretches.length - 1;
      const next = stretches[i + 1];
      const short = s.countries.length === 1 && s.toKm - s.fromKm < BORDER_APPROACH_KM;
      if (prev && interior && s.countries.length === 1 && s.toKm - s.fromKm < MIN_COUNTRY_KM) {
        prev.toKm = s.toKm;
        changed = true;
      } else if (
        short &&
        interior &&
        next &&
        next.countries.length > 1 &&
        next.countries.includes(s.countries[0]!)
      ) {
        next.fromKm = s.fromKm;
        changed = true;
      } else if (
        short &&
        interior &&
        prev &&
        prev.countries.length > 1 &&
        prev.countries.includes(s.countries[0]!)
      ) {
        prev.toKm = s.toKm;
        changed = true;
      } else if (prev && sameSet(prev.countries, s.countries)) {
        prev.toKm = s.toKm;
        changed = true;
      } else out.push({ ...s });
    });
    stretches = out;
  }
  return stretches.filter((s) => s.countries.length > 0);
}

export function countryChanges(stretches: readonly Stretch[]): CountryChange[] {
  const out: CountryChange[] = [];
  for (let i = 1; i < stretches.length; i++) {
    const prev = stretches[i - 1]!.countries;
    const next = stretches[i]!.countries;
    const left = prev.filter((c) => !next.includes(c));
    const entered = next.filter((c) => !prev.includes(c));
    const kind =
      next.length > 1 && prev.length === 1
        ? 'stretch_start'
        : prev.length > 1 && next.length === 1
          ? 'stretch_end'
          : 'crossing';
    out.push({ km: stretches[i]!.fromKm, from: left[0] ?? prev[0]!, to: entered[0] ?? next[0]!, kind });
  }
  return out;
}

function mergeBorders(runs: readonly CountryRun[]): Piece[] {
  const out: Piece[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && r.border && sameBorder(last.border, r.border)) {
      last.toKm = r.toKm;
      last.members!.push(r);
    } else if (last && !r.border && !last.border && last.country === r.country) {
      last.toKm = r.toKm;
    } else out.push({ ...r, members: [r] });
  }
  return out;
}

/** border A, short gap, same border A → one border piece. */
function closeBorderGaps(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const prev = out[out.length - 1];
    const next = pieces[i + 1];
    if (
      prev?.border &&
      !p.border &&
      next?.border &&
      sameBorder(prev.border, next.border) &&
      p.toKm - p.fromKm < BORDER_GAP_KM
    ) {
      prev.toKm = next.toKm;
      prev.members!.push(...(p.members ?? [p]), ...(next.members ?? [next]));
      i++;
    } else out.push(p);
  }
  return out;
}

/** Primary country of a border stretch: the one the river comes from, else the polygon it lies in. */
function borderOrder(border: [string, string], prev: Stretch | undefined, polygon: string | null): string[] {
  const from = prev?.countries.length === 1 ? prev.countries[0] : prev?.countries[0];
  const primary =
    from && border.includes(from) ? from : polygon && border.includes(polygon) ? polygon : border[0];
  return [primary, primary === border[0] ? border[1] : border[0]];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
