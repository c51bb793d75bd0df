// The routed network held in memory for tracing: reaches in flow order, per-node outflows,
// and a packed segment index for snapping.
import { cumulativeKm } from '../geo/geodesy.js';
import { type SegmentHit, SegmentIndex } from '../geo/segment-index.js';
import type { CountryRun } from '../network/country-runs.js';
import type { NameSource } from '../network/river-names.js';
import type { OutletKind, ReachClass } from '../network/types.js';

export interface Reach {
  id: number;
  from: number;
  to: number;
  coords: Float64Array;
  cumKm: Float64Array;
  lengthKm: number;
  /** Resolved name (data/river-names.json, Natural Earth, inference); `nameAlt` keeps Natural Earth's. */
  name: string | null;
  nameAlt: string[];
  nameLocal?: string | null;
  nameRu?: string | null;
  nameSource?: NameSource;
  /** A delta arm: outlets it reaches are labelled with it. */
  arm?: boolean;
  featurecla: ReachClass;
  scalerank: number;
  runs: CountryRun[];
  country: string | null;
  basinId: number;
  /** The source's reach id (HydroRIVERS HYRIV_ID); null on Natural Earth builds. */
  sourceId?: number | null;
  /** Long-term mean discharge given by the source network (DIS_AV_CMS), m³/s; null if none. */
  dischargeM3s?: number | null;
}

export interface NetworkOutlet {
  id: number;
  node: number;
  kind: OutletKind;
  name: string;
  lon: number;
  lat: number;
}

export interface CountryInfo {
  iso3: string;
  name: string;
}

export interface BasinInfo {
  id: number;
  name: string;
  mainOutletId: number | null;
  lengthKm: number;
  bbox: [number, number, number, number];
}

/** Nearest-segment queries over the reaches' lines (`line` = reach id); see SegmentIndex. */
export interface SnapIndex {
  readonly segmentCount: number;
  within(lon: number, lat: number, km: number, filter?: (line: number) => boolean): SegmentHit[];
  nearest(
    lon: number,
    lat: number,
    maxKm: number,
    filter?: (line: number) => boolean,
    better?: (a: SegmentHit, b: SegmentHit) => boolean,
  ): SegmentHit | null;
  intersectsBox(minX: number, minY: number, maxX: number, maxY: number): boolean;
  anyWithin(lon: number, lat: number, km: number): boolean;
}

/**
 * The object-backed network (one JS object per reach, ~1.5 KB each), built from SQLite rows.
 * CompactRiverNetwork (compact-network.ts) has the same public shape over typed arrays.
 */
export class RiverNetwork {
  readonly reaches: readonly Reach[];
  /** Reach ids leaving each node. */
  readonly outflows: readonly (readonly number[])[];
  readonly outletAt: ReadonlyMap<number, NetworkOutlet>;
  readonly snapIndex: SnapIndex;

  constructor(
    reaches: Omit<Reach, 'cumKm'>[],
    nodeCount: number,
    readonly outlets: NetworkOutlet[],
    /** Keyed by ADM0_A3 (the code used by the boundary layer). */
    readonly countries: Map<string, CountryInfo>,
    readonly basins: Map<number, BasinInfo>,
  ) {
    this.reaches = reaches.map((r) => ({ ...r, cumKm: cumulativeKm(r.coords) }));
    const outflows: number[][] = Array.from({ length: nodeCount }, () => []);
    for (const r of this.reaches) outflows[r.from]!.push(r.id);
    this.outflows = outflows;
    this.outletAt = new Map(outlets.map((o) => [o.node, o]));
    this.snapIndex = new SegmentIndex(this.reaches.map((r) => r.coords));
  }

  country(adm0: string): CountryInfo {
    return this.countries.get(adm0) ?? { iso3: adm0, name: adm0 };
  }
}
