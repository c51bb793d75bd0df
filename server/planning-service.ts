// Glue for safety zones and planning shared by the HTTP routes and the CLI: index lookups in storage,
// then the pure planning core (zones, review, screening) and, for water intakes, the upstream query.
import { centroid, bbox as turfBbox } from '@turf/turf';
import type { Point, Polygon } from 'geojson';
import { boxAround } from './core/geo/geodesy.js';
import { maxRuleHours, weighUpstream } from './core/planning/intake-rule.js';
import { reviewDevelopment } from './core/planning/review.js';
import { borderScreening, type FloodZone, natechScreening } from './core/planning/screening.js';
import { receptorsInZones, zoneFeatures } from './core/planning/site-zones.js';
import { intakeRules, consultationZones as table } from './core/planning/tables.js';
import { decideVerdict } from './core/planning/verdict.js';
import { maxOuterRadiusM, outerRadiusM, ZONES, zonesFor } from './core/planning/zone-table.js';
import { upstreamReport } from './core/upstream/upstream-report.js';
import { VELOCITY_MODEL } from './core/upstream/velocity.js';
import type { Services } from './services.js';
import { sitesInTreeRange } from './storage/analysis-read.js';
import {
  allSiteShapes,
  type Box,
  borderCandidates,
  planningSite,
  receptorCandidates,
  siteCount,
  sitesInBox,
} from './storage/planning-read.js';
import { listReceptors } from './storage/receptor-store.js';
import { locateReach } from './trace-service.js';

/** Site footprints are searched this far beyond the outer zone (locations are indexed, not footprints). */
export const FOOTPRINT_SEARCH_MARGIN_KM = 10;
export const UPSTREAM_LIST_LIMIT = 200;

/** The box `[w, s, e, n]` grown by `km` on every side. */
function grow([w, s, e, n]: Box, km: number): Box {
  const corners = [boxAround(w, s, km), boxAround(e, n, km), boxAround(w, n, km), boxAround(e, s, km)];
  return [
    Math.max(-180, Math.min(...corners.map((c) => c[0]))),
    Math.max(-90, Math.min(...corners.map((c) => c[1]))),
    Math.min(180, Math.max(...corners.map((c) => c[2]))),
    Math.min(90, Math.max(...corners.map((c) => c[3]))),
  ];
}

/** A site's zones (GeoJSON) and the places and receptors in each; null for an unknown site. */
export function siteZones(services: Services, id: string) {
  const site = planningSite(services.db, id);
  if (!site) return null;
  const zones = zonesFor(table, site);
  const footprintBox = site.footprint ? (turfBbox(site.footprint) as Box) : null;
  const box = grow(footprintBox ?? [site.lon, site.lat, site.lon, site.lat], outerRadiusM(zones) / 1000);
  const found = receptorsInZones(site, zones, receptorCandidates(services.db, box));
  return {
    site: {
      id: site.id,
      name: site.name,
      kind: site.kind,
      sector: site.sector,
      annexIHazardous: site.annexIHazardous,
      country: site.country,
      hasFootprint: site.footprint !== null,
    },
    zoneRule: {
      id: zones.ruleId,
      kasClass: zones.kasClass,
      assumption: zones.assumption,
      reason: zones.reason,
    },
    zones: zoneFeatures(site, zones),
    receptors: Object.fromEntries(ZONES.map((z) => [z, found.filter((f) => f.zone === z)])),
    table: 'data/consultation-zones.json',
  };
}

/** At most this many cited sites get their zones in a review's answer (the deciding ones first). */
export const MAX_CITED_ZONE_SITES = 60;

/**
 * Planning review of a validated development geometry. A water intake also weighs the registered sites
 * upstream by the reviewed rule (data/planning-rules.json); the stricter of the two verdicts decides.
 * The answer carries the zones of every site it cites, so the map and a saved review can draw them.
 */
