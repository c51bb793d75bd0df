// A point's river km, decided in one place: the official chainage where the reviewed table covers the
// river, else the calibrated km from the point to the end of its main downstream path (the river's mouth
// or its terminal lake) — the Danube convention of counting km from the mouth.
import { type AnchoredChainage, pathKm } from '../trace/river-km.js';
import type { RiverNetwork } from '../trace/river-network.js';
import { type Snap, snapToNetwork } from '../trace/snap.js';
import { mainPath } from '../trace/trace.js';
import type { StationPlace } from './station-schema.js';

/** Stations further than this from any river are stored unplaced (river km null). */
export const STATION_SNAP_MAX_KM = 10;

/** Km along the main path from the snapped point to its outlet. */
export function riverKmOf(net: RiverNetwork, snap: Snap, chainage: AnchoredChainage | null = null): number {
  const steps = mainPath(net, snap, Number.POSITIVE_INFINITY);
  const last = steps[steps.length - 1];
  if (!last) return 0;
  const km = pathKm(net, chainage, steps);
  const official = km.riverKm(0);
  const toOutlet = official ? official.km : km.cal(last.startKm + last.toReachKm - last.fromReachKm);
  return Math.round(toOutlet * 10) / 10;
}

/** Snaps a station (to its named river when that is within reach) and derives river and river km. */
export function placeStation(
  net: RiverNetwork,
  lon: number,
  lat: number,
  riverHint: string | null,
  chainage: AnchoredChainage | null = null,
): StationPlace {
  let snap: Snap | null = null;
  if (riverHint) {
    try {
      snap = snapToNetwork(net, lon, lat, STATION_SNAP_MAX_KM, riverHint);
    } catch {
      snap = null;
    }
  }
  snap ??= snapToNetwork(net, lon, lat, STATION_SNAP_MAX_KM);
  if (!snap) return { river: null, riverKm: null, reachId: null, reachOffsetKm: null, snapDistanceKm: null };
  return {
    river: snap.reach.name,
    riverKm: riverKmOf(net, snap, chainage),
    reachId: snap.reach.id,
    reachOffsetKm: Math.round(snap.offsetKm * 1e4) / 1e4,
    snapDistanceKm: Math.round(snap.distanceKm * 1000) / 1000,
  };
}
