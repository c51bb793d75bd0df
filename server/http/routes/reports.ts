// GET /api/sites/:id/report (html | json | csv) and GET /api/sites/:id/notifications (json | html):
// the per-site transboundary report and IAN-style notification drafts for a release scenario.
import { Router } from 'express';
import { z } from 'zod';
import { type PlannedDraft, withPlan } from '../../core/plans/draft-plan.js';
import { REPORT_LANGS } from '../../core/report/format.js';
import type { NotificationDraft } from '../../core/report/notification-model.js';
import { renderNotificationsHtml } from '../../core/report/render-notifications-html.js';
import { renderReportCsv } from '../../core/report/render-report-csv.js';
import { renderReportHtml } from '../../core/report/render-report-html.js';
import { siteNotificationBlock } from '../../plans-service.js';
import type { Services } from '../../services.js';
import { notificationsOf, siteReportOf } from '../../storage/report-read.js';
import { principalOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { parseQuery } from '../query.js';
import { releaseFromQuery, releaseQueryShape } from '../release-query.js';

const reportQuery = z
  .object({
    format: z.enum(['html', 'json', 'csv'], { error: 'format must be html, json or csv' }).default('html'),
    lang: z.enum(REPORT_LANGS, { error: 'lang must be en or ru' }).default('en'),
    ...releaseQueryShape,
  })
  .strict();

const notificationsQuery = z
  .object({
    format: z.enum(['json', 'html'], { error: 'format must be json or html' }).default('json'),
    lang: z.enum(REPORT_LANGS, { error: 'lang must be en or ru' }).default('en'),
    accidentAt: z.iso
      .datetime({
        offset: true,
        error: 'accidentAt must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T06:30:00Z',
      })
      .optional(),
    plan: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'plan must be a plan id (GET /api/plans)' })
      .optional(),
    ...releaseQueryShape,
  })
  .strict();

const notFound = (id: string) =>
  new HttpError(404, 'NOT_FOUND', `No site ${id.slice(0, 100)}. Check the id (GET /api/sites).`);

/** A file name part that cannot break the Content-Disposition header. */
const fileSafe = (id: string) => id.replace(/[^\w-]/g, '').slice(0, 64) || 'site';

export function reportsRouter(services: Services): Router {
  const router = Router();

  router.get('/sites/:id/report', (req, res) => {
    const q = parseQuery(reportQuery, req.query);
    const release = releaseFromQuery(q);
    const id = String(req.params.id);
    const report = siteReportOf(services, id, release);
    if (!report) throw notFound(id);
    if (q.format === 'json') {
      res.json(report);
      return;
    }
    if (q.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`hazatlas-report-${fileSafe(id)}.csv`)
        .send(renderReportCsv(report));
      return;
    }
    res.type('text/html; charset=utf-8').send(renderReportHtml(report, { lang: q.lang }));
  });

  router.get('/sites/:id/notifications', (req, res) => {
    const q = parseQuery(notificationsQuery, req.query);
    const release = releaseFromQuery(q);
    const id = String(req.params.id);
    const accidentAt = q.accidentAt ? new Date(q.accidentAt) : null;
    const found = notificationsOf(services, id, release, accidentAt);
    if (!found) throw notFound(id);
    let result: { report: typeof found.report; drafts: (NotificationDraft | PlannedDraft)[] } = found;
    // With a plan, each draft carries both countries' contact points and the plan's deadline.
    if (q.plan !== undefined) {
      const block = siteNotificationBlock(
        services,
        id,
        release,
        accidentAt ?? new Date(found.report.generatedAt),
        q.plan,
        principalOf(res) !== null,
      );
      if (block && !block.ok) throw new HttpError(400, 'UNKNOWN_PLAN', block.message);
      result = { ...found, drafts: withPlan(found.drafts, block?.block ?? null) };
    }
    if (q.format === 'html') {
      res.type('text/html; charset=utf-8').send(
        renderNotificationsHtml(result.drafts, {
          siteName: result.report.site.name,
          generatedAt: result.report.generatedAt,
          lang: q.lang,
        }),
      );
      return;
    }
    res.json(result.drafts);
  });

  return router;
}
