// Computes a site's derived fields: where it sits on the river network (HydrologyProvider) and its
// hazard indices (Annex I classification, WRI, THI). Pure apart from the provider's reads.
import { classifyAnnexI } from '../hazard/annex-i.js';
import { annexITable } from '../hazard/tables.js';
import { computeWri } from '../hazard/wri.js';
import type { HydrologyProvider } from './hydrology.js';
import type { SiteDerived, SiteFields } from './site-record.js';

type HazardFields = Pick<
  SiteDerived,
  'annexI' | 'annexIHazardous' | 'wri' | 'wriClass' | 'wriBreakdown' | 'thi' | 'thiClass' | 'thiBreakdown'
>;

export function deriveSite(f: SiteFields, hydrology: HydrologyProvider, now = new Date()): SiteDerived {
  const h = hydrology.describe(f.lon, f.lat, f.receivingRiver);
  return {
    countryIso3: h.country?.iso3 ?? null,
    countryName: h.country?.name ?? null,
    basinId: h.basin?.id ?? null,
    basinName: h.basin?.name ?? null,
    outletName: h.outlet?.name ?? null,
    outletKind: h.outlet?.kind ?? null,
    river: h.snap?.river ?? null,
    snapDistanceKm: h.snap?.distanceKm ?? null,
    downstreamCountries: h.downstreamCountries,
    kmToFirstBorder: h.kmToFirstBorder,
    distanceToBorderKm: h.distanceToBorderKm,
    ...hazardOf(f),
    derivedAt: now.toISOString(),
  };
}

function hazardOf(f: SiteFields): HazardFields {
  const annexI = classifyAnnexI(
    f.substances.map((s) => ({
      name: s.name,
      casNumber: s.cas,
      annexICategory: s.annexICategory,
      quantityTonnes: s.quantityTonnes,
    })),
    annexITable,
  );
  const wri = computeWri(
    f.substances.map((s) => ({ name: s.name, quantityTonnes: s.quantityTonnes, wgk: s.wgk })),
  );
  return {
    annexI,
    annexIHazardous: annexI.hazardous,
    wri: wri.wri,
    wriClass: wri.wriClass,
    wriBreakdown: wri,
    thi: null,
    thiClass: null,
    thiBreakdown: null,
  };
}
