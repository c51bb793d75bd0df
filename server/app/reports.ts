// Use cases: a site report — the site record, its downstream trace (with the release), its consultation
// zones and the receptors in them — and the notification drafts built from it.
import type { NotificationDraft } from '../core/report/notification-model.js';
import { buildNotifications } from '../core/report/notification-model.js';
import { buildSiteReport, type SiteReport } from '../core/report/report-model.js';
import { traceFromSite } from '../core/report/site-trace.js';
import type { Release } from '../core/transport/release.js';
import type { AppContext } from './context.js';
import { reportZonesOf } from './zones.js';

export async function siteReportOf(
  ctx: AppContext,
  siteId: string,
  release: Release | null,
  now = new Date(),
): Promise<SiteReport | null> {
  const site = await ctx.store.getSite(siteId);
  if (!site) return null;
  return buildSiteReport({
    site,
    trace: traceFromSite(ctx.network, ctx.discharge, site, release, ctx.drainage),
    zones: await reportZonesOf(ctx, site),
    generatedAt: now,
  });
}

export async function notificationsOf(
  ctx: AppContext,
  siteId: string,
  release: Release | null,
  accidentAt: Date | null,
  now = new Date(),
): Promise<{ report: SiteReport; drafts: NotificationDraft[] } | null> {
  const report = await siteReportOf(ctx, siteId, release, now);
  if (!report) return null;
  return { report, drafts: buildNotifications({ report, accidentAt, generatedAt: now }) };
}
