// The downstream trace's answer: where the start joined the network, the outlets, countries, crossings
// and rivers along the way, and the path (kept apart from the tracer so calibration can type it).
import type { FeatureCollection, LineString } from 'geojson';
import type { CrossingKind, OutletKind } from '../../../shared/codes.js';
import type { NameSource } from '../network/river-names.js';
import type { SnapConnection, TraceWarning } from './connection.js';
import type { RiverKm } from './river-km.js';

export interface TraceCountry {
  iso3: string;
  name: string;
  entryKm: number;
  exitKm: number;
  sharedWith: string[];
  /** Official chainage at the entry (data/river-chainage.json), null off its rivers. */
  riverKm: RiverKm | null;
}

export interface TraceResult {
  /** `connection`: how the point joins the network (`via` the receiving river). */
  snap: { lon: number; lat: number; distanceKm: number; river: string | null; connection: SnapConnection };
  lengthKm: number;
  truncated: boolean;
  /** Every outlet reached, nearest first; `main` marks the one at the end of the main path. */
  outlets: {
    name: string;
    kind: OutletKind;
    river: string | null;
    /** The delta arm that enters the outlet ("Sulina arm"), null where the river is not an arm. */
    arm: string | null;
    /** The arm's Russian name (data/river-names.json), where reviewed. */
    armRu?: string | null;
    km: number;
    lon: number;
    lat: number;
    main: boolean;
    riverKm: RiverKm | null;
  }[];
  countries: TraceCountry[];
  crossings: {
    km: number;
    lon: number;
    lat: number;
    from: string;
    to: string;
    kind: CrossingKind;
    riverKm: RiverKm | null;
  }[];
  rivers: TraceRiver[];
  path: FeatureCollection<LineString, PathProps>;
  /** Doubts about the start: a snap across a divide, a point far from its own (missing) stream. */
  warnings: TraceWarning[];
}

export interface TraceRiver {
  name: string | null;
  nameLocal: string | null;
  nameRu: string | null;
  /** Where the name comes from, for the most km of the entry. */
  nameSource: NameSource;
  fromKm: number;
  toKm: number;
}

export interface PathProps {
  reachId: number;
  kmFromStart: number;
  lengthKm: number;
  river: string | null;
  country: string | null;
  border: string | null;
  branch: 'main' | 'distributary';
  /** The source's reach id (HydroRIVERS HYRIV_ID), on imported networks only. */
  sourceId?: number;
}
