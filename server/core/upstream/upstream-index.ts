// Nested-set numbering of the river network's main-path trees, so that "every reach upstream of r"
// is the pre-order range [pre[r], post[r]]; plus km and travel hours from each reach to its outlet.
import { mainOutflow } from '../trace/main-path.js';
import type { RiverNetwork } from '../trace/river-network.js';
import { DEFAULT_VELOCITY_MODEL, hoursFor, type ReachVelocity, reachVelocityMs } from './velocity.js';

/**
 * Where the network splits (deltas, braided arms) each reach belongs to the tree of its main
 * downstream reach only (the trace's main path). Water that leaves a split by a side arm `into`
 * coming from reach `from` is a side entry: an upstream query that reaches `into` also searches the
 * tree of `from` (see upstream-query.ts), so delta arms see everything above the split.
 */
export interface SideEntry {
  from: number;
  into: number;
}

export interface UpstreamIndex {
  /** Main downstream reach of each reach, -1 for a tree root (ends at an outlet or a dead end). */
  parent: Int32Array;
  /** Pre-order number of each reach; its subtree holds the reaches numbered pre[r]..post[r]. */
  pre: Int32Array;
  post: Int32Array;
  lengthKm: Float64Array;
  velocityMs: Float64Array;
  /** Km and hours from a reach's upstream end to the end of its main path (its tree's root outlet). */
  kmTop: Float64Array;
  hoursTop: Float64Array;
  /** Side entries sorted by pre[into], with those pre numbers for binary search. */
  sideEntries: SideEntry[];
  sideEntryPre: Int32Array;
  /** Which velocities produced the hours (said in query results). */
  velocityModel: string;
}

/** A point on a reach: `offsetKm` from the reach's upstream end. */
export interface ReachPoint {
  reachId: number;
  offsetKm: number;
}

const cache = new WeakMap<RiverNetwork, UpstreamIndex>();

/**
 * The index of a network with default velocities, built once per network object (the network is
 * immutable while loaded). Its numbering is what the register stores; the numbering does not
 * depend on velocities, so an index with other velocities numbers reaches the same way.
 */
export function upstreamIndexOf(net: RiverNetwork): UpstreamIndex {
  let index = cache.get(net);
  if (!index) {
    index = buildUpstreamIndex(net, reachVelocityMs, DEFAULT_VELOCITY_MODEL);
    cache.set(net, index);
  }
  return index;
}

export function buildUpstreamIndex(
  net: RiverNetwork,
  velocity: ReachVelocity,
  velocityModel: string,
): UpstreamIndex {
  const n = net.reaches.length;
  const parent = new Int32Array(n).fill(-1);
  const lengthKm = new Float64Array(n);
  const velocityMs = new Float64Array(n);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (const r of net.reaches) {
    lengthKm[r.id] = r.lengthKm;
    velocityMs[r.id] = velocity(r);
    // The trace stops at an outlet even where a line goes on, so an outlet ends the tree too.
    const next = net.outletAt.has(r.to) ? null : mainOutflow(net, r);
    if (next && next.id !== r.id) {
      parent[r.id] = next.id;
      children[next.id]!.push(r.id);
    }
  }
  const pre = new Int32Array(n).fill(-1);
  const post = new Int32Array(n);
  const kmTop = new Float64Array(n);
  const hoursTop = new Float64Array(n);
  let counter = 0;
  const number = (root: number) => {
    // Iterative DFS: a tree can be thousands of reaches deep.
    kmTop[root] = lengthKm[root]!;
    hoursTop[root] = hoursFor(lengthKm[root]!, velocityMs[root]!);
    const stack: [number, number][] = [[root, 0]];
    pre[root] = counter++;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const kids = children[top[0]]!;
      if (top[1] < kids.length) {
        const c = kids[top[1]++]!;
        if (pre[c] !== -1) continue;
        pre[c] = counter++;
        kmTop[c] = kmTop[top[0]]! + lengthKm[c]!;
        hoursTop[c] = hoursTop[top[0]]! + hoursFor(lengthKm[c]!, velocityMs[c]!);
        stack.push([c, 0]);
      } else {
        post[top[0]] = counter - 1;
        stack.pop();
      }
    }
  };
  for (let r = 0; r < n; r++) if (parent[r] === -1) number(r);
  // A main-path cycle (none after orientation, but the trace guards against one) has no root:
  // cut it at its lowest id so every reach is numbered.
  for (let r = 0; r < n; r++) {
    if (pre[r] !== -1) continue;
    const p = parent[r]!;
    children[p] = children[p]!.filter((c) => c !== r);
    parent[r] = -1;
    number(r);
  }

  const sideEntries: SideEntry[] = [];
  for (const r of net.reaches) {
    if (net.outletAt.has(r.to)) continue;
    for (const id of net.outflows[r.to]!)
      if (id !== parent[r.id] && id !== r.id) sideEntries.push({ from: r.id, into: id });
  }
  sideEntries.sort((a, b) => pre[a.into]! - pre[b.into]! || a.from - b.from);
  return {
    parent,
    pre,
    post,
    lengthKm,
    velocityMs,
    kmTop,
    hoursTop,
    sideEntries,
    sideEntryPre: Int32Array.from(sideEntries, (e) => pre[e.into]!),
    velocityModel,
  };
}

/** Km from a point to the end of its reach's main path. */
export const kmToOutlet = (ix: UpstreamIndex, p: ReachPoint): number => ix.kmTop[p.reachId]! - p.offsetKm;

/** Hours from a point to the end of its reach's main path. */
export const hoursToOutlet = (ix: UpstreamIndex, p: ReachPoint): number =>
  ix.hoursTop[p.reachId]! - hoursFor(p.offsetKm, ix.velocityMs[p.reachId]!);

/** The point `km` further down the main path from `p` (clamped at the path's end). */
export function alongMainPath(ix: UpstreamIndex, p: ReachPoint, km: number): ReachPoint {
  let reachId = p.reachId;
  let offsetKm = p.offsetKm + km;
  for (;;) {
    const len = ix.lengthKm[reachId]!;
    const next = ix.parent[reachId]!;
    if (offsetKm <= len || next === -1) return { reachId, offsetKm: Math.min(offsetKm, len) };
    offsetKm -= len;
    reachId = next;
  }
}

/** Index of the first side entry with pre[into] >= pre (binary search). */
export function firstSideEntryAt(ix: UpstreamIndex, pre: number): number {
  let lo = 0;
  let hi = ix.sideEntryPre.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.sideEntryPre[mid]! < pre) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
