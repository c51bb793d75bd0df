// The naive baseline (and test oracle) for upstream queries: a downstream walk from every site,
// checking whether it reaches the point. Correct by construction, slow by design.
import { MinHeap } from '../network/min-heap.js';
import type { RiverNetwork } from '../trace/river-network.js';
import type { ReachPoint } from './upstream-index.js';

/** Shortest cost from `from` down to `to` with `cost(reachId, km)` per km of reach, or null if unreachable. */
function walk(
  net: RiverNetwork,
  from: ReachPoint,
  to: ReachPoint,
  cost: (reachId: number, km: number) => number,
): number | null {
  let best = Number.POSITIVE_INFINITY;
  if (from.reachId === to.reachId && from.offsetKm <= to.offsetKm)
    best = cost(from.reachId, to.offsetKm - from.offsetKm);
  const start = net.reaches[from.reachId]!;
  const dist = new Map<number, number>([[start.to, cost(start.id, start.lengthKm - from.offsetKm)]]);
  const heap = new MinHeap();
  heap.push(dist.get(start.to)!, start.to);
  const target = net.reaches[to.reachId]!;
  while (heap.size) {
    const [d, v] = heap.pop();
    if (d > dist.get(v)! || d >= best) continue;
    // Water stops at an outlet, as in the trace, even where a line goes on from it.
    if (net.outletAt.has(v)) continue;
    if (v === target.from) best = Math.min(best, d + cost(target.id, to.offsetKm));
    for (const id of net.outflows[v]!) {
      const r = net.reaches[id]!;
      const nd = d + cost(id, r.lengthKm);
      if (nd < (dist.get(r.to) ?? Number.POSITIVE_INFINITY)) {
        dist.set(r.to, nd);
        heap.push(nd, r.to);
      }
    }
  }
  return Number.isFinite(best) ? best : null;
}

/** River km and hours from a site down to a point (each minimised), or null when it does not drain there. */
export function naiveDownstreamTo(
  net: RiverNetwork,
  velocityMs: Float64Array,
  from: ReachPoint,
  to: ReachPoint,
): { riverKm: number; arrivalH: number } | null {
  const riverKm = walk(net, from, to, (_id, km) => km);
  if (riverKm === null) return null;
  const arrivalH = walk(net, from, to, (id, km) => km / (velocityMs[id]! * 3.6))!;
  return { riverKm, arrivalH };
}
