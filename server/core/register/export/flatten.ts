// Flat, importable property sets for exported sites: user fields under the names the importer reads
// (snake_case), derived fields after them; nested values as JSON text where a format needs scalars.
import type { SiteRecord } from '../site-record.js';

export type Scalar = string | number | boolean | null;

/** User-entered fields (re-importable) followed by identity and derived fields (ignored on import). */
export function siteProperties(s: SiteRecord): Record<string, unknown> {
  const d = s.derived;
  return {
    name: s.name,
    name_local: s.nameLocal,
    kind: s.kind,
    sector: s.sector,
    operator: s.operator,
    status: s.status,
    address: s.address,
    locality: s.locality,
    receiving_river: s.receivingRiver,
    notes: s.notes,
    sources: s.sources,
    substances: s.substances,
    tmf: s.tmf,
    footprint: s.footprint,
    id: s.id,
    version: s.version,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    country_iso3: d?.countryIso3 ?? null,
    country_name: d?.countryName ?? null,
    basin_id: d?.basinId ?? null,
    basin_name: d?.basinName ?? null,
    river: d?.river ?? null,
    snap_distance_km: d?.snapDistanceKm ?? null,
    outlet_name: d?.outletName ?? null,
    outlet_kind: d?.outletKind ?? null,
    downstream_countries: d?.downstreamCountries ?? [],
    km_to_first_border: d?.kmToFirstBorder ?? null,
    distance_to_border_km: d?.distanceToBorderKm ?? null,
    annex_i_hazardous: d?.annexIHazardous ?? false,
    annex_i: d?.annexI ?? null,
    wri: d?.wri ?? null,
    wri_class: d?.wriClass ?? null,
    wri_breakdown: d?.wriBreakdown ?? null,
    thi: d?.thi ?? null,
    thi_class: d?.thiClass ?? null,
    thi_breakdown: d?.thiBreakdown ?? null,
    derived_at: d?.derivedAt ?? null,
  };
}

/** Keys written by siteProperties that are not user input; the importer drops them. */
export const EXPORT_ONLY_KEYS = new Set([
  'id',
  'version',
  'created_at',
  'updated_at',
  'country_iso3',
  'country_name',
  'basin_id',
  'basin_name',
  'river',
  'snap_distance_km',
  'outlet_name',
  'outlet_kind',
  'downstream_countries',
  'km_to_first_border',
  'distance_to_border_km',
  'annex_i_hazardous',
  'annex_i',
  'wri',
  'wri_class',
  'wri_breakdown',
  'thi',
  'thi_class',
  'thi_breakdown',
  'derived_at',
  'lon',
  'lat',
]);

/** Scalars stay as they are; arrays/objects become JSON text; empty arrays and null become null. */
export function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.length === 0) return null;
  return JSON.stringify(v);
}
