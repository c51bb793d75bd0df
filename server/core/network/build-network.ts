// Builds the routed, oriented river network from raw Natural Earth lines (pure: no I/O).
import { cumulativeKm, haversineKm } from '../geo/geodesy.js';
import { SegmentIndex } from '../geo/segment-index.js';
import { orient } from './orient.js';
import { findOutlets, nodeDegrees, type OutletSeed } from './outlets.js';
import { dropDuplicates, snapDanglingEnds } from './prepare-lines.js';
import { buildTopology, type Topology } from './topology.js';
import type {
  BuildOptions,
  Diagnostic,
  Edge,
  Errata,
  ErrataPoint,
  NamedPolygon,
  RiverLine,
} from './types.js';

export interface BuiltNetwork {
  nodeLon: number[];
  nodeLat: number[];
  edges: Edge[];
  outlets: OutletSeed[];
  /** Per node: index into `outlets` reached by the cheapest route. */
  nodeOutlet: Int32Array;
  /** Per edge: weakly connected component id. */
  edgeBasin: Int32Array;
  diagnostics: Diagnostic[];
  /** Nodes where the build joined a dangling line end to another line (vertex keys). */
  snapJoins: Set<string>;
  stats: { inputLines: number; snappedEnds: number; cutEdges: number; reversedKm: number; totalKm: number };
}

export function buildNetwork(
  input: {
    rivers: RiverLine[];
    coastline: readonly ArrayLike<number>[];
    terminalLakes: readonly NamedPolygon[];
  },
  errata: Errata,
  opt: BuildOptions,
): BuiltNetwork {
  const diagnostics: Diagnostic[] = [];
  const lines = dropDuplicates(
    input.rivers.map((r) => ({ ...r, coords: [...r.coords] })),
    opt,
    diagnostics,
  );
  const { snapped, joins } = snapDanglingEnds(lines, opt, errata);
  const topo = buildTopology(lines);
  const cutEdges = applyCuts(topo, errata.cutEdges, false, diagnostics);
  applyCuts(topo, errata.splitEdges ?? [], true, diagnostics);

  const seeds = findOutlets(topo, input.coastline, input.terminalLakes, opt.outletCoastKm);
  const forced = linesIntoOutlets(topo, new Set(seeds.map((s) => s.node)));
  for (const [edge, flow] of forcedDirections(topo, errata, diagnostics)) forced.set(edge, flow);
  const o = orient(
    topo,
    seeds.map((s) => s.node),
    opt.againstDigitisedPenalty,
    forced,
  );

  const edges: Edge[] = topo.edges.map((e, id) => {
    const rev = o.reversed[id]!;
    return {
      id,
      from: rev ? e.to : e.from,
      to: rev ? e.from : e.to,
      coords: rev ? reverseCoords(e.coords) : e.coords,
      lengthKm: e.lengthKm,
      name: e.line.name,
      nameAlt: e.line.nameAlt,
      nameRu: e.line.nameRu ?? null,
      featurecla: e.line.featurecla,
      scalerank: e.line.scalerank,
      source: e.line.source,
      reversed: rev,
    };
  });

  const outletIndex = new Map(seeds.map((s, i) => [s.node, i]));
  const nodeOutlet = resolveOutlets(topo, o.via, outletIndex);
  for (const e of o.cycleFixes) {
    const edge = edges[e]!;
    diagnostics.push({
      kind: 'cycle_broken',
      lon: edge.coords[0]!,
      lat: edge.coords[1]!,
      message: `Edge ${edge.name ?? '(unnamed)'} re-oriented to break a cycle`,
    });
  }
  const degree = nodeDegrees(topo);
  topo.nodeLon.forEach((lon, node) => {
    if (nodeOutlet[node] === -1 && degree[node]! > 0) {
      diagnostics.push({
        kind: 'unreached_node',
        lon,
        lat: topo.nodeLat[node]!,
        message: 'Node reaches no outlet',
      });
    }
  });
  flagInterBasinLinks(topo, edges, seeds, nodeOutlet, opt.interBasinKm, diagnostics);

  let reversedKm = 0;
  let totalKm = 0;
  for (const e of edges) {
    totalKm += e.lengthKm;
    if (e.reversed) reversedKm += e.lengthKm;
  }
  return {
    nodeLon: topo.nodeLon,
    nodeLat: topo.nodeLat,
    edges,
    outlets: seeds,
    nodeOutlet,
    edgeBasin: components(topo),
    diagnostics,
    snapJoins: joins,
    stats: { inputLines: input.rivers.length, snappedEnds: snapped, cutEdges, reversedKm, totalKm },
  };
}

