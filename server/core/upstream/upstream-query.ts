// Sites upstream of a point as a handful of pre-order range lookups: the point's own tree range, plus
// the trees that feed it through side arms of splits (deltas). No walk per site.
import {
  firstSideEntryAt,
  hoursToOutlet,
  kmToOutlet,
  type ReachPoint,
  type UpstreamIndex,
} from './upstream-index.js';

/** A range of pre-order numbers and how to turn a site's km/hours-to-outlet into km/hours to the point. */
export interface UpstreamRange {
  preFrom: number;
  preTo: number;
  /** Root reach of the range (the point's reach, or the reach feeding a side arm). */
  rootReach: number;
  /** riverKm = siteKmToOutlet − baseKm + extraKm (and likewise for hours). */
  baseKm: number;
  extraKm: number;
  baseHours: number;
  extraHours: number;
}

export interface UpstreamLimits {
  maxKm?: number | undefined;
  maxHours?: number | undefined;
}

/** The ranges to search for everything that drains to `point`, nearest entries first. */
export function upstreamRanges(
  ix: UpstreamIndex,
  point: ReachPoint,
  limits: UpstreamLimits = {},
): UpstreamRange[] {
  const maxKm = limits.maxKm ?? Number.POSITIVE_INFINITY;
  const maxHours = limits.maxHours ?? Number.POSITIVE_INFINITY;
  const r = point.reachId;
  const main: UpstreamRange = {
    preFrom: ix.pre[r]!,
    preTo: ix.post[r]!,
    rootReach: r,
    baseKm: kmToOutlet(ix, point),
    extraKm: 0,
    baseHours: hoursToOutlet(ix, point),
    extraHours: 0,
  };
  // Best (km, hours) to the point from the downstream end of each side-feeding reach; relaxed until
  // stable. Km and hours are minimised independently (shortest river path, earliest arrival).
  const best = new Map<number, UpstreamRange>([[r, main]]);
  const queue: UpstreamRange[] = [main];
  while (queue.length) {
    const range = queue.shift()!;
    for (let i = firstSideEntryAt(ix, range.preFrom); i < ix.sideEntries.length; i++) {
      if (ix.sideEntryPre[i]! > range.preTo) break;
      const { from, into } = ix.sideEntries[i]!;
      // From the split node (top of `into`) down to the point, through this range's tree.
      const extraKm = ix.kmTop[into]! - range.baseKm + range.extraKm;
      const extraHours = ix.hoursTop[into]! - range.baseHours + range.extraHours;
      // Useless only if it can give neither the shortest km nor the earliest arrival of a site
      // that passes both limits (km and hours are minimised independently).
      if (extraKm > maxKm && extraHours > maxHours) continue;
      const bottom = { reachId: from, offsetKm: ix.lengthKm[from]! };
      const old = best.get(from);
      if (old && old.extraKm <= extraKm && old.extraHours <= extraHours) continue;
      const next: UpstreamRange = {
        preFrom: ix.pre[from]!,
        preTo: ix.post[from]!,
        rootReach: from,
        baseKm: kmToOutlet(ix, bottom),
        extraKm: Math.min(extraKm, old?.extraKm ?? Number.POSITIVE_INFINITY),
        baseHours: hoursToOutlet(ix, bottom),
        extraHours: Math.min(extraHours, old?.extraHours ?? Number.POSITIVE_INFINITY),
      };
      best.set(from, next);
      queue.push(next);
    }
  }
  return [...best.values()];
}

/** A site's place on the network, as stored with the register (reach, offset, pre-order number). */
export interface PositionedSite extends ReachPoint {
  id: string;
  treePre: number;
}

export interface UpstreamHit<T> {
  site: T;
  riverKm: number;
  arrivalH: number;
}

/**
 * Sites upstream of `point` within the limits. `sitesInRange` is the storage's range lookup on the
 * site's pre-order number (an index scan); a site found through several ranges keeps its best figures.
 */
export function upstreamSites<T extends PositionedSite>(
  ix: UpstreamIndex,
  point: ReachPoint,
  limits: UpstreamLimits,
  sitesInRange: (preFrom: number, preTo: number) => T[],
): UpstreamHit<T>[] {
  const maxKm = limits.maxKm ?? Number.POSITIVE_INFINITY;
  const maxHours = limits.maxHours ?? Number.POSITIVE_INFINITY;
  const hits = new Map<string, UpstreamHit<T>>();
  const ranges = upstreamRanges(ix, point, limits);
  const mainReach = point.reachId;
  for (const [preFrom, preTo] of disjointIntervals(ranges)) {
    for (const site of sitesInRange(preFrom, preTo)) {
      const siteKm = kmToOutlet(ix, site);
      const siteH = hoursToOutlet(ix, site);
      let riverKm = Number.POSITIVE_INFINITY;
      let arrivalH = Number.POSITIVE_INFINITY;
      for (const r of ranges) {
        if (site.treePre < r.preFrom || site.treePre > r.preTo) continue;
        // On the point's own reach, only what lies above the point drains to it.
        if (r.rootReach === mainReach && site.reachId === mainReach && site.offsetKm > point.offsetKm)
          continue;
        riverKm = Math.min(riverKm, siteKm - r.baseKm + r.extraKm);
        arrivalH = Math.min(arrivalH, siteH - r.baseHours + r.extraHours);
      }
      if (!Number.isFinite(riverKm) || riverKm > maxKm || arrivalH > maxHours) continue;
      hits.set(site.id, { site, riverKm: Math.max(0, riverKm), arrivalH: Math.max(0, arrivalH) });
    }
  }
  return [...hits.values()];
}

/** The pre-order intervals whose sites `upstreamSites` reads (the storage can fetch them up front). */
export function upstreamIntervals(
  ix: UpstreamIndex,
  point: ReachPoint,
  limits: UpstreamLimits,
): [number, number][] {
  return disjointIntervals(upstreamRanges(ix, point, limits));
}

/** Nested-set ranges are nested or disjoint: the outermost ones cover each site exactly once. */
function disjointIntervals(ranges: UpstreamRange[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a.preFrom - b.preFrom || b.preTo - a.preTo);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.preFrom <= last[1]) last[1] = Math.max(last[1], r.preTo);
    else out.push([r.preFrom, r.preTo]);
  }
  return out;
}
