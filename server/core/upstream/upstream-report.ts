// Answers an upstream-threat query: the sites that drain to a snapped point within the limits,
// ranked by hazard and by arrival time, with the countries they stand in.
import type { Snap } from '../trace/snap.js';
import type { UpstreamIndex } from './upstream-index.js';
import { type PositionedSite, type UpstreamLimits, upstreamSites } from './upstream-query.js';

export interface UpstreamCandidate extends PositionedSite {
  name: string;
  location: { lon: number; lat: number };
  kind: string;
  sector: string | null;
  country: string | null;
  river: string | null;
  basin: string | null;
  wri: number | null;
  wriClass: string | null;
  thi: number | null;
  thiClass: string | null;
  annexI: boolean;
}

export interface UpstreamSite {
  id: string;
  name: string;
  location: { lon: number; lat: number };
  kind: string;
  sector: string | null;
  country: string | null;
  river: string | null;
  basin: string | null;
  riverKm: number;
  arrivalH: number;
  wri: number | null;
  wriClass: string | null;
  thi: number | null;
  thiClass: string | null;
  annexI: boolean;
}

export interface UpstreamResult {
  snap: { lon: number; lat: number; distanceKm: number; river: string | null };
  limits: { maxKm: number | null; maxHours: number | null };
  /** How many sites matched; `sites` holds at most `limit` of each ranking. */
  total: number;
  truncated: boolean;
  sites: UpstreamSite[];
  rankedByHazard: string[];
  rankedByArrival: string[];
  /** Countries the matched sites stand in, nearest (earliest arrival) first. */
  countries: string[];
  velocityModel: string;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const desc = (a: number | null, b: number | null) =>
  (b ?? Number.NEGATIVE_INFINITY) - (a ?? Number.NEGATIVE_INFINITY);

/**
 * Hazard order: Annex I hazardous activities first, then the Water Risk Index, then the Tailings
 * Hazard Index (the two indices have different scales, so one does not stand in for the other),
 * then the earlier arrival.
 */
export function byHazard(a: UpstreamSite, b: UpstreamSite): number {
  return (
    Number(b.annexI) - Number(a.annexI) ||
    desc(a.wri, b.wri) ||
    desc(a.thi, b.thi) ||
    a.arrivalH - b.arrivalH ||
    a.id.localeCompare(b.id)
  );
}

export const byArrival = (a: UpstreamSite, b: UpstreamSite): number =>
  a.arrivalH - b.arrivalH || a.riverKm - b.riverKm || a.id.localeCompare(b.id);

export function upstreamReport(
  ix: UpstreamIndex,
  snap: Snap,
  limits: UpstreamLimits & { limit: number },
  sitesInRange: (preFrom: number, preTo: number) => UpstreamCandidate[],
  velocityModel: string = ix.velocityModel,
): UpstreamResult {
  const hits = upstreamSites(ix, { reachId: snap.reach.id, offsetKm: snap.offsetKm }, limits, sitesInRange);
  const all: UpstreamSite[] = hits.map(({ site: s, riverKm, arrivalH }) => ({
    id: s.id,
    name: s.name,
    location: s.location,
    kind: s.kind,
    sector: s.sector,
    country: s.country,
    river: s.river,
    basin: s.basin,
    riverKm: round(riverKm),
    arrivalH: round(arrivalH, 2),
    wri: s.wri,
    wriClass: s.wriClass,
    thi: s.thi,
    thiClass: s.thiClass,
    annexI: s.annexI,
  }));
  const arrival = [...all].sort(byArrival);
  const hazard = [...all].sort(byHazard);
  const rankedByArrival = arrival.slice(0, limits.limit).map((s) => s.id);
  const rankedByHazard = hazard.slice(0, limits.limit).map((s) => s.id);
  const keep = new Set([...rankedByArrival, ...rankedByHazard]);
  const countries: string[] = [];
  for (const s of arrival) if (s.country && !countries.includes(s.country)) countries.push(s.country);
  return {
    snap: {
      lon: round(snap.lon, 6),
      lat: round(snap.lat, 6),
      distanceKm: round(snap.distanceKm),
      river: snap.reach.name,
    },
    limits: { maxKm: limits.maxKm ?? null, maxHours: limits.maxHours ?? null },
    total: all.length,
    truncated: keep.size < all.length,
    sites: arrival.filter((s) => keep.has(s.id)),
    rankedByHazard,
    rankedByArrival,
    countries,
    velocityModel,
  };
}
