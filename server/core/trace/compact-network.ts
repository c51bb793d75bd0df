// RiverNetwork over the compact typed-array layout: reaches are light views (an id and a shared
// store) whose fields are read from the arrays on access; coordinates are subarrays, made on demand.
import Flatbush from 'flatbush';
import { cumulativeKm } from '../geo/geodesy.js';
import { PackedSegmentIndex } from '../geo/packed-segment-index.js';
import type { CountryRun } from '../network/country-runs.js';
import type { NameSource } from '../network/river-names.js';
import type { ReachClass } from '../network/types.js';
import {
  type CompactArrays,
  type CompactMeta,
  type CompactNetworkData,
  type CoordPrecision,
  compactArrays,
  NAME_SOURCES,
  NO_NAME_SOURCE,
  NO_STRING,
  REACH_CLASSES,
  type ReachInput,
} from './compact-data.js';
import type { BasinInfo, CountryInfo, NetworkOutlet, Reach, SnapIndex } from './river-network.js';

/** Per-network state the reach views share: arrays, decoded strings, a few cached cumKm arrays. */
class Store {
  private readonly strings: (string | undefined)[];
  private readonly decoder = new TextDecoder();
  private readonly cumCache = new Map<number, Float64Array>();

  constructor(readonly a: CompactArrays) {
    this.strings = new Array(a.strStart.length - 1);
  }

  str(id: number): string | null {
    if (id === NO_STRING) return null;
    let s = this.strings[id];
    if (s === undefined) {
      s = this.decoder.decode(this.a.strBytes.subarray(this.a.strStart[id]!, this.a.strStart[id + 1]!));
      this.strings[id] = s;
    }
    return s;
  }

  coords(i: number): Float64Array {
    const a = this.a;
    const part = a.xy.subarray(2 * a.vertexStart[i]!, 2 * a.vertexStart[i + 1]!);
    return part instanceof Float64Array ? part : Float64Array.from(part);
  }

  /** Cumulative km are recomputed from the coordinates (exactly as the object network does) and
   * cached for the reaches in use; the cache is dropped when it grows past a few thousand. */
  cumKm(i: number): Float64Array {
    let c = this.cumCache.get(i);
    if (!c) {
      if (this.cumCache.size >= 4096) this.cumCache.clear();
      c = cumulativeKm(this.coords(i));
      this.cumCache.set(i, c);
    }
    return c;
  }
}

/**
 * One view per reach holding only its id (≈ 40 bytes); the class is made per network so the views
 * need no pointer to their store.
 */
function reachViews(s: Store, n: number): Reach[] {
  class ReachView implements Reach {
    constructor(readonly id: number) {}
    get from(): number {
      return s.a.from[this.id]!;
    }
    get to(): number {
      return s.a.to[this.id]!;
    }
    get coords(): Float64Array {
      return s.coords(this.id);
    }
    get cumKm(): Float64Array {
      return s.cumKm(this.id);
    }
    get lengthKm(): number {
      return s.a.lengthKm[this.id]!;
    }
    get name(): string | null {
      return s.str(s.a.name[this.id]!);
    }
    get nameAlt(): string[] {
      const a = s.a;
      const out: string[] = [];
      for (let k = a.altStart[this.id]!; k < a.altStart[this.id + 1]!; k++) out.push(s.str(a.altName[k]!)!);
      return out;
    }
    get nameLocal(): string | null {
      return s.str(s.a.nameLocal[this.id]!);
    }
    get nameRu(): string | null {
      return s.str(s.a.nameRu[this.id]!);
    }
    get nameSource(): NameSource | undefined {
      const code = s.a.nameSource[this.id]!;
      return code === NO_NAME_SOURCE ? undefined : NAME_SOURCES[code];
    }
    get arm(): boolean | undefined {
      const v = s.a.arm[this.id]!;
      return v === 2 ? undefined : v === 1;
    }
    get featurecla(): ReachClass {
      return REACH_CLASSES[s.a.featurecla[this.id]!]!;
    }
    get scalerank(): number {
      return s.a.scalerank[this.id]!;
    }
    get sourceId(): number | null {
      const v = s.a.sourceId[this.id]!;
      return Number.isNaN(v) ? null : v;
    }
    get dischargeM3s(): number | null {
      const v = s.a.dischargeM3s[this.id]!;
      return Number.isNaN(v) ? null : v;
    }
    get runs(): CountryRun[] {
      const a = s.a;
      const out: CountryRun[] = [];
      for (let k = a.runStart[this.id]!; k < a.runStart[this.id + 1]!; k++) {
        const b0 = s.str(a.runBorderA[k]!);
        const b1 = s.str(a.runBorderB[k]!);
        out.push({
          fromKm: a.runFromKm[k]!,
          toKm: a.runToKm[k]!,
          country: s.str(a.runCountry[k]!),
          border: b0 === null || b1 === null ? null : [b0, b1],
        });
      }
      return out;
    }
    get country(): string | null {
      return s.str(s.a.country[this.id]!);
    }
    get basinId(): number {
      return s.a.basinId[this.id]!;
    }
  }
  const views = new Array<Reach>(n);
  for (let i = 0; i < n; i++) views[i] = new ReachView(i);
  return views;
}

