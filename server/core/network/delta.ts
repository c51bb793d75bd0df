// Finds a basin's delta: the part of the network downstream of the first bifurcation whose arms reach
// different outlets (a split that rejoins, such as an island arm, is not a delta).

export interface FlowReach {
  id: number;
  from: number;
  to: number;
  basinId: number;
}

export interface DeltaNetwork {
  reaches: readonly FlowReach[];
  /** Reach ids leaving each node. */
  outflows: readonly (readonly number[])[];
  /** Outlet id at a node, if the node is an outlet. */
  outletAt: ReadonlyMap<number, { id: number }>;
}

export interface Delta {
  basinId: number;
  /** The node where the arms part. */
  apexNode: number;
  /** Every reach downstream of the apex. */
  reachIds: number[];
  outletIds: number[];
}

/** Outlet ids reachable from each node of the basin (memoised DFS; cycles are cut where met). */
function reachableOutlets(net: DeltaNetwork, basinId: number): Map<number, Set<number>> {
  const memo = new Map<number, Set<number>>();
  const onStack = new Set<number>();
  const visit = (node: number): Set<number> => {
    const known = memo.get(node);
    if (known) return known;
    if (onStack.has(node)) return new Set();
    onStack.add(node);
    const out = new Set<number>();
    const outlet = net.outletAt.get(node);
    if (outlet) out.add(outlet.id);
    for (const rid of net.outflows[node] ?? []) {
      const r = net.reaches[rid];
      if (!r || r.basinId !== basinId) continue;
      for (const o of visit(r.to)) out.add(o);
    }
    onStack.delete(node);
    memo.set(node, out);
    return out;
  };
  for (const r of net.reaches) if (r.basinId === basinId) visit(r.from);
  return memo;
}

const sameSet = (a: Set<number>, b: Set<number>) => a.size === b.size && [...a].every((x) => b.has(x));

/** Nodes downstream of `start`, following reaches of the basin. */
function downstreamNodes(net: DeltaNetwork, basinId: number, start: number): Set<number> {
  const seen = new Set<number>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const n = stack.pop() as number;
    for (const rid of net.outflows[n] ?? []) {
      const r = net.reaches[rid];
      if (!r || r.basinId !== basinId || seen.has(r.to)) continue;
      seen.add(r.to);
      stack.push(r.to);
    }
  }
  return seen;
}

/**
 * The delta of a basin, or null when no split sends water to different outlets. Among the splits
 * reaching the most outlets, the apex is the one upstream of the others.
 */
export function findDelta(net: DeltaNetwork, basinId: number): Delta | null {
  const reach = reachableOutlets(net, basinId);
  const candidates: number[] = [];
  for (const [node, outlets] of reach) {
    const arms = (net.outflows[node] ?? [])
      .map((rid) => net.reaches[rid])
      .filter((r): r is FlowReach => r !== undefined && r.basinId === basinId);
    if (arms.length < 2 || outlets.size < 2) continue;
    const sets = arms.map((r) => reach.get(r.to) ?? new Set<number>());
    if (sets.some((s) => !sameSet(s, sets[0] as Set<number>))) candidates.push(node);
  }
  if (candidates.length === 0) return null;
  const most = Math.max(...candidates.map((n) => reach.get(n)?.size ?? 0));
  const top = candidates.filter((n) => (reach.get(n)?.size ?? 0) === most);
  let apex = top[0] as number;
  let bestBelow = -1;
  let below = new Set<number>();
  for (const n of top) {
    const down = downstreamNodes(net, basinId, n);
    const count = top.filter((m) => down.has(m)).length;
    if (count > bestBelow) {
      bestBelow = count;
      apex = n;
      below = down;
    }
  }
  const reachIds = net.reaches
    .filter((r) => r.basinId === basinId && below.has(r.from) && below.has(r.to))
    .map((r) => r.id);
  return { basinId, apexNode: apex, reachIds, outletIds: [...(reach.get(apex) ?? [])].sort((a, b) => a - b) };
}
