// The main chain below every reach (the reaches a trace's main path follows to its outlet) as a
// distance coordinate: km from a reach's upstream end to the end of its chain. Along one main path
// the coordinate falls exactly by the km travelled, so points of any table (gauges, official river
// km) that lie on or above a path can be placed on it without walking the network per trace; a
// nested-set numbering answers "is this reach on that one's chain" in O(1).
import { mainOutflow } from './main-path.js';
import type { RiverNetwork } from './river-network.js';

export interface MainChains {
  /** Main downstream reach of each reach (-1 at an outlet or a dead end). */
  next: Int32Array;
  /** Km from each reach's upstream end to the end of its main chain. */
  kmToEnd: Float64Array;
  /**
   * Nested-set numbering of the forest the `next` links make (DFS from each chain's end): reach a lies
   * on b's main chain exactly when pre[a] <= pre[b] and post[b] <= post[a].
   */
  pre: Int32Array;
  post: Int32Array;
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
  const { pre, post } = nestedSets(next);
  const out = { next, kmToEnd, pre, post };
  cache.set(net, out);
  return out;
}

function nestedSets(next: Int32Array): { pre: Int32Array; post: Int32Array } {
  const n = next.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  for (let r = 0; r < n; r++) if (next[r]! !== -1) children[next[r]!]!.push(r);
  const pre = new Int32Array(n).fill(-1);
  const post = new Int32Array(n).fill(-1);
  let counter = 0;
  const visit = (root: number) => {
    const stack: [number, number][] = [[root, 0]];
    pre[root] = counter++;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const kids = children[top[0]]!;
      if (top[1] < kids.length) {
        const child = kids[top[1]++]!;
        if (pre[child] !== -1) continue;
        pre[child] = counter++;
        stack.push([child, 0]);
      } else {
        post[top[0]] = counter++;
        stack.pop();
      }
    }
  };
  for (let r = 0; r < n; r++) if (next[r] === -1) visit(r);
  // Reaches on a cycle of `next` links (none after orientation) become roots of their own.
  for (let r = 0; r < n; r++) if (pre[r] === -1) visit(r);
  return { pre, post };
}

/** Does reach `a` lie on the main chain below reach `b` (or is it `b`)? */
export const onChainBelow = (chains: MainChains, a: number, b: number): boolean =>
  chains.pre[a]! <= chains.pre[b]! && chains.post[b]! <= chains.post[a]!;

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
  startReach: number,
  startOffsetKm: number,
): { point: T; km: number }[] {
  const startD = chains.kmToEnd[startReach]! - startOffsetKm;
  const out: { point: T; km: number }[] = [];
  for (const p of points) {
    const d = chains.kmToEnd[p.reachId]! - p.offsetKm;
    const same = p.reachId === startReach;
    const below = same ? p.offsetKm >= startOffsetKm : onChainBelow(chains, p.reachId, startReach);
    const above = same ? p.offsetKm < startOffsetKm : onChainBelow(chains, startReach, p.reachId);
    if (below || above) out.push({ point: p, km: startD - d });
  }
  return out.sort((a, b) => a.km - b.km);
}