function reverseCoords(c: Float64Array): Float64Array {
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i += 2) {
    out[c.length - 2 - i] = c[i]!;
    out[c.length - 1 - i] = c[i + 1]!;
  }
  return out;
}

/**
 * Cuts edges at the errata points (bad links across a divide): the edge nearest to each point is
 * split there into two pieces with separate end nodes, so each side drains to its own basin. With
 * `connected` the pieces share the new node instead (a split for naming only).
 */
function applyCuts(
  topo: Topology,
  points: readonly (ErrataPoint & { radiusKm?: number })[],
  connected: boolean,
  diagnostics: Diagnostic[],
): number {
  if (points.length === 0) return 0;
  // One index for the batch; edges are then spliced from the back so earlier positions stay valid.
  const index = new SegmentIndex(topo.edges.map((e) => e.coords));
  const hits: { point: ErrataPoint; hit: NonNullable<ReturnType<SegmentIndex['nearest']>> }[] = [];
  for (const c of points) {
    const hit = index.nearest(c.lon, c.lat, c.radiusKm ?? 1);
    if (hit && !hits.some((h) => h.hit.line === hit.line)) hits.push({ point: c, hit });
    else
      diagnostics.push({
        kind: 'errata_unused',
        lon: c.lon,
        lat: c.lat,
        message: `${connected ? 'Split' : 'Cut'} matched ${hit ? 'an edge already divided' : 'no edge'}: ${c.reason}`,
      });
  }
  hits.sort((a, b) => b.hit.line - a.hit.line);
  let cuts = 0;
  for (const { hit } of hits) {
    const e = topo.edges[hit.line]!;
    const k = hit.seg + 1;
    const head = Float64Array.from([...e.coords.subarray(0, 2 * k), hit.lon, hit.lat]);
    const tail = Float64Array.from([hit.lon, hit.lat, ...e.coords.subarray(2 * k)]);
    const headKm = cumulativeKm(head).at(-1) ?? 0;
    const tailKm = cumulativeKm(tail).at(-1) ?? 0;
    // A naming split at an edge's end needs no new node: the name can already change there.
    if (connected && (headKm < 0.05 || tailKm < 0.05)) continue;
    const nodeA = topo.nodeLon.push(hit.lon) - 1;
    topo.nodeLat.push(hit.lat);
    let nodeB = nodeA;
    if (!connected) {
      nodeB = topo.nodeLon.push(hit.lon) - 1;
      topo.nodeLat.push(hit.lat);
    }
    const pieces = [
      { ...e, to: nodeA, coords: head, lengthKm: headKm },
      { ...e, from: nodeB, coords: tail, lengthKm: tailKm },
    ].filter((p) => p.lengthKm > 0);
    topo.edges.splice(hit.line, 1, ...pieces);
    cuts++;
  }
  return cuts;
}

/**
 * A source line ending at an outlet flows toward it: Natural Earth digitises a line in one
 * direction, and whole delta arms (the Chilia) are drawn from the mouth up. The rule follows the
 * line inward only through junctions with smaller rivers; where a river of its rank or bigger
 * meets it, the line may go on as a different channel (NE's Chilia line continues down the Tulcea arm).
 */