/** Reach ids leaving each node, as CSR; indexed like the object network's `outflows` (a fresh array per read). */
function outflowTable(a: CompactArrays, nodeCount: number): readonly (readonly number[])[] {
  const start = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < a.from.length; i++) start[a.from[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const ids = new Uint32Array(a.from.length);
  const fill = start.slice(0, nodeCount);
  for (let i = 0; i < a.from.length; i++) ids[fill[a.from[i]!]!++] = i;
  const of = (v: number): number[] => {
    const a0 = start[v]!;
    const out = new Array<number>(start[v + 1]! - a0);
    for (let k = 0; k < out.length; k++) out[k] = ids[a0 + k]!;
    return out;
  };
  return new Proxy([] as number[][], {
    get(target, prop, receiver) {
      if (typeof prop === 'string') {
        if (prop === 'length') return nodeCount;
        const v = prop === '' ? Number.NaN : Number(prop);
        if (Number.isInteger(v)) return v >= 0 && v < nodeCount ? of(v) : undefined;
      }
      return Reflect.get(target, prop, receiver);
    },
    has(target, prop) {
      if (typeof prop === 'string' && Number.isInteger(Number(prop))) return Number(prop) < nodeCount;
      return Reflect.has(target, prop);
    },
  });
}

export class CompactRiverNetwork {
  readonly reaches: readonly Reach[];
  readonly outflows: readonly (readonly number[])[];
  readonly outletAt: ReadonlyMap<number, NetworkOutlet>;
  readonly snapIndex: SnapIndex;
  readonly outlets: NetworkOutlet[];
  readonly countries: Map<string, CountryInfo>;
  readonly basins: Map<number, BasinInfo>;

  constructor(readonly data: CompactNetworkData) {
    const { arrays: a, meta } = data;
    const store = new Store(a);
    const n = a.from.length;
    this.reaches = reachViews(store, n);
    this.outflows = outflowTable(a, meta.nodeCount);
    this.outlets = meta.outlets;
    this.outletAt = new Map(meta.outlets.map((o) => [o.node, o]));
    this.countries = new Map(meta.countries);
    this.basins = new Map(meta.basins);
    // Flatbush reads its buffer in place (no copy).
    const index = Flatbush.from(a.snapIndex.buffer as ArrayBuffer, a.snapIndex.byteOffset);
    this.snapIndex = new PackedSegmentIndex(a.xy, a.vertexStart, index);
  }

  country(adm0: string): CountryInfo {
    return this.countries.get(adm0) ?? { iso3: adm0, name: adm0 };
  }
}

/** Lays out reaches and builds the snap index: the data an artifact holds. */
export function compactNetworkData(
  reaches: readonly ReachInput[],
  meta: CompactMeta,
  precision: CoordPrecision = 'f64',
): CompactNetworkData {
  const arrays = compactArrays(reaches, precision);
  const index = PackedSegmentIndex.build(arrays.xy, arrays.vertexStart).index;
  return { arrays: { ...arrays, snapIndex: new Uint8Array(index.data) }, meta };
}
