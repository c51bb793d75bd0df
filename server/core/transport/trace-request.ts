// Validates a trace request against the geography (land, snap cap, river hint) and runs it.
import type { PolygonLocator } from '../geo/polygon-locator.js';
import { NORMAL_SNAP_KM, type TraceWarning } from '../trace/connection.js';
import type { DrainageAreas } from '../trace/drainage-areas.js';
import { lakeTrace } from '../trace/lake-trace.js';
import { type Located, locateOnNetwork } from '../trace/locate.js';
import type { RiverNetwork } from '../trace/river-network.js';
import { hasRiverNamed, type Snap, snapToNetwork } from '../trace/snap.js';
import { type TraceResult, traceDownstream } from '../trace/trace.js';
import { addArrival, type TraceWithRelease } from './arrival.js';
import type { AnchoredDischarge } from './discharge-table.js';
import type { Release } from './release.js';

export const DEFAULT_SNAP_MAX_KM = NORMAL_SNAP_KM;
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
  /** With the drainage areas the snap is catchment-aware (locate.ts); without, the nearest reach. */
  areas?: DrainageAreas,
): TraceOutcome {
  if (!areas) {
    const snapped = snapRequest(net, land, req);
    if (!snapped.ok) return snapped;
    return traceLocated(net, land, { kind: 'reach', snap: snapped.snap, warnings: [] }, req, discharge);
  }
  const located = locateRequest(net, land, areas, req);
  if (!located.ok) return located;
  return traceLocated(net, land, located.located, req, discharge);
}

/** Traces from where a point joined the network (a reach, or a terminal lake with no river path). */
export function traceLocated(
  net: RiverNetwork,
  land: PolygonLocator<string>,
  located: Located,
  req: Pick<TraceRequest, 'maxKm' | 'release' | 'lon' | 'lat'>,
  discharge: AnchoredDischarge = NO_DISCHARGE_TABLE,
  extraWarnings: TraceWarning[] = [],
): TraceOutcome {
  const warnings = [...located.warnings, ...extraWarnings];
  if (located.kind === 'lake') {
    const adm0 = land.locate(req.lon, req.lat) ?? land.locate(located.lon, located.lat);
    if (req.release)
      warnings.push({
        code: 'NO_RIVER_PATH',
        message: `The release enters ${located.lake.name} directly: there is no river path to time, so no arrival times or concentrations.`,
      });
    return { ok: true, result: lakeTrace(net, located.lake, located, adm0, warnings) };
  }
  return { ok: true, result: traceFromSnap(net, located.snap, req, discharge, warnings) };
}

/** The trace from an already snapped start (its answer depends only on the snapped reach and offset). */
export function traceFromSnap(
  net: RiverNetwork,
  snap: Snap,
  req: Pick<TraceRequest, 'maxKm' | 'release'>,
  discharge: AnchoredDischarge = NO_DISCHARGE_TABLE,
  warnings: TraceWarning[] = [],
): TraceResult | TraceWithRelease {
  const chainage = discharge.chainage ?? null;
  const result = { ...traceDownstream(net, snap, req.maxKm, chainage), warnings };
  return req.release ? addArrival(net, discharge, snap, result, req.release, req.maxKm, chainage) : result;
}

/** Checks the point against the geography (land, river hint) and locates it catchment-aware. */
export function locateRequest(
  net: RiverNetwork,
  land: PolygonLocator<string>,
  areas: DrainageAreas,
  req: Omit<TraceRequest, 'maxKm'>,
): { ok: true; located: Located } | Extract<SnapOutcome, { ok: false }> {
  const snapMaxKm = req.snapMaxKm ?? DEFAULT_SNAP_MAX_KM;
  const checked = checkPoint(net, land, req, areas);
  if (checked) return checked;
  const located = locateOnNetwork(net, areas, req.lon, req.lat, snapMaxKm, req.river);
  return located ? { ok: true, located } : noRiver(req, snapMaxKm);
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
  const checked = checkPoint(net, land, req);
  if (checked) return checked;
  const snap = snapToNetwork(net, req.lon, req.lat, snapMaxKm, req.river);
  return snap ? { ok: true, snap } : noRiver(req, snapMaxKm);
}

type Failure = Extract<SnapOutcome, { ok: false }>;

function checkPoint(
  net: RiverNetwork,
  land: PolygonLocator<string>,
  req: Omit<TraceRequest, 'maxKm'>,
  areas?: DrainageAreas,
): Failure | null {
  const where = `${req.lon.toFixed(4)}, ${req.lat.toFixed(4)}`;
  if (
    land.locate(req.lon, req.lat) === null &&
    !net.snapIndex.anyWithin(req.lon, req.lat, COAST_TOLERANCE_KM) &&
    !areas?.lakeContaining(req.lon, req.lat)
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
  return null;
}

function noRiver(req: Omit<TraceRequest, 'maxKm'>, snapMaxKm: number): Failure {
  const where = `${req.lon.toFixed(4)}, ${req.lat.toFixed(4)}`;
  const named = req.river ? ` named "${req.river}"` : '';
  return {
    ok: false,
    code: 'NO_RIVER_NEARBY',
    message: `No river${named} within ${snapMaxKm} km of ${where}. Move the point closer to a river or raise snapMaxKm (at most ${MAX_SNAP_MAX_KM}).`,
  };
}
