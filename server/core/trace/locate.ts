// Catchment-aware snapping: a point joins the nearest reach of its own drainage area (drainage-areas.ts)
// within the cap, and only when there is none the nearest reach of another one, with a warning; a point
// on or draining to a terminal lake with no river of its own joins the lake.
import { kmText, type TraceWarning } from './connection.js';
import type { DrainageArea, DrainageAreas, DrainageLake } from './drainage-areas.js';
import type { Reach, RiverNetwork } from './river-network.js';
import { type Snap, snapToNetwork } from './snap.js';

export type Located =
  | { kind: 'reach'; snap: Snap; warnings: TraceWarning[] }
  | {
      kind: 'lake';
      lake: DrainageLake;
      lon: number;
      lat: number;
      distanceKm: number;
      warnings: TraceWarning[];
    };

/** Farther than this from the river it joins, a point's own stream is taken to be missing from the network. */
export const OWN_RIVER_MISSING_KM = 10;
/** A point draining to a terminal lake joins its shore however far (it never leaves for another basin). */
const LAKE_SHORE_MAX_KM = 1000;

export function locateOnNetwork(
  net: RiverNetwork,
  areas: DrainageAreas,
  lon: number,
  lat: number,
  maxKm: number,
  riverHint?: string | null,
): Located | null {
  const inLake = areas.lakeContaining(lon, lat);
  if (inLake) return { kind: 'lake', lake: inLake, lon, lat, distanceKm: 0, warnings: [] };
  const around = areas.around(lon, lat);
  const area = around[0] ?? null;
  const own = around.length > 0 ? ownReaches(net, around) : null;
  if (riverHint) {
    // The caller named the river: it wins, but the answer says when it lies beyond the divide.
    const snap = snapToNetwork(net, lon, lat, maxKm, riverHint);
    if (!snap) return null;
    const warnings = own && area && !own(snap.reach) ? [crossedDivide(net, area, snap, maxKm, true)] : [];
    return withDistanceWarning({ kind: 'reach', snap, warnings });
  }
  if (own) {
    const snap = snapToNetwork(net, lon, lat, maxKm, null, own);
    if (snap) return withDistanceWarning({ kind: 'reach', snap, warnings: [] });
  }
  const lake = around.find((a) => a.kind === 'lake');
  if (lake?.kind === 'lake') {
    const shore = areas.shore(lake.lake, lon, lat, LAKE_SHORE_MAX_KM);
    if (shore) return { kind: 'lake', lake: lake.lake, ...shore, warnings: [] };
  }
  const snap = snapToNetwork(net, lon, lat, maxKm);
  if (!snap) return null;
  const warnings = area ? [crossedDivide(net, area, snap, maxKm, false)] : [];
  return withDistanceWarning({ kind: 'reach', snap, warnings });
}

/** The reaches that belong to drainage areas: their river systems, or the systems that end in their lakes. */
export function ownReaches(net: RiverNetwork, areas: readonly DrainageArea[]): (r: Reach) => boolean {
  const basins = new Set<number>();
  for (const a of areas) {
    if (a.kind === 'basin') basins.add(a.basinId);
    else for (const id of basinsEndingIn(net).get(a.lake.name) ?? []) basins.add(id);
  }
  return (r) => basins.has(r.basinId);
}

export function areaName(net: RiverNetwork, area: DrainageArea): string {
  return area.kind === 'lake'
    ? area.lake.name
    : (net.basins.get(area.basinId)?.name ?? 'an unnamed river system');
}

const endingIn = new WeakMap<RiverNetwork, Map<string, Set<number>>>();

/** Basin ids by the name of the outlet their main path ends in (terminal lakes carry the lake's name). */
function basinsEndingIn(net: RiverNetwork): Map<string, Set<number>> {
  let m = endingIn.get(net);
  if (!m) {
    m = new Map();
    const outletName = new Map(net.outlets.map((o) => [o.id, o.name]));
    for (const b of net.basins.values()) {
      const name = b.mainOutletId === null ? undefined : outletName.get(b.mainOutletId);
      if (name) m.set(name, (m.get(name) ?? new Set()).add(b.id));
    }
    endingIn.set(net, m);
  }
  return m;
}

const riverName = (r: Reach) => r.name ?? 'an unnamed river';

function crossedDivide(
  net: RiverNetwork,
  area: DrainageArea,
  snap: Snap,
  maxKm: number,
  hinted: boolean,
): TraceWarning {
  const other = net.basins.get(snap.reach.basinId)?.name;
  const used = `the ${riverName(snap.reach)}${other ? ` (${other} system)` : ''}, ${kmText(snap.distanceKm)} away`;
  return {
    code: 'CROSSED_DIVIDE',
    message: hinted
      ? `The point lies in the drainage area of the ${areaName(net, area)}, but the river asked for is ${used}, across the divide.`
      : `The point lies in the drainage area of the ${areaName(net, area)}, but no river of it in the network is within ${kmText(maxKm)}; the trace starts on ${used}, across the divide. Check the point, or name its river.`,
  };
}

function withDistanceWarning(l: Extract<Located, { kind: 'reach' }>): Located {
  const d = l.snap.distanceKm;
  if (d <= OWN_RIVER_MISSING_KM) return l;
  const message = `The trace starts on the ${riverName(l.snap.reach)}, the nearest river of this drainage area in the network, ${kmText(d)} from the point: the point's own stream is not in the network, and those first ${kmText(d)} are not traced or timed.`;
  return { ...l, warnings: [...l.warnings, { code: 'OWN_RIVER_MISSING', message }] };
}
