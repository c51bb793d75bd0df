// The main chain below every reach (the reaches a trace's main path follows to its outlet) as a
// distance coordinate: km from a reach's upstream end to the end of its chain. Along one main path
// the coordinate falls exactly by the km travelled, so points of any table (gauges, official river
// km) that lie on or above a path can be placed on it without walking the network per trace.
import { mainOutflow } from './main-path.js';
import type { RiverNetwork } from './river-network.js';

export interface MainChains {
  /** Main downstream reach of each reach (-1 at an outlet or a dead end). */
  next: Int32Array;
  /** Km from each reach's upstream end to the end of its main chain. */
  kmToEnd: Float64Array;
}

const cache = new WeakMap<RiverNetwork, MainChains>();

export function mainChains(net: RiverNetwork): MainChains {
  const hit = cache.get(net);
  if (hit) return hit;
  const n = net.reaches.length;
  const next = new Int32Array(n).fill(-1);
  for (const r of net.reaches) {
    const m = net.outletAt.has(r.to) ? null : mainOutflow(net, r);
    if (m && m.id !== r.id) next[r.id] = m.id;
  }
  const kmToEnd = new Float64Array(n).fill(Number.NaN);
  for (let r = 0; r < n; r++) {
    if (!Number.isNaN(kmToEnd[r]!)) continue;
    // Walk down to a known value (or the end), then fill back up; a cycle ends the walk.
    const stack: number[] = [];
    const onStack = new Set<number>();
    let x = r;
    while (x !== -1 && Number.isNaN(kmToEnd[x]!) && !onStack.has(x)) {
      stack.push(x);
      onStack.add(x);
      x = next[x]!;
    }
    let below = x === -1 || onStack.has(x) ? 0 : kmToEnd[x]!;
    for (let i = stack.length - 1; i >= 0; i--) {
      const id = stack[i]!;
      below += net.reaches[id]!.lengthKm;
      kmToEnd[id] = below;
    }
  }
  const out = { next, kmToEnd };
  cache.set(net, out);
  return out;
}

/** Reach ids of the main chain from a reach down to its end (the reach itself first). */
export function chainBelow(chains: MainChains, reachId: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let x = reachId; x !== -1 && !seen.has(x); x = chains.next[x]!) {
    seen.add(x);
    out.push(x);
  }
  return out;
}

/** A table point placed on the network: its reach and km from the reach's upstream end. */
export interface ChainPoint {
  reachId: number;
  offsetKm: number;
}

/**
 * Positions of table points along a main path that starts at (startReach, startOffsetKm), in km
 * from the start: points on the path or below it get km ≥ 0, points above the start whose own
 * main chain passes through the start get negative km. Points off the chain are left out.
 */
export function placeOnPath<T extends ChainPoint>(
  chains: MainChains,
  points: readonly T[],
  chainSets: ReadonlyMap<T, ReadonlySet<number>>,
  startReach: number,
  startOffsetKm: number,
): { point: T; km: number }[] {
  const startD = chains.kmToEnd[startReach]! - startOffsetKm;
  const below = new Set(chainBelow(chains, startReach));
  const out: { point: T; km: number }[] = [];
  for (const p of points) {
    const d = chains.kmToEnd[p.reachId]! - p.offsetKm;
    const onBelow = below.has(p.reachId) && (p.reachId !== startReach || p.offsetKm >= startOffsetKm);
    const above = chainSets.get(p)?.has(startReach) === true && d >= startD;
    if (onBelow || above) out.push({ point: p, km: startD - d });
  }
  return out.sort((a, b) => a.km - b.km);
}

/** The main-chain reach sets of table points (for placeOnPath). */
export function chainSetsOf<T extends ChainPoint>(
  chains: MainChains,
  points: readonly T[],
): Map<T, Set<number>> {
  return new Map(points.map((p) => [p, new Set(chainBelow(chains, p.reachId))]));
}
