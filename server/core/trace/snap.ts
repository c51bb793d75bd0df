// Snaps a point to the nearest reach within a cap, optionally only to a named river.
import type { SegmentHit } from '../geo/segment-index.js';
import { normalizeName } from '../network/normalize-name.js';
import type { Reach, RiverNetwork } from './river-network.js';

export interface Snap {
  reach: Reach;
  /** Km from the reach's upstream end to the snapped point. */
  offsetKm: number;
  lon: number;
  lat: number;
  distanceKm: number;
}

export { normalizeName } from '../network/normalize-name.js';

/** Distances closer than this count as equal, so a river beats a lake centerline it runs into. */
const TIE_KM = 0.05;

export function snapToNetwork(
  net: RiverNetwork,
  lon: number,
  lat: number,
  maxKm: number,
  riverHint?: string | null,
  /** Only reaches it accepts are candidates (e.g. those of the point's own drainage area). */
  accept?: (reach: Reach) => boolean,
): Snap | null {
  const hint = riverHint ? normalizeName(riverHint) : null;
  const named = (r: Reach) => [r.name, ...r.nameAlt].some((n) => n !== null && normalizeName(n) === hint);
  const filter =
    hint || accept
      ? (line: number) => {
          const r = net.reaches[line]!;
          return (!hint || named(r)) && (!accept || accept(r));
        }
      : undefined;
  const better = (a: SegmentHit, b: SegmentHit): boolean => {
    if (Math.abs(a.distanceKm - b.distanceKm) > TIE_KM) return a.distanceKm < b.distanceKm;
    const ra = net.reaches[a.line]!;
    const rb = net.reaches[b.line]!;
    if (ra.featurecla !== rb.featurecla) return ra.featurecla === 'River';
    if (ra.scalerank !== rb.scalerank) return ra.scalerank < rb.scalerank;
    return a.distanceKm < b.distanceKm || (a.distanceKm === b.distanceKm && a.line < b.line);
  };
  const hit = net.snapIndex.nearest(lon, lat, maxKm, filter, better);
  if (!hit) return null;
  const reach = net.reaches[hit.line]!;
  const k0 = reach.cumKm[hit.seg]!;
  const k1 = reach.cumKm[hit.seg + 1]!;
  return { reach, offsetKm: k0 + hit.t * (k1 - k0), lon: hit.lon, lat: hit.lat, distanceKm: hit.distanceKm };
}

/** Does any reach carry this name (exactly, after normalisation)? */
export function hasRiverNamed(net: RiverNetwork, name: string): boolean {
  const hint = normalizeName(name);
  return net.reaches.some((r) => [r.name, ...r.nameAlt].some((n) => n !== null && normalizeName(n) === hint));
}

/** How far a gauge or chainage point may lie from the river it names (the discharge table's 15 km). */
export const NAMED_RIVER_SNAP_KM = 15;

/** A point on the river it names within 15 km, else on an unnamed reach within 5 km (Natural Earth leaves
 * stretches of big rivers unnamed, e.g. the Tisza in Hungary). Shared by the gauge and chainage tables. */
export function snapToNamedRiver(net: RiverNetwork, lon: number, lat: number, names: readonly string[]) {
  const named = names
    .map((name) => snapToNetwork(net, lon, lat, NAMED_RIVER_SNAP_KM, name))
    .filter((s) => s !== null)
    .sort((a, b) => a.distanceKm - b.distanceKm)[0];
  if (named) return named;
  const nearest = snapToNetwork(net, lon, lat, UNNAMED_SNAP_KM);
  return nearest && nearest.reach.name === null ? nearest : null;
}

/** How far a table point may lie from an unnamed reach it is taken to be on. */
const UNNAMED_SNAP_KM = 5;
