// Splits joined river lines into edges between nodes (line ends and vertices shared by several lines).
import { cumulativeKm } from '../geo/geodesy.js';
import { vertexKey } from './prepare-lines.js';
import type { RiverLine } from './types.js';

export interface RawEdge {
  from: number;
  to: number;
  /** Digitising order. */
  coords: Float64Array;
  lengthKm: number;
  line: RiverLine;
}

export interface Topology {
  nodeLon: number[];
  nodeLat: number[];
  edges: RawEdge[];
}

const MIN_EDGE_KM = 1e-6;

export function buildTopology(lines: RiverLine[]): Topology {
  const occurrences = new Map<string, number>();
  for (const l of lines) {
    for (let i = 0; i < l.coords.length; i += 2) {
      const k = vertexKey(l.coords[i]!, l.coords[i + 1]!);
      occurrences.set(k, (occurrences.get(k) ?? 0) + 1);
    }
  }
  const nodeIds = new Map<string, number>();
  const nodeLon: number[] = [];
  const nodeLat: number[] = [];
  const nodeOf = (lon: number, lat: number): number => {
    const k = vertexKey(lon, lat);
    let id = nodeIds.get(k);
    if (id === undefined) {
      id = nodeLon.length;
      nodeIds.set(k, id);
      nodeLon.push(lon);
      nodeLat.push(lat);
    }
    return id;
  };

  const edges: RawEdge[] = [];
  const emit = (line: RiverLine, part: number[]) => {
    const coords = dedupeConsecutive(part);
    if (coords.length < 4) return;
    const n = coords.length / 2;
    const from = nodeOf(coords[0]!, coords[1]!);
    const to = nodeOf(coords[2 * n - 2]!, coords[2 * n - 1]!);
    if (from === to) {
      // A closed loop (an island channel drawn as one line): split at its middle vertex.
      if (n < 3) return;
      const mid = Math.floor(n / 2);
      emit(line, Array.from(coords.subarray(0, 2 * mid + 2)));
      emit(line, Array.from(coords.subarray(2 * mid)));
      return;
    }
    const cum = cumulativeKm(coords);
    const lengthKm = cum[n - 1]!;
    if (lengthKm < MIN_EDGE_KM) return;
    edges.push({ from, to, coords, lengthKm, line });
  };

  for (const line of lines) {
    const c = line.coords;
    const n = c.length / 2;
    let start = 0;
    for (let i = 1; i < n; i++) {
      const isNode = i === n - 1 || (occurrences.get(vertexKey(c[2 * i]!, c[2 * i + 1]!)) ?? 0) > 1;
      if (!isNode) continue;
      emit(line, c.slice(2 * start, 2 * i + 2));
      start = i;
    }
  }
  return { nodeLon, nodeLat, edges };
}

function dedupeConsecutive(c: number[]): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < c.length; i += 2) {
    const n = out.length;
    if (n >= 2 && vertexKey(out[n - 2]!, out[n - 1]!) === vertexKey(c[i]!, c[i + 1]!)) continue;
    out.push(c[i]!, c[i + 1]!);
  }
  return Float64Array.from(out);
}
