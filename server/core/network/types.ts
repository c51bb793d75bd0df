// Shapes shared by the network builder, the store and the tracer.
import type { MultiPolygon, Polygon } from 'geojson';
import type { OutletKind } from '../../../shared/codes.js';

export type ReachClass = 'River' | 'Lake Centerline';

export interface RiverLine {
  /** Interleaved lon,lat in digitising order. */
  coords: number[];
  name: string | null;
  nameAlt: string[];
  /** Natural Earth `name_ru` where the layer has it. */
  nameRu?: string | null;
  featurecla: ReachClass;
  scalerank: number;
  source: 'world' | 'europe';
}

export interface NamedPolygon {
  name: string;
  geometry: Polygon | MultiPolygon;
}

export type { OutletKind };

export interface ErrataPoint {
  lon: number;
  lat: number;
  reason: string;
}

export interface Errata {
  /** Dangling line ends near these points are left unjoined. */
  noSnap: (ErrataPoint & { radiusKm: number })[];
  /** Edges passing within radiusKm of the point are removed (bad links across divides). */
  cutEdges: (ErrataPoint & { radiusKm: number })[];
  /** Force the flow direction of the edge nearest to the point. */
  directions: (ErrataPoint & { flow: 'digitised' | 'reversed' })[];
  /** Divide the edge nearest to the point there, keeping it connected (a river's name changes there). */
  splitEdges?: ErrataPoint[];
}

export interface BuildOptions {
  snapKm: number;
  reuseVertexKm: number;
  outletCoastKm: number;
  /** Cost multiplier for walking against the digitised direction when orienting. */
  againstDigitisedPenalty: number;
  /** Europe-supplement lines with this share of vertices on a world line are duplicates. */
  duplicateShare: number;
  duplicateKm: number;
  /** Split nodes whose branches reach outlets farther apart than this are flagged. */
  interBasinKm: number;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  snapKm: 1,
  reuseVertexKm: 0.05,
  outletCoastKm: 3,
  againstDigitisedPenalty: 20,
  duplicateShare: 0.7,
  duplicateKm: 0.3,
  interBasinKm: 150,
};

export interface Edge {
  id: number;
  /** Oriented: flow runs from → to and coords are stored in flow order. */
  from: number;
  to: number;
  coords: Float64Array;
  lengthKm: number;
  name: string | null;
  nameAlt: string[];
  nameRu: string | null;
  featurecla: ReachClass;
  scalerank: number;
  source: 'world' | 'europe';
  reversed: boolean;
}

export interface Outlet {
  id: number;
  node: number;
  kind: OutletKind;
  name: string;
  lon: number;
  lat: number;
}

export interface Diagnostic {
  kind: 'inter_basin_link' | 'unreached_node' | 'cycle_broken' | 'dropped_duplicate' | 'errata_unused';
  lon: number;
  lat: number;
  message: string;
}
