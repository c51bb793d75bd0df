// Use cases: the planning review of a development and the border and natech screenings, shared by the
// HTTP routes, the CLI and the jobs worker: index lookups in the store, then the pure planning core.
import { centroid, bbox as turfBbox } from '@turf/turf';
import type { Point, Polygon } from 'geojson';
import { growBox } from '../core/geo/geodesy.js';
import { maxRuleHours, weighUpstream } from '../core/planning/intake-rule.js';
import { type ReviewSite, reviewDevelopment } from '../core/planning/review.js';
import { borderScreening, type FloodZone, natechScreening } from '../core/planning/screening.js';
import { zoneFeatures } from '../core/planning/site-zones.js';
import { intakeRules, consultationZones as table } from '../core/planning/tables.js';
import { decideVerdict } from '../core/planning/verdict.js';
import { maxOuterRadiusM, zonesFor } from '../core/planning/zone-table.js';
import { upstreamReport } from '../core/upstream/upstream-report.js';
import { VELOCITY_MODEL } from '../core/upstream/velocity.js';
import type { AppContext } from './context.js';
import type { Box } from './ports.js';
import { locateReach } from './trace.js';
import { upstreamCandidates } from './upstream.js';

/** Site footprints are searched this far beyond the outer zone (locations are indexed, not footprints). */
export const FOOTPRINT_SEARCH_MARGIN_KM = 10;
export const UPSTREAM_LIST_LIMIT = 200;
/** Flood zones read for one natech screening. */
const MAX_FLOOD_ZONES = 100_000;

/** At most this many cited sites get their zones in a review's answer (the deciding ones first). */
export const MAX_CITED_ZONE_SITES = 60;

/**
 * Planning review of a validated development geometry. A water intake also weighs the registered sites
 * upstream by the reviewed rule (data/planning-rules.json); the stricter of the two verdicts decides.
 * The answer carries the zones of every site it cites, so the map and a saved review can draw them.
 */
export async function planningReview(
  ctx: AppContext,
  dev: { geometry: Point | Polygon; developmentType: string; name: string | null },
) {
  // Located sites within the widest zone, plus sites whose footprint may reach further.
  const bbox = turfBbox(dev.geometry) as Box;
  const outerKm = maxOuterRadiusM(table) / 1000;
  const near = await ctx.store.sitesInBox(growBox(bbox, outerKm));
  const seen = new Set(near.map((s) => s.id));
  const drawn = await ctx.store.sitesInBox(growBox(bbox, outerKm + FOOTPRINT_SEARCH_MARGIN_KM), {
    footprintOnly: true,
  });
  const candidates = [...near, ...drawn.filter((s) => !seen.has(s.id))];
  const result = reviewDevelopment(table, dev, candidates);
  const upstream = dev.developmentType === 'water_intake' ? await upstreamOf(ctx, dev.geometry) : null;
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
  const zoned: ReviewSite[] = [];
  for (const id of cited.slice(0, MAX_CITED_ZONE_SITES)) {
    const site = known.get(id) ?? (await ctx.store.planningSite(id));
    if (site) zoned.push(site);
  }
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

export type PlanningReviewAnswer = Awaited<ReturnType<typeof planningReview>>;

/** Registered sites within the table's travel time (24 h) upstream of a water intake. */
async function upstreamOf(ctx: AppContext, geometry: Point | Polygon) {
  const [lon, lat] = (
    geometry.type === 'Point' ? geometry.coordinates : centroid(geometry).geometry.coordinates
  ) as [number, number];
  const maxHours = table.waterIntakeUpstreamHours;
  const located = locateReach(ctx, { lon, lat, river: null });
  if (!located.ok) return { maxHours, ok: false as const, code: located.code, message: located.message };
  const limits = { maxHours, limit: UPSTREAM_LIST_LIMIT };
  const inRange = await upstreamCandidates(ctx, located.snap, limits);
  return {
    maxHours,
    ok: true as const,
    ...upstreamReport(ctx.upstream, located.snap, limits, inRange, VELOCITY_MODEL),
  };
}

export async function borderScreen(ctx: AppContext, withinKm: number, borderWithinKm = withinKm) {
  const flags = borderScreening(await ctx.store.borderCandidates(borderWithinKm, withinKm), {
    withinKm,
    borderWithinKm,
  });
  return {
    withinKm,
    borderWithinKm,
    screened: await ctx.store.siteCount(),
    total: flags.length,
    sites: flags,
  };
}

export async function natechScreen(ctx: AppContext, riverWithinM: number) {
  const net = ctx.network;
  // Every flood zone once (a few thousand at most), then per site those whose box meets the site's.
  const zones = (await ctx.store.listReceptors({ kinds: ['flood_zone'], limit: MAX_FLOOD_ZONES })).items
    .filter((z) => z.geometry.type !== 'Point')
    .map((z) => ({
      zone: { id: z.id, name: z.name, geometry: z.geometry as FloodZone['geometry'] },
      box: turfBbox(z.geometry) as Box,
    }));
  const floodZonesNear = (site: { lon: number; lat: number; footprint: Polygon | unknown }): FloodZone[] => {
    const [w, s, e, n]: Box = site.footprint
      ? (turfBbox(site.footprint as Polygon) as Box)
      : [site.lon, site.lat, site.lon, site.lat];
    return zones.filter(({ box: b }) => b[2] >= w && b[0] <= e && b[3] >= s && b[1] <= n).map((z) => z.zone);
  };
  const nearestRiver = (lon: number, lat: number, maxKm: number) => {
    if (maxKm <= 0) return null;
    const hit = net.snapIndex.nearest(lon, lat, maxKm);
    return hit ? { river: net.reaches[hit.line]?.name ?? null, distanceKm: hit.distanceKm } : null;
  };
  const flags = natechScreening(await ctx.store.allSiteShapes(), riverWithinM, floodZonesNear, nearestRiver);
  return { riverWithinM, screened: await ctx.store.siteCount(), total: flags.length, sites: flags };
}
