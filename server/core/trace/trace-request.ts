// Validates a trace request against the geography (land, snap cap, river hint) and runs it.
import type { PolygonLocator } from '../geo/polygon-locator.js';
import { addArrival, type TraceWithRelease } from '../transport/arrival.js';
import type { AnchoredDischarge } from '../transport/discharge-table.js';
import type { Release } from '../transport/release.js';
import type { RiverNetwork } from './river-network.js';
import { hasRiverNamed, type Snap, snapToNetwork } from './snap.js';
import { type TraceResult, traceDownstream } from './trace.js';

export const DEFAULT_SNAP_MAX_KM = 25;
export const MAX_SNAP_MAX_KM = 200;

export interface TraceRequest {
  lon: number;
  lat: number;
  maxKm?: number;
  snapMaxKm?: number;
  river?: string | null;
  /** With a release, every country, outlet and crossing gets arrival times and concentrations. */
  release?: Release | null;
}

export type TraceOutcome =
  | { ok: true; result: TraceResult | TraceWithRelease }
  | { ok: false; code: 'POINT_IN_SEA' | 'NO_RIVER_NEARBY' | 'UNKNOWN_RIVER'; message: string };

/** A point this close to a river counts as on land even where generalised coastlines disagree. */
const COAST_TOLERANCE_KM = 2;

const NO_DISCHARGE_TABLE: AnchoredDischarge = { sources: {}, anchors: [], byReach: new Map(), unmatched: [] };

export function runTrace(
  net: RiverNetwork,
  land: PolygonLocator<string>,
  req: TraceRequest,
  discharge: AnchoredDischarge = NO_DISCHARGE_TABLE,
): TraceOutcome {
  const located = snapRequest(net, land, req);
  if (!located.ok) return located;
  return { ok: true, result: traceFromSnap(net, located.snap, req, discharge) };
}

/** The trace from an already snapped start (its answer depends only on the snapped reach and offset). */
export function traceFromSnap(
  net: RiverNetwork,
  snap: Snap,
  req: Pick<TraceRequest, 'maxKm' | 'release'>,
  discharge: AnchoredDischarge = NO_DISCHARGE_TABLE,
): TraceResult | TraceWithRelease {
  const result = traceDownstream(net, snap, req.maxKm);
  return req.release ? addArrival(net, discharge, snap, result, req.release, req.maxKm) : result;
}

export type SnapOutcome =
  | { ok: true; snap: Snap }
  | { ok: false; code: 'POINT_IN_SEA' | 'NO_RIVER_NEARBY' | 'UNKNOWN_RIVER'; message: string };

/** Checks the point against the geography (land, river hint, snap cap) and snaps it; shared by trace and upstream. */
export function snapRequest(
  net: RiverNetwork,
  land: PolygonLocator<string>,
  req: Omit<TraceRequest, 'maxKm'>,
): SnapOutcome {
  const snapMaxKm = req.snapMaxKm ?? DEFAULT_SNAP_MAX_KM;
  const where = `${req.lon.toFixed(4)}, ${req.lat.toFixed(4)}`;
  if (
    land.locate(req.lon, req.lat) === null &&
    !net.snapIndex.anyWithin(req.lon, req.lat, COAST_TOLERANCE_KM)
  ) {
    return {
      ok: false,
      code: 'POINT_IN_SEA',
      message: `The point ${where} (lon, lat) is not on land. Give a point on land near a river; check that longitude and latitude are not swapped.`,
    };
  }
  if (req.river && !hasRiverNamed(net, req.river)) {
    return {
      ok: false,
      code: 'UNKNOWN_RIVER',
      message: `No river named "${req.river}" in the network. Check the spelling or omit the river hint.`,
    };
  }
  const snap = snapToNetwork(net, req.lon, req.lat, snapMaxKm, req.river);
  if (!snap) {
    const named = req.river ? ` named "${req.river}"` : '';
    return {
      ok: false,
      code: 'NO_RIVER_NEARBY',
      message: `No river${named} within ${snapMaxKm} km of ${where}. Move the point closer to a river or raise snapMaxKm (at most ${MAX_SNAP_MAX_KM}).`,
    };
  }
  return { ok: true, snap };
}
