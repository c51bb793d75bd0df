// Orients every edge toward an outlet: a search from all outlets where walking against the
// digitised direction costs `penalty`× more, so wrongly drawn stretches are turned, but only
// when no plausible digitised route exists. Digitising direction alone is never trusted.
import { MinHeap } from './min-heap.js';
import type { Topology } from './topology.js';

export interface Orientation {
  /** Per edge: true when flow runs against the digitising direction. */
  reversed: boolean[];
  /** Penalised cost from each node to its nearest outlet (Infinity when unreachable). */
  cost: Float64Array;
  /** Per node: the edge its cheapest route leaves by (-1 for outlets/unreached). */
  via: Int32Array;
  /** Edges whose orientation was re-decided to break a cycle. */
  cycleFixes: number[];
}

export function orient(
  topo: Topology,
  outletNodes: readonly number[],
  penalty: number,
  forced: ReadonlyMap<number, 'digitised' | 'reversed'>,
): Orientation {
  const n = topo.nodeLon.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  topo.edges.forEach((e, i) => {
    adj[e.from]!.push(i);
    adj[e.to]!.push(i);
  });
  // Cost of water flowing along edge i from node a to its other end.
  const flowCost = (i: number, a: number): number => {
    const e = topo.edges[i]!;
    const force = forced.get(i);
    const digitised = e.from === a;
    if (force) return (force === 'digitised') === digitised ? e.lengthKm : Number.POSITIVE_INFINITY;
    return digitised ? e.lengthKm : e.lengthKm * penalty;
  };

  const cost = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const via = new Int32Array(n).fill(-1);
  const heap = new MinHeap();
  for (const o of outletNodes) {
    cost[o] = 0;
    heap.push(0, o);
  }
  while (heap.size) {
    const [d, v] = heap.pop();
    if (d > cost[v]!) continue;
    for (const i of adj[v]!) {
      const e = topo.edges[i]!;
      const u = e.from === v ? e.to : e.from;
      const nd = d + flowCost(i, u);
      if (nd < cost[u]!) {
        cost[u] = nd;
        via[u] = i;
        heap.push(nd, u);
      }
    }
  }

  const reversed = topo.edges.map((e, i) => {
    const along = flowCost(i, e.from) + cost[e.to]!;
    const against = flowCost(i, e.to) + cost[e.from]!;
    return against < along;
  });
  const cycleFixes = breakCycles(topo, reversed, cost);
  return { reversed, cost, via, cycleFixes };
}

/** Re-orients the edges of every strongly connected component by strictly falling cost. */
function breakCycles(topo: Topology, reversed: boolean[], cost: Float64Array): number[] {
  const n = topo.nodeLon.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  topo.edges.forEach((e, i) => {
    const [a, b] = reversed[i] ? [e.to, e.from] : [e.from, e.to];
    out[a]!.push(b);
  });
  const comp = stronglyConnected(out);
  const size = new Map<number, number>();
  for (const c of comp) size.set(c, (size.get(c) ?? 0) + 1);
  const fixed: number[] = [];
  topo.edges.forEach((e, i) => {
    if (comp[e.from] !== comp[e.to] || (size.get(comp[e.from]!) ?? 0) < 2) return;
    const flowsToTo = cost[e.to]! < cost[e.from]! || (cost[e.to] === cost[e.from] && e.to < e.from);
    const shouldReverse = !flowsToTo;
    if (shouldReverse !== reversed[i]) fixed.push(i);
    reversed[i] = shouldReverse;
  });
  return fixed;
}

/** Iterative Tarjan; returns a component id per node. */
export function stronglyConnected(out: number[][]): Int32Array {
  const n = out.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1]!;
      const [v, pos] = top;
      const next = out[v]![pos];
      if (next !== undefined) {
        top[1]++;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          work.push([next, 0]);
        } else if (onStack[next]) low[v] = Math.min(low[v]!, index[next]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = v;
          if (w === v) break;
        }
      }
    }
  }
  return comp;
}
