// The compact network layout: every per-reach, per-vertex and per-run field in one typed array
// (CSR offsets for variable-length parts), strings in one UTF-8 table. Built from reaches here;
// written and read as one binary artifact by server/storage/network-artifact.ts.
import type { CountryRun } from '../network/country-runs.js';
import type { NameSource } from '../network/river-names.js';
import type { ReachClass } from '../network/types.js';
import type { BasinInfo, CountryInfo, NetworkOutlet, Reach } from './river-network.js';

export type CoordPrecision = 'f64' | 'f32';

/** The typed arrays, by name; `NO_STRING` (-1) stands for null in the string-id arrays. */
export interface CompactArrays {
  from: Uint32Array;
  to: Uint32Array;
  /** n + 1 vertex offsets; vertices of reach i are vertexStart[i] … vertexStart[i + 1] − 1. */
  vertexStart: Uint32Array;
  /** Interleaved lon,lat of all reaches. */
  xy: Float64Array | Float32Array;
  lengthKm: Float64Array;
  scalerank: Float64Array;
  /** The source's reach id (HydroRIVERS HYRIV_ID) and mean discharge (DIS_AV_CMS); NaN where none. */
  sourceId: Float64Array;
  dischargeM3s: Float64Array;
  basinId: Int32Array;
  name: Int32Array;
  nameLocal: Int32Array;
  nameRu: Int32Array;
  country: Int32Array;
  /** Index into NAME_SOURCES / REACH_CLASSES; bit flags for arm. */
  nameSource: Uint8Array;
  featurecla: Uint8Array;
  arm: Uint8Array;
  altStart: Uint32Array;
  altName: Int32Array;
  runStart: Uint32Array;
  runFromKm: Float64Array;
  runToKm: Float64Array;
  runCountry: Int32Array;
  runBorderA: Int32Array;
  runBorderB: Int32Array;
  /** UTF-8 bytes of the string table, and its n + 1 offsets. */
  strBytes: Uint8Array;
  strStart: Uint32Array;
  /** Flatbush's own buffer (Flatbush.from), the snap index over all segments. */
  snapIndex: Uint8Array;
}

/** Small parts kept as JSON in the artifact's header. */
export interface CompactMeta {
  nodeCount: number;
  outlets: NetworkOutlet[];
  countries: [string, CountryInfo][];
  basins: [number, BasinInfo][];
  /** Identifies the database build the artifact was made from (net_meta.built_at). */
  stamp: string;
}

export interface CompactNetworkData {
  arrays: CompactArrays;
  meta: CompactMeta;
}

export const NO_STRING = -1;
export const NAME_SOURCES: readonly NameSource[] = ['reviewed', 'natural_earth', 'name_alt', 'inferred'];
export const REACH_CLASSES: readonly ReachClass[] = ['River', 'Lake Centerline'];
/** nameSource code for a reach without one. */
export const NO_NAME_SOURCE = 255;

/** Everything the layout needs of a reach (cumKm is recomputed on access). */
export type ReachInput = Omit<Reach, 'cumKm'>;

/** Interns strings into ids, then encodes them as one UTF-8 table. */
export class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  id(s: string | null | undefined): number {
    if (s === null || s === undefined) return NO_STRING;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(s, id);
      this.list.push(s);
    }
    return id;
  }

  encode(): { strBytes: Uint8Array; strStart: Uint32Array } {
    const enc = new TextEncoder();
    const parts = this.list.map((s) => enc.encode(s));
    const strStart = new Uint32Array(parts.length + 1);
    for (let i = 0; i < parts.length; i++) strStart[i + 1] = strStart[i]! + parts[i]!.length;
    const strBytes = new Uint8Array(strStart[parts.length]!);
    parts.forEach((p, i) => {
      strBytes.set(p, strStart[i]!);
    });
    return { strBytes, strStart };
  }
}

/** Lays reaches (dense ids 0…n−1) out as typed arrays; the snap index is added by the caller. */
export function compactArrays(
  reaches: readonly ReachInput[],
  precision: CoordPrecision,
): Omit<CompactArrays, 'snapIndex'> {
  const n = reaches.length;
  const strings = new StringTable();
  let vertices = 0;
  let alts = 0;
  let runs = 0;
  for (const r of reaches) {
    vertices += r.coords.length / 2;
    alts += r.nameAlt.length;
    runs += r.runs.length;
  }
  const a = {
    from: new Uint32Array(n),
    to: new Uint32Array(n),
    vertexStart: new Uint32Array(n + 1),
    xy: precision === 'f32' ? new Float32Array(2 * vertices) : new Float64Array(2 * vertices),
    lengthKm: new Float64Array(n),
    scalerank: new Float64Array(n),
    sourceId: new Float64Array(n),
    dischargeM3s: new Float64Array(n),
    basinId: new Int32Array(n),
    name: new Int32Array(n),
    nameLocal: new Int32Array(n),
    nameRu: new Int32Array(n),
    country: new Int32Array(n),
    nameSource: new Uint8Array(n),
    featurecla: new Uint8Array(n),
    arm: new Uint8Array(n),
    altStart: new Uint32Array(n + 1),
    altName: new Int32Array(alts),
    runStart: new Uint32Array(n + 1),
    runFromKm: new Float64Array(runs),
    runToKm: new Float64Array(runs),
    runCountry: new Int32Array(runs),
    runBorderA: new Int32Array(runs),
    runBorderB: new Int32Array(runs),
  };
  reaches.forEach((r, i) => {
    if (r.id !== i) throw new Error(`Reach ids must be dense; found ${r.id} at ${i}`);
    a.from[i] = r.from;
    a.to[i] = r.to;
    a.xy.set(r.coords, 2 * a.vertexStart[i]!);
    a.vertexStart[i + 1] = a.vertexStart[i]! + r.coords.length / 2;
    a.lengthKm[i] = r.lengthKm;
    a.scalerank[i] = r.scalerank;
    a.sourceId[i] = r.sourceId ?? Number.NaN;
    a.dischargeM3s[i] = r.dischargeM3s ?? Number.NaN;
    a.basinId[i] = r.basinId;
    a.name[i] = strings.id(r.name);
    a.nameLocal[i] = strings.id(r.nameLocal);
    a.nameRu[i] = strings.id(r.nameRu);
    a.country[i] = strings.id(r.country);
    a.nameSource[i] = r.nameSource === undefined ? NO_NAME_SOURCE : NAME_SOURCES.indexOf(r.nameSource);
    a.featurecla[i] = REACH_CLASSES.indexOf(r.featurecla);
    a.arm[i] = r.arm === undefined ? 2 : r.arm ? 1 : 0;
    r.nameAlt.forEach((s, k) => {
      a.altName[a.altStart[i]! + k] = strings.id(s);
    });
    a.altStart[i + 1] = a.altStart[i]! + r.nameAlt.length;
    r.runs.forEach((run: CountryRun, k) => {
      const j = a.runStart[i]! + k;
      a.runFromKm[j] = run.fromKm;
      a.runToKm[j] = run.toKm;
      a.runCountry[j] = strings.id(run.country);
      a.runBorderA[j] = strings.id(run.border?.[0]);
      a.runBorderB[j] = strings.id(run.border?.[1]);
    });
    a.runStart[i + 1] = a.runStart[i]! + r.runs.length;
  });
  return { ...a, ...strings.encode() };
}
