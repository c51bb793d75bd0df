// Per-reach velocities from the transport module's discharge along main paths and its hydraulic
// geometry, so upstream arrival times agree with the release model's probable peak travel times.

import { mainOutflow } from '../trace/main-path.js';
import { pathKm } from '../trace/river-km.js';
import type { RiverNetwork } from '../trace/river-network.js';
import type { MainStep } from '../trace/trace.js';
import type { AnchoredDischarge } from '../transport/discharge-table.js';
import { hydraulics } from '../transport/hydraulics.js';
import { dischargeAlongPath } from '../transport/path-discharge.js';
import { buildUpstreamIndex, type UpstreamIndex } from './upstream-index.js';
import { DISCHARGE_VELOCITY_MODEL } from './velocity.js';

/** Piece length for the discharge interpolation (coarser than a trace's: a mean per reach is kept). */
const STEP_KM = 25;

/**
 * Mean velocity (m/s) of every reach — Natural Earth length over travel time, the time taken over the
 * calibrated (official) length: the discharge table interpolated along each main path (from
 * every source down, longest first; a path stops where it joins reaches already done), turned into
 * a velocity by the probable-case hydraulic geometry, lakes slower. A reach's velocity is its
 * length over its travel time, so pieces with different flows combine correctly.
 */
export function dischargeVelocitiesMs(net: RiverNetwork, table: AnchoredDischarge): Float64Array {
  const n = net.reaches.length;
  const parent = new Int32Array(n).fill(-1);
  const hasChild = new Uint8Array(n);
  for (const r of net.reaches) {
    const next = net.outletAt.has(r.to) ? null : mainOutflow(net, r);
    if (next && next.id !== r.id) {
      parent[r.id] = next.id;
      hasChild[next.id] = 1;
    }
  }
  // Path length from each leaf to its root, to start with the longest main stems.
  const depthKm = (r: number) => {
    let km = 0;
    const seen = new Set<number>();
    for (let x = r; x !== -1 && !seen.has(x); x = parent[x]!) {
      seen.add(x);
      km += net.reaches[x]!.lengthKm;
    }
    return km;
  };
  const leaves = net.reaches
    .filter((r) => !hasChild[r.id])
    .map((r) => ({ id: r.id, km: depthKm(r.id) }))
    .sort((a, b) => b.km - a.km || a.id - b.id);
  const velocity = new Float64Array(n);
  const done = new Uint8Array(n);
  const walk = (start: number) => {
    const steps: MainStep[] = [];
    let km = 0;
    for (let x = start; x !== -1 && !done[x]; x = parent[x]!) {
      const reach = net.reaches[x]!;
      done[x] = 1;
      steps.push({ reach, fromReachKm: 0, toReachKm: reach.lengthKm, startKm: km });
      km += reach.lengthKm;
    }
    if (!steps.length) return;
    const hours = new Map<number, number>();
    // Travel over official lengths where the chainage table has them, as the trace does.
    const pk = pathKm(net, table.chainage ?? null, steps);
    for (const p of dischargeAlongPath(net, table, steps, STEP_KM).pieces) {
      const kind = p.reach.featurecla === 'Lake Centerline' ? 'lake' : 'river';
      const u = hydraulics(p.dischargeM3s, kind, 'probable').velocityMs;
      hours.set(p.reach.id, (hours.get(p.reach.id) ?? 0) + (pk.cal(p.toKm) - pk.cal(p.fromKm)) / (u * 3.6));
    }
    for (const s of steps) {
      const h = hours.get(s.reach.id) ?? 0;
      velocity[s.reach.id] =
        h > 0 ? s.reach.lengthKm / (h * 3.6) : hydraulics(1, 'river', 'probable').velocityMs;
    }
  };
  for (const leaf of leaves) walk(leaf.id);
  // Reaches on a main-path cycle (none after orientation) have no leaf above them.
  for (let r = 0; r < n; r++) if (!done[r]) walk(r);
  return velocity;
}

/** The upstream index with discharge-based travel times (~0.1–0.4 s to build: services build it on first use). */
export function dischargeUpstreamIndex(net: RiverNetwork, table: AnchoredDischarge): UpstreamIndex {
  const v = dischargeVelocitiesMs(net, table);
  return buildUpstreamIndex(net, (r) => v[r.id]!, DISCHARGE_VELOCITY_MODEL);
}
