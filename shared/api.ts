// Shapes of the HazAtlas HTTP API as clients read them (server/core/register/site-record.ts, the trace
// result); tests/shared/api-types.test.ts checks the server's answers fit them. Types only.
import type { FeatureCollection, LineString, MultiPolygon, Point } from 'geojson';
import type { CrossingKind } from './codes.js';

export type Bbox = [number, number, number, number];

export interface Basin {
  id: number;
  name: string;
  /** The basin's main river by its reviewed Russian name, where one is reviewed. */
  nameRu?: string | null;
  lengthKm: number;
  bbox: Bbox;
  outlets: string[];
}

/** GET /api/basins/catchments: an area and a label point per basin (and per named delta). */
export interface CatchmentProps {
  basinId: number;
  name: string;
  kind: 'basin' | 'delta';
  approximate: true;
  areaKm2: number;
  bbox: Bbox;
  role: 'area' | 'label';
}

export type Catchments = FeatureCollection<MultiPolygon | Point, CatchmentProps>;

export interface SiteSummary {
  id: string;
  name: string;
  nameLocal: string | null;
  kind: string;
  sector: string | null;
  operator: string | null;
  status: string | null;
  lon: number;
  lat: number;
  version: number;
  countryIso3: string | null;
  basinId: number | null;
  basinName: string | null;
  river: string | null;
  annexIHazardous: boolean;
  wri: number | null;
  wriClass: string | null;
  thi: number | null;
  thiClass: string | null;
}

export interface Substance {
  name: string;
  cas?: string | null;
  casNumber?: string | null;
  annexICategory: string | null;
  quantityTonnes: number | null;
  wgk: 1 | 2 | 3 | 'nwg' | null;
  estimate: boolean;
}

export interface Source {
  title: string;
  url?: string;
  accessed?: string;
}

export interface SiteDerived {
  countryIso3: string | null;
  countryName: string | null;
  basinId: number | null;
  basinName: string | null;
  outletName: string | null;
  river: string | null;
  /** The river's reviewed Russian name, where one is reviewed. */
  riverRu?: string | null;
  /** The basin's main river by its reviewed Russian name. */
  basinNameRu?: string | null;
  snapDistanceKm: number | null;
  downstreamCountries: string[];
  kmToFirstBorder: number | null;
  distanceToBorderKm: number | null;
  annexI: unknown;
  annexIHazardous: boolean;
  wri: number | null;
  wriClass: string | null;
  wriBreakdown: unknown;
  thi: number | null;
  thiClass: string | null;
  thiBreakdown: unknown;
}

export interface Site {
  id: string;
  name: string;
  nameLocal: string | null;
  kind: string;
  sector: string | null;
  operator: string | null;
  status: string | null;
  lon: number;
  lat: number;
  address: string | null;
  locality: string | null;
  receivingRiver: string | null;
  notes: string | null;
  sources: Source[];
  substances: Substance[];
  tmf: Record<string, unknown> | null;
  version: number;
  updatedAt: string;
  derived: SiteDerived | null;
}

export interface SiteList {
  total: number;
  limit: number;
  offset: number;
  items: SiteSummary[];
}

export interface TracePathProps {
  kmFromStart: number;
  river: string | null;
  country: string | null;
  border: string | null;
  branch: 'main' | 'distributary';
}

/** Official chainage ("Danube km 1,929"); null off the chainage table's rivers. */
export interface RiverKm {
  river: string;
  km: number;
}
export type { CrossingKind };

export interface TraceResult {
  snap: {
    lon: number;
    lat: number;
    distanceKm: number;
    river: string | null;
    /** How the start joins the network; `assumed`: the first distanceKm are not in it and not timed. */
    connection?: { kind: 'network' | 'assumed'; distanceKm: number; via: string | null };
  };
  /** Doubts about the start (across a divide, far from its own stream, …); message in English. */
  warnings?: { code: string; message: string }[];
  lengthKm: number;
  truncated?: boolean;
  outlets: {
    name: string;
    km: number;
    lon: number;
    lat: number;
    main?: boolean;
    /** The arm that enters the outlet (e.g. "Bratul Chilia" of the Danube Delta), when known. */
    river?: string | null;
    riverKm?: RiverKm | null;
    /** The delta arm that enters the outlet ("Sulina arm"). */
    arm?: string | null;
    /** Its Russian name ("Сулинское гирло"), where reviewed. */
    armRu?: string | null;
  }[];
  countries: {
    iso3: string;
    name: string;
    entryKm: number;
    exitKm: number;
    sharedWith: string[];
    riverKm?: RiverKm | null;
  }[];
  /** `kind` (absent from older answers: read as a crossing) tells a crossing from a border stretch's ends. */
  crossings: {
    km: number;
    lon: number;
    lat: number;
    from: string;
    to: string;
    kind?: CrossingKind;
    riverKm?: RiverKm | null;
  }[];
  rivers: {
    /** null: a reach with no name (Natural Earth, no reviewed one). */
    name: string | null;
    /** Local and Russian names (data/river-names.json), and where the name comes from. */
    nameLocal?: string | null;
    nameRu?: string | null;
    nameSource?: 'reviewed' | 'natural_earth' | 'name_alt' | 'inferred';
    fromKm: number;
    toKm: number;
  }[];
  path: FeatureCollection<LineString, TracePathProps>;
}

export interface ImportReport {
  dryRun: boolean;
  accepted: number;
  rejected: number;
  errors: { line: number | null; field: string | null; message: string }[];
  duplicates: unknown[];
  /** Ids of the stored sites: empty on dry runs and on refused (all-or-nothing) imports. */
  ids: string[];
}

export interface FieldIssue {
  path: string;
  message: string;
}
