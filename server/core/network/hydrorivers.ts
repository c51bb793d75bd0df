// Builds the routed network from HydroRIVERS-schema reaches: topology from NEXT_DOWN only (never from
// touching geometry), one node at the head of every reach, outlets where NEXT_DOWN = 0.
import { cumulativeKm } from '../geo/geodesy.js';
import type { Edge, OutletKind } from './types.js';

/** One HydroRIVERS reach as read from any of the source formats. */
export interface HydroReachRecord {
  /** HYRIV_ID */
  id: number;
  /** NEXT_DOWN: the reach this one drains into, 0 at the sea or an inland sink. */
  nextDown: number;
  /** ENDORHEIC = 1: the basin ends in an inland sink. */
  endorheic: boolean;
  /** DIS_AV_CMS: long-term mean discharge, m³/s. */
  dischargeM3s: number | null;
  /** ORD_FLOW: river order by discharge (1 = > 100,000 m³/s … 9 = < 0.01 m³/s). */
  ordFlow: number | null;
  /** Interleaved lon,lat; HydroRIVERS digitises each reach in flow direction. */
  coords: number[];
  name: string | null;
  /** The source's reach id when it differs from `id` (pieces of a split reach); null for added lines. */
  sourceId?: number | null;
}

/** A HydroRIVERS edge: an Edge plus the source's reach id and mean discharge. */
export interface HydroEdge extends Edge {
  sourceId: number | null;
  dischargeM3s: number | null;
}

export interface HydroNetwork {
  edges: HydroEdge[];
  nodeLon: number[];
  nodeLat: number[];
  outlets: { node: number; kind: OutletKind; sourceId: number }[];
  /** Basin of each edge: the index of the outlet it drains to. */
  edgeBasin: number[];
  /** Outlet reached from each node (every node drains to exactly one). */
  nodeOutlet: Int32Array;
  stats: { reaches: number; outlets: number; endorheicOutlets: number; totalKm: number };
}

export class TopologyError extends Error {}

const LIST_MAX = 20;
const list = (ids: readonly (number | string)[]) =>
  ids.length > LIST_MAX
    ? `${ids.slice(0, LIST_MAX).join(', ')} and ${ids.length - LIST_MAX} more`
    : ids.join(', ');

/**
 * Scalerank stand-in from ORD_FLOW, chosen so the Natural Earth size-class defaults (4,000 m³/s at
 * rank 0 … 10 at rank 12) fall in the same flow class; used only where DIS_AV_CMS is missing.
 */
export function scalerankOfOrdFlow(ordFlow: number | null, dischargeM3s: number | null): number {
  if (dischargeM3s !== null && dischargeM3s > 0) {
    const byRank = [4000, 3000, 1500, 800, 400, 250, 150, 90, 60, 40, 25, 15, 10];
    const i = byRank.findIndex((q) => dischargeM3s >= q * 0.75);
    return i < 0 ? 12 : i;
  }
  if (ordFlow === null) return 12;
  return Math.max(0, Math.min(12, 2 * ordFlow - 4));
}

