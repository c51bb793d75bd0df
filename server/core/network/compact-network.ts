// A compact river network for very large sources (HydroRIVERS: 8.5 M reaches): everything in typed
// arrays — CSR outflows per node, Float32 vertices, a string table, an R-tree over reach boxes — kept
// in one ArrayBuffer that is written as is and read back as views, without parsing.
import Flatbush from 'flatbush';
import { haversineKm, projectOnSegment } from '../geo/geodesy.js';

/** Sections in file order; each is a typed array view into the one buffer. */
const SECTIONS = {
  reachTo: Int32Array,
  vertexStart: Uint32Array,
  coords: Float32Array,
  lengthKm: Float32Array,
  dischargeM3s: Float32Array,
  sourceId: Int32Array,
  nameId: Int32Array,
  outStart: Uint32Array,
  outList: Int32Array,
  nodeOutlet: Int32Array,
  outletNode: Int32Array,
  outletKind: Uint8Array,
  nameBytes: Uint8Array,
  nameStart: Uint32Array,
  index: Uint8Array,
} as const;
type SectionName = keyof typeof SECTIONS;
type Arrays = { [K in SectionName]: InstanceType<(typeof SECTIONS)[K]> };

const MAGIC = 0x48_5a_4e_31; // "HZN1"

export type CompactOutletKind = 'sea' | 'inland_sink';

/** What a builder provides: reach i starts at node i; `to` is a reach head or an outlet node ≥ reach count. */
export interface CompactInput {
  reachTo: Int32Array<ArrayBuffer>;
  vertexStart: Uint32Array<ArrayBuffer>;
  coords: Float32Array<ArrayBuffer>;
  dischargeM3s: Float32Array<ArrayBuffer>;
  sourceId: Int32Array<ArrayBuffer>;
  nameId: Int32Array<ArrayBuffer>;
  names: readonly string[];
  outletNode: Int32Array<ArrayBuffer>;
  outletKind: Uint8Array<ArrayBuffer>;
}

export interface CompactTrace {
  reaches: number[];
  lengthKm: number;
  outlet: number;
}

export class CompactNetwork {
  readonly reachCount: number;
  readonly nodeCount: number;
  private readonly index: Flatbush;
  private readonly decoder = new TextDecoder();

  private constructor(
    readonly a: Arrays,
    readonly buffer: ArrayBuffer,
    indexOffset: number,
  ) {
    this.reachCount = a.reachTo.length;
    this.nodeCount = a.nodeOutlet.length;
    this.index = Flatbush.from(buffer, indexOffset);
  }

  /** Builds every derived array (lengths, CSR outflows, outlet per node, R-tree) and packs the buffer. */
  static build(input: CompactInput): CompactNetwork {
    const n = input.reachTo.length;
    const nodeCount = n + input.outletNode.length;
    const lengthKm = new Float32Array(n);
    const c = input.coords;
    const index = new Flatbush(Math.max(1, n), 16, Float32Array);
    for (let r = 0; r < n; r++) {
      let km = 0;
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (let v = input.vertexStart[r]!; v < input.vertexStart[r + 1]!; v++) {
        const x = c[2 * v]!;
        const y = c[2 * v + 1]!;
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
        if (v > input.vertexStart[r]!) km += haversineKm(c[2 * v - 2]!, c[2 * v - 1]!, x, y);
      }
      lengthKm[r] = km;
      index.add(minX, minY, maxX, maxY);
    }
    if (n === 0) index.add(0, 0, 0, 0);
    index.finish();
    // CSR outflows: reach r leaves node r (its head), so node r has exactly reach r; outlets have none.
    const outStart = new Uint32Array(nodeCount + 1);
    for (let r = 0; r < n; r++) outStart[r + 1] = 1;
    for (let v = 0; v < nodeCount; v++) outStart[v + 1]! += outStart[v]!;
    const outList = new Int32Array(n);
    for (let r = 0; r < n; r++) outList[outStart[r]!] = r;
    // Outlet of every node, memoised along NEXT_DOWN chains.
    const nodeOutlet = new Int32Array(nodeCount).fill(-1);
    input.outletNode.forEach((node, k) => {
      nodeOutlet[node] = k;
    });
    const stack: number[] = [];
    for (let s = 0; s < n; s++) {
      let v = s;
      while (nodeOutlet[v] === -1) {
        stack.push(v);
        v = input.reachTo[v]!;
      }
      const o = nodeOutlet[v]!;
      while (stack.length) nodeOutlet[stack.pop()!] = o;
    }
    const encoded = input.names.map((s) => new TextEncoder().encode(s));
    const nameStart = new Uint32Array(encoded.length + 1);
    encoded.forEach((b, i) => {
      nameStart[i + 1] = nameStart[i]! + b.length;
    });
    const nameBytes = new Uint8Array(nameStart[encoded.length]!);
    encoded.forEach((b, i) => {
      nameBytes.set(b, nameStart[i]!);
    });
    const arrays: Arrays = {
      reachTo: input.reachTo,
      vertexStart: input.vertexStart,
      coords: input.coords,
      lengthKm,
      dischargeM3s: input.dischargeM3s,
      sourceId: input.sourceId,
      nameId: input.nameId,
      outStart,
      outList,
      nodeOutlet,
      outletNode: input.outletNode,
      outletKind: input.outletKind,
      nameBytes,
      nameStart,
      index: new Uint8Array(index.data as ArrayBuffer),
    };
    return CompactNetwork.fromBuffer(pack(arrays));
  }

