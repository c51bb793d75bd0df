// The register's list row: the columns a site summary is read from (sites joined with site_derived)
// and their mapping to SiteSummary, shared by the SQL list query and the in-memory site index.
import type { SiteSummary } from '../core/register/site-record.js';

export const SUMMARY_COLUMNS = `s.id, s.name, s.name_local, s.kind, s.sector, s.operator, s.status, s.lon, s.lat, s.version,
  s.updated_at, d.country_iso3, d.basin_id, d.basin_name, d.river, d.annex_i_hazardous, d.wri, d.wri_class, d.thi,
  d.thi_class`;

export interface SummaryRow {
  id: string;
  name: string;
  name_local: string | null;
  kind: SiteSummary['kind'];
  sector: SiteSummary['sector'];
  operator: string | null;
  status: SiteSummary['status'];
  lon: number;
  lat: number;
  version: number;
  updated_at: string;
  country_iso3: string | null;
  basin_id: number | null;
  basin_name: string | null;
  river: string | null;
  annex_i_hazardous: number | null;
  wri: number | null;
  wri_class: string | null;
  thi: number | null;
  thi_class: string | null;
}

export function toSummary(r: SummaryRow): SiteSummary {
  return {
    id: r.id,
    name: r.name,
    nameLocal: r.name_local,
    kind: r.kind,
    sector: r.sector,
    operator: r.operator,
    status: r.status,
    location: { lon: r.lon, lat: r.lat },
    version: r.version,
    updatedAt: r.updated_at,
    countryIso3: r.country_iso3,
    basinId: r.basin_id,
    basinName: r.basin_name,
    river: r.river,
    annexIHazardous: r.annex_i_hazardous === 1,
    wri: r.wri,
    wriClass: r.wri_class,
    thi: r.thi,
    thiClass: r.thi_class,
  };
}