function linesIntoOutlets(topo: Topology, outletNodes: Set<number>): Map<number, 'digitised' | 'reversed'> {
  const byLine = new Map<RiverLine, number[]>();
  const atNode = new Map<number, number[]>();
  topo.edges.forEach((e, i) => {
    byLine.set(e.line, [...(byLine.get(e.line) ?? []), i]);
    for (const n of [e.from, e.to]) atNode.set(n, [...(atNode.get(n) ?? []), i]);
  });
  const forced = new Map<number, 'digitised' | 'reversed'>();
  for (const [line, ids] of byLine) {
    // Edges of a line are emitted in digitising order.
    const atStart = outletNodes.has(topo.edges[ids[0]!]!.from);
    const atEnd = outletNodes.has(topo.edges[ids[ids.length - 1]!]!.to);
    if (atStart === atEnd) continue;
    const inward = atEnd ? [...ids].reverse() : ids;
    for (const id of inward) {
      forced.set(id, atEnd ? 'digitised' : 'reversed');
      const e = topo.edges[id]!;
      const inner = atEnd ? e.from : e.to;
      const bigger = (atNode.get(inner) ?? []).some(
        (o) => topo.edges[o]!.line !== line && topo.edges[o]!.line.scalerank <= line.scalerank,
      );
      if (bigger) break;
    }
  }
  return forced;
}

function forcedDirections(
  topo: Topology,
  errata: Errata,
  diagnostics: Diagnostic[],
): Map<number, 'digitised' | 'reversed'> {
  const forced = new Map<number, 'digitised' | 'reversed'>();
  if (errata.directions.length === 0) return forced;
  const index = new SegmentIndex(topo.edges.map((e) => e.coords));
  for (const d of errata.directions) {
    const hit = index.nearest(d.lon, d.lat, 1);
    if (!hit) {
      diagnostics.push({
        kind: 'errata_unused',
        lon: d.lon,
        lat: d.lat,
        message: `Direction matched no edge: ${d.reason}`,
      });
      continue;
    }
    forced.set(hit.line, d.flow);
  }
  return forced;
}

/** Follows each node's cheapest route to its outlet (memoised). */
function resolveOutlets(topo: Topology, via: Int32Array, outletIndex: Map<number, number>): Int32Array {
  const result = new Int32Array(topo.nodeLon.length).fill(-2);
  for (let start = 0; start < result.length; start++) {
    const chain: number[] = [];
    let v = start;
    while (result[v] === -2) {
      const own = outletIndex.get(v);
      if (own !== undefined) {
        result[v] = own;
        break;
      }
      const e = via[v]!;
      if (e < 0) {
        result[v] = -1;
        break;
      }
      chain.push(v);
      const edge = topo.edges[e]!;
      v = edge.from === v ? edge.to : edge.from;
    }
    for (const c of chain) result[c] = result[v]!;
  }
  return result;
}

/** A split whose branches end at outlets far apart is a link across a divide, not a delta. */
function flagInterBasinLinks(
  topo: Topology,
  edges: Edge[],
  seeds: OutletSeed[],
  nodeOutlet: Int32Array,
  maxKm: number,
  diagnostics: Diagnostic[],
): void {
  const outs = new Map<number, number[]>();
  for (const e of edges) outs.set(e.from, [...(outs.get(e.from) ?? []), e.to]);
  for (const [node, targets] of outs) {
    if (targets.length < 2) continue;
    const reached = [...new Set(targets.map((t) => nodeOutlet[t]!).filter((x) => x >= 0))];
    for (let i = 0; i < reached.length; i++) {
      for (let j = i + 1; j < reached.length; j++) {
        const a = seeds[reached[i]!]!.node;
        const b = seeds[reached[j]!]!.node;
        const km = haversineKm(topo.nodeLon[a]!, topo.nodeLat[a]!, topo.nodeLon[b]!, topo.nodeLat[b]!);
        if (km > maxKm) {
          diagnostics.push({
            kind: 'inter_basin_link',
            lon: topo.nodeLon[node]!,
            lat: topo.nodeLat[node]!,
            message: `Split drains to outlets ${Math.round(km)} km apart: check for a link across a divide`,
          });
        }
      }
    }
  }
}

function components(topo: Topology): Int32Array {
  const parent = Array.from({ length: topo.nodeLon.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const e of topo.edges) parent[find(e.from)] = find(e.to);
  const ids = new Map<number, number>();
  return Int32Array.from(topo.edges, (e) => {
    const root = find(e.from);
    if (!ids.has(root)) ids.set(root, ids.size);
    return ids.get(root)!;
  });
}