/** Refuses broken topology (duplicate ids, NEXT_DOWN to a missing reach, cycles), naming the reaches. */
export function checkTopology(records: readonly HydroReachRecord[]): Map<number, number> {
  const index = new Map<number, number>();
  const dupes = new Set<number>();
  records.forEach((r, i) => {
    if (index.has(r.id)) dupes.add(r.id);
    else index.set(r.id, i);
  });
  if (dupes.size > 0) throw new TopologyError(`Duplicate HYRIV_ID: ${list([...dupes])}.`);
  const missing = records
    .filter((r) => r.nextDown !== 0 && !index.has(r.nextDown))
    .map((r) => `${r.id} → ${r.nextDown}`);
  if (missing.length > 0)
    throw new TopologyError(
      `NEXT_DOWN names a reach that is not in the file (reach → NEXT_DOWN): ${list(missing)}. ` +
        'Use a whole basin or region file, or set NEXT_DOWN = 0 where the extract ends.',
    );
  const emptyGeom = records.filter((r) => r.coords.length < 4).map((r) => r.id);
  if (emptyGeom.length > 0) throw new TopologyError(`Reaches without a line geometry: ${list(emptyGeom)}.`);
  // Each reach has one successor, so the graph is a forest of in-trees unless a walk meets itself.
  const state = new Uint8Array(records.length); // 0 new, 1 on the current walk, 2 done
  const cycles: number[][] = [];
  for (let s = 0; s < records.length; s++) {
    if (state[s] !== 0) continue;
    const walk: number[] = [];
    let i: number | undefined = s;
    while (i !== undefined && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      const next: number = records[i]!.nextDown;
      i = next === 0 ? undefined : index.get(next);
    }
    if (i !== undefined && state[i] === 1)
      cycles.push(walk.slice(walk.indexOf(i)).map((k) => records[k]!.id));
    for (const k of walk) state[k] = 2;
  }
  if (cycles.length > 0)
    throw new TopologyError(
      `NEXT_DOWN forms ${cycles.length === 1 ? 'a cycle' : `${cycles.length} cycles`}: ` +
        cycles
          .slice(0, LIST_MAX)
          .map((c) => `${list(c)} → ${c[0]}`)
          .join('; ') +
        '.',
    );
  return index;
}

export function buildHydroNetwork(records: readonly HydroReachRecord[]): HydroNetwork {
  const index = checkTopology(records);
  const n = records.length;
  const nodeLon: number[] = new Array(n);
  const nodeLat: number[] = new Array(n);
  records.forEach((r, i) => {
    nodeLon[i] = r.coords[0]!;
    nodeLat[i] = r.coords[1]!;
  });
  const outlets: HydroNetwork['outlets'] = [];
  const edges: HydroEdge[] = records.map((r, i) => {
    let to: number;
    if (r.nextDown === 0) {
      to = nodeLon.length;
      nodeLon.push(r.coords[r.coords.length - 2]!);
      nodeLat.push(r.coords[r.coords.length - 1]!);
      outlets.push({ node: to, kind: r.endorheic ? 'inland_sink' : 'sea', sourceId: r.id });
    } else to = index.get(r.nextDown)!;
    const coords = Float64Array.from(r.coords);
    const cum = cumulativeKm(coords);
    return {
      id: i,
      from: i,
      to,
      coords,
      lengthKm: cum[cum.length - 1]!,
      name: r.name,
      nameAlt: [],
      nameRu: null,
      featurecla: 'River',
      scalerank: scalerankOfOrdFlow(r.ordFlow, r.dischargeM3s),
      source: 'world',
      reversed: false,
      sourceId: r.sourceId === undefined ? r.id : r.sourceId,
      dischargeM3s: r.dischargeM3s,
    };
  });
  // Outlet of every node: follow NEXT_DOWN, memoising along the way (no recursion: chains are long).
  const nodeOutlet = new Int32Array(nodeLon.length).fill(-1);
  outlets.forEach((o, k) => {
    nodeOutlet[o.node] = k;
  });
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    let v = s;
    while (nodeOutlet[v] === -1) {
      stack.push(v);
      v = edges[v]!.to;
    }
    const o = nodeOutlet[v]!;
    while (stack.length) nodeOutlet[stack.pop()!] = o;
  }
  const edgeBasin = edges.map((e) => nodeOutlet[e.to]!);
  return {
    edges,
    nodeLon,
    nodeLat,
    outlets,
    edgeBasin,
    nodeOutlet,
    stats: {
      reaches: n,
      outlets: outlets.length,
      endorheicOutlets: outlets.filter((o) => o.kind === 'inland_sink').length,
      totalKm: edges.reduce((s, e) => s + e.lengthKm, 0),
    },
  };
}
