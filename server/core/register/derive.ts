// Computes a site's derived fields: where it sits on the river network (HydrologyProvider) and its
// hazard indices (Annex I classification, WRI, THI). Pure apart from the provider's reads.
import { classifyAnnexI } from '../hazard/annex-i.js';
import { annexITable, thiScores } from '../hazard/tables.js';
import { computeThi, type ThiResult } from '../hazard/thi.js';
import { computeWri } from '../hazard/wri.js';
import type { HydrologyProvider } from './hydrology.js';
import type { SiteDerived, SiteFields } from './site-record.js';

type HazardFields = Pick<
  SiteDerived,
  'annexI' | 'annexIHazardous' | 'wri' | 'wriClass' | 'wriBreakdown' | 'thi' | 'thiClass' | 'thiBreakdown'
>;

export function deriveSite(f: SiteFields, hydrology: HydrologyProvider, now = new Date()): SiteDerived {
  const h = hydrology.describe(f.location.lon, f.location.lat, f.receivingRiver);
  return {
    countryIso3: h.country?.iso3 ?? null,
    countryName: h.country?.name ?? null,
    basinId: h.basin?.id ?? null,
    basinName: h.basin?.name ?? null,
    outletName: h.outlet?.name ?? null,
    outletKind: h.outlet?.kind ?? null,
    river: h.snap?.river ?? null,
    // Filled on read from the snapped reach's Russian name (storage joins the network).
    riverRu: null,
    basinNameRu: null,
    snapDistanceKm: h.snap?.distanceKm ?? null,
    downstreamCountries: h.downstreamCountries,
    kmToFirstBorder: h.kmToFirstBorder,
    distanceToBorderKm: h.distanceToBorderKm,
    ...hazardOf(f, now),
    derivedAt: now.toISOString(),
    position: h.position ?? null,
  };
}

function hazardOf(f: SiteFields, now: Date): HazardFields {
  const annexI = classifyAnnexI(
    f.substances.map((s) => ({
      name: s.name,
      casNumber: s.casNumber,
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
    ...thiOf(f, now),
  };
}

/** THI applies to tailings facilities only; other kinds have none. */
function thiOf(f: SiteFields, now: Date): Pick<HazardFields, 'thi' | 'thiClass' | 'thiBreakdown'> {
  if (f.kind !== 'tmf' || !f.tmf) return { thi: null, thiClass: null, thiBreakdown: null };
  const t = f.tmf;
  const r: ThiResult = computeThi(
    {
      volumeM3: t.volumeM3,
      toxicConstituents: t.toxicConstituents,
      status: f.status,
      emergencyPlan: t.emergencyPlan,
      floodExposure: t.floodExposure,
      seismicExposure: t.seismicExposure,
      damRaiseType: t.damRaiseType,
      lastIndependentReview: t.lastIndependentReview,
    },
    thiScores,
    now,
  );
  return r.ok
    ? { thi: r.thi, thiClass: r.thiClass, thiBreakdown: r }
    : { thi: null, thiClass: null, thiBreakdown: r };
}
