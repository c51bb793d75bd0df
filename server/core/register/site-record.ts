// The register's stored model of a site (what the store writes and reads back), independent of
// transport: the zod input schema maps onto SiteFields, the API and exports render SiteRecord.
import type { Geometry } from 'geojson';

export interface SubstanceFields {
  name: string;
  cas: string | null;
  annexICategory: string | null;
  quantityTonnes: number | null;
  /** German water hazard class; 'nwg' = not hazardous to water; null = not classified. */
  wgk: 1 | 2 | 3 | 'nwg' | null;
  estimate: boolean;
}

/** User-entered fields of a site; everything in the register that is not derived. */
export interface SiteFields {
  name: string;
  nameLocal: string | null;
  kind: string;
  sector: string | null;
  operator: string | null;
  status: string | null;
  lon: number;
  lat: number;
  footprint: Geometry | null;
  address: string | null;
  locality: string | null;
  receivingRiver: string | null;
  notes: string | null;
  sources: unknown[];
  substances: SubstanceFields[];
  /** Tailings management facility attributes, null for other kinds. */
  tmf: Record<string, unknown> | null;
}

/** Fields computed from the river network and the hazard indices on every write. */
export interface SiteDerived {
  countryIso3: string | null;
  countryName: string | null;
  basinId: number | null;
  basinName: string | null;
  outletName: string | null;
  outletKind: string | null;
  river: string | null;
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
  derivedAt: string;
}

export interface SiteRecord extends SiteFields {
  id: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  derived: SiteDerived | null;
}

/** One row of a listing: enough to draw a map marker and a table row. */
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
  updatedAt: string;
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