  /** Views over a packed buffer (as written by `buffer`): no copy, no parsing. */
  static fromBuffer(buffer: ArrayBuffer, byteOffset = 0): CompactNetwork {
    const head = new Uint32Array(buffer, byteOffset, 2 + 2 * Object.keys(SECTIONS).length);
    if (head[0] !== MAGIC) throw new Error('Not a HazAtlas compact network (bad magic number).');
    const arrays = {} as Record<SectionName, unknown>;
    let indexOffset = 0;
    (Object.keys(SECTIONS) as SectionName[]).forEach((name, i) => {
      const offset = byteOffset + head[2 + 2 * i]!;
      const length = head[3 + 2 * i]!;
      arrays[name] = new SECTIONS[name](buffer, offset, length);
      if (name === 'index') indexOffset = offset;
    });
    return new CompactNetwork(arrays as Arrays, buffer, indexOffset);
  }

  name(reach: number): string | null {
    const id = this.a.nameId[reach]!;
    if (id < 0) return null;
    return this.decoder.decode(this.a.nameBytes.subarray(this.a.nameStart[id]!, this.a.nameStart[id + 1]!));
  }

  /** Nearest reach within maxKm: R-tree candidates by box, then exact distance to their segments. */
  snap(
    lon: number,
    lat: number,
    maxKm: number,
  ): { reach: number; offsetKm: number; distanceKm: number } | null {
    const deg = maxKm / 111.32 / Math.max(0.05, Math.cos((lat * Math.PI) / 180));
    const { coords: c, vertexStart } = this.a;
    let best: { reach: number; offsetKm: number; distanceKm: number } | null = null;
    for (const r of this.index.search(lon - deg, lat - deg, lon + deg, lat + deg)) {
      if (r >= this.reachCount) continue;
      let along = 0;
      for (let v = vertexStart[r]!; v + 1 < vertexStart[r + 1]!; v++) {
        const p = projectOnSegment(lon, lat, c[2 * v]!, c[2 * v + 1]!, c[2 * v + 2]!, c[2 * v + 3]!);
        const segKm = haversineKm(c[2 * v]!, c[2 * v + 1]!, c[2 * v + 2]!, c[2 * v + 3]!);
        if (p.distanceKm <= maxKm && (!best || p.distanceKm < best.distanceKm))
          best = { reach: r, offsetKm: along + p.t * segKm, distanceKm: p.distanceKm };
        along += segKm;
      }
    }
    return best;
  }

  /** Downstream from a reach: the reaches to the outlet (every HydroRIVERS reach has one outflow). */
  trace(reach: number, offsetKm = 0): CompactTrace {
    const { outStart, outList, lengthKm, reachTo } = this.a;
    const reaches = [reach];
    let km = lengthKm[reach]! - offsetKm;
    let node = reachTo[reach]!;
    while (outStart[node + 1]! > outStart[node]!) {
      const next = outList[outStart[node]!]!;
      reaches.push(next);
      km += lengthKm[next]!;
      node = reachTo[next]!;
    }
    return { reaches, lengthKm: km, outlet: this.a.nodeOutlet[node]! };
  }
}

/** Header (magic, section count, then offset/length per section) and 8-byte-aligned sections. */
function pack(arrays: Arrays): ArrayBuffer {
  const names = Object.keys(SECTIONS) as SectionName[];
  const headBytes = 4 * (2 + 2 * names.length);
  let offset = Math.ceil(headBytes / 8) * 8;
  const placed = names.map((name) => {
    const at = offset;
    offset = Math.ceil((offset + arrays[name].byteLength) / 8) * 8;
    return at;
  });
  const buffer = new ArrayBuffer(offset);
  const head = new Uint32Array(buffer, 0, 2 + 2 * names.length);
  head[0] = MAGIC;
  head[1] = names.length;
  names.forEach((name, i) => {
    const arr = arrays[name];
    head[2 + 2 * i] = placed[i]!;
    head[3 + 2 * i] = arr.length;
    new Uint8Array(buffer, placed[i]!, arr.byteLength).set(
      new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength),
    );
  });
  return buffer;
}

/** The compact form of a network built from HydroRIVERS-schema reaches (see hydrorivers.ts). */
export function compactInputFromEdges(
  edges: readonly {
    to: number;
    coords: Float64Array;
    name: string | null;
    sourceId?: number | null;
    dischargeM3s?: number | null;
  }[],
  outlets: readonly { node: number; kind: string }[],
): CompactInput {
  const n = edges.length;
  const vertexStart = new Uint32Array(n + 1);
  edges.forEach((e, i) => {
    vertexStart[i + 1] = vertexStart[i]! + e.coords.length / 2;
  });
  const coords = new Float32Array(vertexStart[n]! * 2);
  const names: string[] = [];
  const nameIds = new Map<string, number>();
  const nameId = new Int32Array(n);
  edges.forEach((e, i) => {
    coords.set(e.coords, vertexStart[i]! * 2);
    if (e.name === null) nameId[i] = -1;
    else {
      let id = nameIds.get(e.name);
      if (id === undefined) {
        id = names.push(e.name) - 1;
        nameIds.set(e.name, id);
      }
      nameId[i] = id;
    }
  });
  return {
    reachTo: Int32Array.from(edges, (e) => e.to),
    vertexStart,
    coords,
    dischargeM3s: Float32Array.from(edges, (e) => e.dischargeM3s ?? Number.NaN),
    sourceId: Int32Array.from(edges, (e) => e.sourceId ?? -1),
    nameId,
    names,
    outletNode: Int32Array.from(outlets, (o) => o.node),
    outletKind: Uint8Array.from(outlets, (o) => (o.kind === 'sea' ? 0 : 1)),
  };
}
