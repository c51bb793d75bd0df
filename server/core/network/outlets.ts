// Finds where water leaves the network: line ends at the coast, in a terminal lake, or (for a
// system with neither) the inland end its digitising direction points to.

import { PolygonLocator } from '../geo/polygon-locator.js';
import { SegmentIndex } from '../geo/segment-index.js';
import type { Topology } from './topology.js';
import type { NamedPolygon, OutletKind } from './types.js';

export interface OutletSeed {
  node: number;
  kind: OutletKind;
  /** Lake name for terminal lakes; filled later for seas. */
  name: string | null;
}

export function findOutlets(
  topo: Topology,
  coastline: readonly ArrayLike<number>[],
  terminalLakes: readonly NamedPolygon[],
  coastKm: number,
): OutletSeed[] {
  const degree = nodeDegrees(topo);
  const coast = new SegmentIndex(coastline);
  const lakeLocator = new PolygonLocator(terminalLakes.map((l) => ({ item: l.name, geometry: l.geometry })));
  const lakeRings: number[][] = [];
  const lakeRingName: string[] = [];
  for (const lake of terminalLakes) {
    const polys = lake.geometry.type === 'Polygon' ? [lake.geometry.coordinates] : lake.geometry.coordinates;
    for (const p of polys) {
      for (const ring of p) {
        lakeRings.push(ring.flatMap((pos) => [pos[0]!, pos[1]!]));
        lakeRingName.push(lake.name);
      }
    }
  }
  const lakeShores = new SegmentIndex(lakeRings);

  const outlets: OutletSeed[] = [];
  for (let node = 0; node < degree.length; node++) {
    if (degree[node] !== 1) continue;
    const lon = topo.nodeLon[node]!;
    const lat = topo.nodeLat[node]!;
    const lake = lakeLocator.locate(lon, lat) ?? nearShore(lakeShores, lakeRingName, lon, lat, coastKm);
    if (lake) outlets.push({ node, kind: 'terminal_lake', name: lake });
    else if (coast.anyWithin(lon, lat, coastKm)) outlets.push({ node, kind: 'sea', name: null });
  }
  outlets.push(...inlandSinks(topo, degree, new Set(outlets.map((o) => o.node))));
  return outlets;
}

function nearShore(
  index: SegmentIndex,
  names: string[],
  lon: number,
  lat: number,
  km: number,
): string | null {
  const hit = index.nearest(lon, lat, km);
  return hit ? (names[hit.line] ?? null) : null;
}

export function nodeDegrees(topo: Topology): Int32Array {
  const degree = new Int32Array(topo.nodeLon.length);
  for (const e of topo.edges) {
    degree[e.from]!++;
    degree[e.to]!++;
  }
  return degree;
}

/**
 * A connected system with no coastal or lake outlet ends inland (rivers that dry out in a desert).
 * Its sink is the digitised downstream end that the most edges drain to when following digitising.
 */
function inlandSinks(topo: Topology, degree: Int32Array, outletNodes: Set<number>): OutletSeed[] {
  const n = topo.nodeLon.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  const incoming: number[][] = Array.from({ length: n }, () => []);
  topo.edges.forEach((e, i) => {
    adj[e.from]!.push(i);
    adj[e.to]!.push(i);
    incoming[e.to]!.push(e.from);
  });
  const component = new Int32Array(n).fill(-1);
  const sinks: OutletSeed[] = [];
  for (let start = 0; start < n; start++) {
    if (component[start] !== -1 || adj[start]!.length === 0) continue;
    const members: number[] = [];
    const stack = [start];
    component[start] = start;
    while (stack.length) {
      const v = stack.pop()!;
      members.push(v);
      for (const ei of adj[v]!) {
        const e = topo.edges[ei]!;
        const u = e.from === v ? e.to : e.from;
        if (component[u] === -1) {
          component[u] = start;
          stack.push(u);
        }
      }
    }
    if (members.some((m) => outletNodes.has(m))) continue;
    let best = -1;
    let bestCount = -1;
    for (const m of members) {
      if (degree[m] !== 1 || incoming[m]!.length !== 1) continue;
      const count = upstreamCount(m, incoming);
      if (count > bestCount || (count === bestCount && m < best)) {
        best = m;
        bestCount = count;
      }
    }
    if (best < 0) best = Math.min(...members);
    sinks.push({ node: best, kind: 'inland_sink', name: null });
  }
  return sinks;
}

function upstreamCount(node: number, incoming: number[][]): number {
  const seen = new Set([node]);
  const stack = [node];
  while (stack.length) {
    for (const u of incoming[stack.pop()!]!) {
      if (!seen.has(u)) {
        seen.add(u);
        stack.push(u);
      }
    }
  }
  return seen.size;
}
