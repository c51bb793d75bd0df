// Route docs for the per-site transboundary report and the IAN-style notification drafts.
import { z } from 'zod';
import { notificationsQuery, reportQuery } from '../routes/reports.js';
import { Timestamp } from './common.js';
import { file, json, type RouteGroup } from './describe.js';

export const SiteReport = z.looseObject({
  report: z.string(),
  formatVersion: z.number().int(),
  generatedAt: Timestamp,
  site: z.looseObject({
    id: z.string(),
    name: z.string(),
    lon: z.number(),
    lat: z.number(),
    version: z.number().int(),
  }),
  substances: z.array(z.looseObject({ name: z.string() })),
  indices: z.looseObject({ annexI: z.looseObject({}), wri: z.looseObject({}), thi: z.looseObject({}) }),
  trace: z.looseObject({ status: z.string() }),
});

export const NotificationDraft = z.looseObject({
  reportType: z.string(),
  status: z.string(),
  draftId: z.string(),
  generatedAt: Timestamp,
  notifyingCountry: z.looseObject({ iso3: z.string(), name: z.string() }),
  notifiedCountry: z.looseObject({ iso3: z.string(), name: z.string() }),
  accident: z.looseObject({ dateTime: z.string().nullable() }),
  location: z.looseObject({ siteName: z.string(), lon: z.number(), lat: z.number() }),
  installation: z.looseObject({ siteId: z.string(), name: z.string() }),
});

const siteId = { id: "The site's id (a UUID)." };

export const reportsGroup: RouteGroup = {
  tag: 'Reports',
  description: 'Per-site transboundary reports and notification drafts (EN/RU) for a release scenario.',
  schemas: { SiteReport, NotificationDraft },
  routes: [
    {
      method: 'get',
      path: '/sites/:id/report',
      operationId: 'siteReport',
      summary: 'The transboundary report of a site (HTML to print, JSON or CSV)',
      pathParams: siteId,
      query: reportQuery,
      heavy: true,
      responses: {
        200: {
          description: 'The report; HTML answers carry a CSP that allows their own print styles.',
          content: [file('text/html'), json(SiteReport), file('text/csv')],
        },
      },
    },
    {
      method: 'get',
      path: '/sites/:id/notifications',
      operationId: 'siteNotifications',
      summary: 'Notification drafts to each downstream country for a release at a site',
      pathParams: siteId,
      query: notificationsQuery,
      queryNotes: {
        accidentAt: 'When the accident happened (ISO 8601 with zone)',
        plan: 'Contingency plan id: adds its notification deadlines',
      },
      heavy: true,
      responses: {
        200: {
          description: 'One draft per notified country (JSON), or HTML to print.',
          content: [json(z.array(NotificationDraft)), file('text/html')],
        },
      },
    },
  ],
};
