// Use case: a site's consultation zones and the populated places and receptors inside them — one
// search for GET /api/sites/:id/zones and for the zones section of a site report.
import { bbox as turfBbox } from '@turf/turf';
import { growBox } from '../core/geo/geodesy.js';
import type { SiteShape } from '../core/planning/buffer.js';
import { type ReceptorInZone, receptorsInZones, zoneFeatures } from '../core/planning/site-zones.js';
import { consultationZones as table } from '../core/planning/tables.js';
import {
  outerRadiusM,
  type SiteZones,
  ZONES,
  type ZoneSubject,
  zonesFor,
} from '../core/planning/zone-table.js';
import type { SiteRecord } from '../core/register/site-record.js';
import type { ReportZones } from '../core/report/report-model.js';
import type { AppContext } from './context.js';
import type { Box } from './ports.js';

/** The zones of a subject and the candidates within them, from the box around the site (or its footprint)
 * grown by the outer radius (the R*Tree indexes boxes; distances are exact afterwards). */
async function zonesWithReceptors(
  ctx: AppContext,
  subject: ZoneSubject,
  shape: SiteShape,
): Promise<{ zones: SiteZones; receptors: ReceptorInZone[] }> {
  const zones = zonesFor(table, subject);
  const footprintBox = shape.footprint ? (turfBbox(shape.footprint) as Box) : null;
  const box = growBox(
    footprintBox ?? [shape.lon, shape.lat, shape.lon, shape.lat],
    outerRadiusM(zones) / 1000,
  );
  return { zones, receptors: receptorsInZones(shape, zones, await ctx.store.receptorCandidates(box)) };
}

/** A site's zones (GeoJSON) and the places and receptors in each; null for an unknown site. */
export async function siteZones(ctx: AppContext, id: string) {
  const site = await ctx.store.planningSite(id);
  if (!site) return null;
  const { zones, receptors: found } = await zonesWithReceptors(ctx, site, site);
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

/** The zones section of a site report: the zones and every place and receptor inside them. */
export async function reportZonesOf(ctx: AppContext, site: SiteRecord): Promise<ReportZones> {
  const subject = {
    kind: site.kind,
    sector: site.sector,
    annexIHazardous: site.derived?.annexIHazardous ?? false,
  };
  const shape = { lon: site.location.lon, lat: site.location.lat, footprint: site.footprint };
  const { zones, receptors } = await zonesWithReceptors(ctx, subject, shape);
  return { ...zones, receptors };
}
