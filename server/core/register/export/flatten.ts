// Exported property sets: the user fields under the site schema's names (so exports re-import),
// then identity and derived fields, which the importer ignores (site-props.ts EXPORT_ONLY_FIELDS).
import type { SiteDerived, SiteRecord } from '../site-record.js';

export type Scalar = string | number | boolean | null;

/** Schema fields of a site, as the importer reads them back. */
export function userProperties(s: SiteRecord): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    nameLocal: s.nameLocal,
    kind: s.kind,
    sector: s.sector,
    operator: s.operator,
    status: s.status,
    address: s.address,
    locality: s.locality,
    receivingRiver: s.receivingRiver,
    notes: s.notes,
    sources: s.sources,
    substances: s.substances,
    tmf: s.tmf,
    footprint: s.footprint,
  };
}

/**
 * GeoJSON properties: user fields, record metadata, the derived values as flat typed properties named
 * as in the API (countryIso3, basinName, river, wri, thi, annexIHazardous, …; what QGIS styles by),
 * and the full derived block with the index breakdowns.
 */
export function featureProperties(s: SiteRecord): Record<string, unknown> {
  return {
    ...userProperties(s),
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    ...derivedScalars(s.derived),
    derived: s.derived,
  };
}

/** Derived values that fit in one cell (CSV columns, KML ExtendedData); breakdowns stay in GeoJSON. */
export function derivedScalars(d: SiteDerived | null): Record<string, Scalar> {
  return {
    countryIso3: d?.countryIso3 ?? null,
    countryName: d?.countryName ?? null,
    basinId: d?.basinId ?? null,
    basinName: d?.basinName ?? null,
    river: d?.river ?? null,
    snapDistanceKm: d?.snapDistanceKm ?? null,
    outletName: d?.outletName ?? null,
    outletKind: d?.outletKind ?? null,
    downstreamCountries: d?.downstreamCountries.join(' ') ?? null,
    kmToFirstBorder: d?.kmToFirstBorder ?? null,
    distanceToBorderKm: d?.distanceToBorderKm ?? null,
    annexIHazardous: d?.annexIHazardous ?? null,
    wri: d?.wri ?? null,
    wriClass: d?.wriClass ?? null,
    thi: d?.thi ?? null,
    thiClass: d?.thiClass ?? null,
    derivedAt: d?.derivedAt ?? null,
  };
}

/** One flat row: user fields (nested values as JSON text), metadata, derived scalars. */
export function flatProperties(s: SiteRecord): Record<string, Scalar> {
  const row: Record<string, Scalar> = {};
  for (const [k, v] of Object.entries(userProperties(s))) row[k] = toScalar(v);
  row.version = s.version;
  row.createdAt = s.createdAt;
  row.updatedAt = s.updatedAt;
  return { ...row, ...derivedScalars(s.derived) };
}

/** Scalars stay as they are; arrays/objects become JSON text (so `[]` survives a round trip). */
export function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}