export function planningReview(
  services: Services,
  dev: { geometry: Point | Polygon; developmentType: string; name: string | null },
) {
  // Located sites within the widest zone, plus sites whose footprint may reach further.
  const bbox = turfBbox(dev.geometry) as Box;
  const outerKm = maxOuterRadiusM(table) / 1000;
  const near = sitesInBox(services.db, grow(bbox, outerKm));
  const seen = new Set(near.map((s) => s.id));
  const drawn = sitesInBox(services.db, grow(bbox, outerKm + FOOTPRINT_SEARCH_MARGIN_KM), {
    footprintOnly: true,
  });
  const candidates = [...near, ...drawn.filter((s) => !seen.has(s.id))];
  const result = reviewDevelopment(table, dev, candidates);
  const upstream = dev.developmentType === 'water_intake' ? upstreamOf(services, dev.geometry) : null;
  const weighing = upstream?.ok ? weighUpstream(intakeRules, upstream.sites) : null;
  const decided = decideVerdict(
    result,
    weighing,
    upstream === null
      ? null
      : upstream.ok
        ? { ok: true, hours: maxRuleHours(intakeRules) }
        : { ok: false, message: upstream.message },
  );
  const ruleOf = new Map(weighing?.sites.map((s) => [s.id, s]) ?? []);
  const cited = [
    ...new Set([
      ...decided.decidingRule.siteIds,
      ...result.sites.map((s) => s.id),
      ...(weighing?.cited ?? []).map((s) => s.id),
    ]),
  ];
  const known = new Map(candidates.map((s) => [s.id, s]));
  const zoned = cited.slice(0, MAX_CITED_ZONE_SITES).flatMap((id) => {
    const site = known.get(id) ?? planningSite(services.db, id);
    return site ? [site] : [];
  });
  return {
    ...result,
    ...decided,
    upstream: upstream?.ok
      ? {
          ...upstream,
          advice: weighing?.advice ?? 'do_not_advise_against',
          rule: weighing?.rule ?? null,
          citedIds: weighing?.cited.map((s) => s.id) ?? [],
          sites: upstream.sites.map((s) => ({
            ...s,
            highHazard: ruleOf.get(s.id)?.highHazard ?? false,
            ruleId: ruleOf.get(s.id)?.ruleId ?? null,
          })),
        }
      : upstream,
    // Where each cited site is (its marker may be hidden by the client's list filter).
    citedSites: zoned.map((s) => ({
      id: s.id,
      name: s.name,
      lon: s.lon,
      lat: s.lat,
      annexIHazardous: s.annexIHazardous,
    })),
    citedZones: {
      type: 'FeatureCollection' as const,
      features: zoned.flatMap((site) =>
        zoneFeatures(site, zonesFor(table, site)).features.map((f) => ({
          ...f,
          properties: { ...f.properties, siteId: site.id, siteName: site.name },
        })),
      ),
    },
    citedZonesOmitted: cited.length - zoned.length,
  };
}

export type PlanningReviewAnswer = ReturnType<typeof planningReview>;

/** Registered sites within the table's travel time (24 h) upstream of a water intake. */
function upstreamOf(services: Services, geometry: Point | Polygon) {
  const [lon, lat] = (
    geometry.type === 'Point' ? geometry.coordinates : centroid(geometry).geometry.coordinates
  ) as [number, number];
  const maxHours = table.waterIntakeUpstreamHours;
  const located = locateReach(services, { lon, lat, river: null });
  if (!located.ok) return { maxHours, ok: false as const, code: located.code, message: located.message };
  return {
    maxHours,
    ok: true as const,
    ...upstreamReport(
      services.upstream,
      located.snap,
      { maxHours, limit: UPSTREAM_LIST_LIMIT },
      sitesInTreeRange(services.db),
      VELOCITY_MODEL,
    ),
  };
}

export function borderScreen(services: Services, withinKm: number, borderWithinKm = withinKm) {
  const flags = borderScreening(borderCandidates(services.db, borderWithinKm, withinKm), {
    withinKm,
    borderWithinKm,
  });
  return { withinKm, borderWithinKm, screened: siteCount(services.db), total: flags.length, sites: flags };
}

export function natechScreen(services: Services, riverWithinM: number) {
  const { db, network: net } = services;
  const floodZonesNear = (site: { lon: number; lat: number; footprint: Polygon | unknown }): FloodZone[] => {
    const box: Box = site.footprint
      ? (turfBbox(site.footprint as Polygon) as Box)
      : [site.lon, site.lat, site.lon, site.lat];
    return listReceptors(db, { bbox: box, kinds: ['flood_zone'], limit: 10_000 })
      .items.filter((z) => z.geometry.type !== 'Point')
      .map((z) => ({ id: z.id, name: z.name, geometry: z.geometry as FloodZone['geometry'] }));
  };
  const nearestRiver = (lon: number, lat: number, maxKm: number) => {
    if (maxKm <= 0) return null;
    const hit = net.snapIndex.nearest(lon, lat, maxKm);
    return hit ? { river: net.reaches[hit.line]?.name ?? null, distanceKm: hit.distanceKm } : null;
  };
  const flags = natechScreening(allSiteShapes(db), riverWithinM, floodZonesNear, nearestRiver);
  return { riverWithinM, screened: siteCount(db), total: flags.length, sites: flags };
}
