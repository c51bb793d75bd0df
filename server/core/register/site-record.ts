// The register's stored model of a site (what the store writes and reads back), independent of
// transport: the zod input schema maps onto SiteFields, the API and exports render SiteRecord.
import type { Polygon } from 'geojson';
import type { z } from 'zod';
import type { Sector, SiteKind, SiteStatus } from '../../../shared/codes.js';
import type { SitePosition } from '../upstream/site-position.js';
import type { Source, Substance, Tmf } from './site-schema.js';

export type SubstanceFields = Omit<z.output<typeof Substance>, 'casNumber' | 'annexICategory'> & {
  casNumber: string | null;
  annexICategory: string | null;
};
export type TmfFields = z.output<typeof Tmf>;
export type SourceFields = z.output<typeof Source>;

/** User-entered fields of a site (the site schema with absent optional values as null). */
export interface SiteFields {
  name: string;
  nameLocal: string | null;
  kind: SiteKind;
  sector: Sector;
  operator: string | null;
  status: SiteStatus;
  location: { lon: number; lat: number };
  footprint: Polygon | null;
  address: string | null;
  locality: string | null;
  receivingRiver: string | null;
  notes: string | null;
  sources: SourceFields[];
  substances: SubstanceFields[];
  /** Tailings management facility attributes; present exactly when kind is 'tmf'. */
  tmf: TmfFields | null;
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
  /** The river's reviewed Russian name (read from the snapped reach; null where none is reviewed). */
  riverRu: string | null;
  /** The basin's main river by its reviewed Russian name (filled on read, like riverRu). */
  basinNameRu: string | null;
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
  /** Where the site sits on the network (absent when it snapped to no river). */
  position?: SitePosition | null;
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
  kind: SiteFields['kind'];
  sector: SiteFields['sector'];
  operator: string | null;
  status: SiteStatus;
  location: { lon: number; lat: number };
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
