// GET /api/sites/:id/report (html | json | csv) and GET /api/sites/:id/notifications (json | html):
// the per-site transboundary report and IAN-style notification drafts for a release scenario.
import { Router } from 'express';
import { z } from 'zod';
import { REPORT_LANGS } from '../../core/report/format.js';
import type { Services } from '../../runtime/services.js';
import { principalOf } from '../auth.js';
import { answerJob, type HeavyOptions } from '../heavy.js';
import { parseQuery } from '../query.js';
import { releaseFromQuery, releaseQueryShape } from '../release-query.js';
import { styleHashesOnHtml } from '../security.js';

export const reportQuery = z
  .object({
    format: z.enum(['html', 'json', 'csv'], { error: 'format must be html, json or csv' }).default('html'),
    lang: z.enum(REPORT_LANGS, { error: 'lang must be en or ru' }).default('en'),
    ...releaseQueryShape,
  })
  .strict();

export const notificationsQuery = z
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

export function reportsRouter(services: Services, heavy: HeavyOptions): Router {
  const router = Router();

  // The report and the drafts carry their print CSS inline: their answers get a CSP that allows exactly
  // those <style> blocks by hash (the app's CSP allows no inline style).
  router.get('/sites/:id/report', heavy.limit, async (req, res) => {
    const q = parseQuery(reportQuery, req.query);
    const release = releaseFromQuery(q);
    const id = String(req.params.id);
    styleHashesOnHtml(res);
    await answerJob(
      services,
      res,
      { kind: 'report', id, release, format: q.format, lang: q.lang },
      heavy.offload.reports,
    );
  });

  router.get('/sites/:id/notifications', heavy.limit, async (req, res) => {
    const q = parseQuery(notificationsQuery, req.query);
    const release = releaseFromQuery(q);
    const id = String(req.params.id);
    styleHashesOnHtml(res);
    await answerJob(
      services,
      res,
      {
        kind: 'notifications',
        id,
        release,
        accidentAt: q.accidentAt ?? null,
        format: q.format,
        lang: q.lang,
        plan: q.plan ?? null,
        loggedIn: principalOf(res) !== null,
      },
      heavy.offload.reports,
    );
  });

  return router;
}
