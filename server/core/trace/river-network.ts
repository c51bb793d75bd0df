// The routed network held in memory for tracing: reaches in flow order, per-node outflows,
// and a packed segment index for snapping.
import { cumulativeKm } from '../geo/geodesy.js';
import { SegmentIndex } from '../geo/segment-index.js';
import type { CountryRun } from '../network/country-runs.js';
import type { OutletKind, ReachClass } from '../network/types.js';

export interface Reach {
  id: number;
  from: number;
  to: number;
  coords: Float64Array;
  cumKm: Float64Array;
  lengthKm: number;
  name: string | null;
  nameAlt: string[];
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

export class RiverNetwork {
  readonly reaches: Reach[];
  /** Reach ids leaving each node. */
  readonly outflows: number[][];
  readonly outletAt: Map<number, NetworkOutlet>;
  readonly snapIndex: SegmentIndex;

  constructor(
    reaches: Omit<Reach, 'cumKm'>[],
    nodeCount: number,
    readonly outlets: NetworkOutlet[],
    /** Keyed by ADM0_A3 (the code used by the boundary layer). */
    readonly countries: Map<string, CountryInfo>,
    readonly basins: Map<number, BasinInfo>,
  ) {
    this.reaches = reaches.map((r) => ({ ...r, cumKm: cumulativeKm(r.coords) }));
    this.outflows = Array.from({ length: nodeCount }, () => []);
    for (const r of this.reaches) this.outflows[r.from]!.push(r.id);
    this.outletAt = new Map(outlets.map((o) => [o.node, o]));
    this.snapIndex = new SegmentIndex(this.reaches.map((r) => r.coords));
  }

  country(adm0: string): CountryInfo {
    return this.countries.get(adm0) ?? { iso3: adm0, name: adm0 };
  }
}
