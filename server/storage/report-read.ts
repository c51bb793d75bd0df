// Gathers what a site report needs — the site record, its downstream trace (with the release), its
// consultation zones and the receptors in them — and builds the core report and notification drafts.
import { bbox as turfBbox } from '@turf/turf';
import { boxAround } from '../core/geo/geodesy.js';
import { receptorsInZones } from '../core/planning/site-zones.js';
import { consultationZones } from '../core/planning/tables.js';
import { outerRadiusM, zonesFor } from '../core/planning/zone-table.js';
import type { SiteRecord } from '../core/register/site-record.js';
import { buildNotifications, type NotificationDraft } from '../core/report/notification-model.js';
import { buildSiteReport, type ReportZones, type SiteReport } from '../core/report/report-model.js';
import { traceFromSite } from '../core/report/site-trace.js';
import type { Release } from '../core/transport/release.js';
import type { Services } from '../services.js';
import { type Box, receptorCandidates } from './planning-read.js';
import { getSite } from './site-store.js';

/** The consultation zones of a site and the populated places and imported receptors inside them. */
export function siteZonesOf(db: Services['db'], site: SiteRecord): ReportZones {
  const subject = {
    kind: site.kind,
    sector: site.sector,
    annexIHazardous: site.derived?.annexIHazardous ?? false,
  };
  const zones = zonesFor(consultationZones, subject);
  const shape = { lon: site.location.lon, lat: site.location.lat, footprint: site.footprint };
  const [w, s, e, n] = site.footprint
    ? (turfBbox(site.footprint) as Box)
    : [site.location.lon, site.location.lat, site.location.lon, site.location.lat];
  // Candidates from a box grown by the outer radius (the R*Trees index boxes; distances are exact after).
  const km = outerRadiusM(zones) / 1000;
  const a = boxAround(w, s, km);
  const b = boxAround(e, n, km);
  const box: Box = [a[0], a[1], b[2], b[3]];
  return { ...zones, receptors: receptorsInZones(shape, zones, receptorCandidates(db, box)) };
}

export function siteReportOf(
  services: Services,
  siteId: string,
  release: Release | null,
  now = new Date(),
): SiteReport | null {
  const site = getSite(services.db, siteId);
  if (!site) return null;
  return buildSiteReport({
    site,
    trace: traceFromSite(services.network, services.discharge, site, release, services.drainage),
    zones: siteZonesOf(services.db, site),
    generatedAt: now,
  });
}

export function notificationsOf(
  services: Services,
  siteId: string,
  release: Release | null,
  accidentAt: Date | null,
  now = new Date(),
): { report: SiteReport; drafts: NotificationDraft[] } | null {
  const report = siteReportOf(services, siteId, release, now);
  if (!report) return null;
  return { report, drafts: buildNotifications({ report, accidentAt, generatedAt: now }) };
}
