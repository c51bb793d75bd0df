// Heavy jobs (imports, exports, large planning reviews, reports) as plain data in and out, so the same
// code runs inline or on the jobs worker thread (server/workers/jobs-worker.ts). Import reports are
// capped: the first MAX_REPORTED_ERRORS errors and duplicates, plus their full counts.
import type { Point, Polygon } from 'geojson';
import type { AppContext } from '../app/context.js';
import { planningReview } from '../app/planning.js';
import { siteNotificationBlock } from '../app/plans.js';
import { notificationsOf, siteReportOf } from '../app/reports.js';
import type { Actor } from '../auth/roles.js';
import { type PlannedDraft, withPlan } from '../core/plans/draft-plan.js';
import { renderNotificationsHtml } from '../core/plans/render-notifications-html.js';
import type { RowError } from '../core/register/import/types.js';
import type { SiteExportQuery } from '../core/register/site-filter.js';
import type { ReportLang } from '../core/report/format.js';
import type { NotificationDraft } from '../core/report/notification-model.js';
import { renderReportCsv } from '../core/report/render-report-csv.js';
import { renderReportHtml } from '../core/report/render-report-html.js';
import type { Release } from '../core/transport/release.js';
import type { Db } from '../storage/db.js';
import type { FileFormat } from '../storage/import-file-formats.js';
import { importReceptors } from '../storage/receptor-store.js';
import { EXPORT_MEDIA_TYPES, exportSites } from '../storage/site-export.js';
import { type ImportReport, importRows } from '../storage/site-import.js';
import {
  type ImportFile,
  MAX_REPORTED_ERRORS,
  parseWholeFile,
  streamReceptorImport,
  streamSiteImport,
} from './import-job.js';

export { MAX_IMPORT_ROWS, MAX_REPORTED_ERRORS } from './import-job.js';

export type Job =
  | { kind: 'review'; dev: { geometry: Point | Polygon; developmentType: string; name: string | null } }
  | { kind: 'export'; query: SiteExportQuery }
  | {
      kind: 'siteImport';
      format: FileFormat;
      /** The uploaded file on disk (never its bytes in a message). */
      file: ImportFile;
      crs: string | undefined;
      layer?: string | undefined;
      dryRun: boolean;
      onDuplicate: 'error' | 'skip';
      /** Store the valid rows and list the rest, instead of all or none. */
      skipInvalid: boolean;
      actor: Actor;
    }
  | {
      kind: 'receptorImport';
      format: FileFormat;
      file: ImportFile;
      crs: string | undefined;
      layer?: string | undefined;
      dryRun: boolean;
      defaultKind: string | undefined;
      skipInvalid: boolean;
    }
  | { kind: 'report'; id: string; release: Release | null; format: 'html' | 'json' | 'csv'; lang: ReportLang }
  | {
      kind: 'notifications';
      id: string;
      release: Release | null;
      accidentAt: string | null;
      format: 'html' | 'json';
      lang: ReportLang;
      /** With a plan, each draft carries both countries' contact points and the plan's deadline. */
      plan: string | null;
      /** Contact points are shown only to a logged-in caller. */
      loggedIn: boolean;
    };

export type JobResult =
  | { kind: 'json'; status: number; value: unknown }
  /** A file: text, or bytes (a GeoPackage export); bytes cross the worker boundary as a Uint8Array. */
  | { kind: 'text'; contentType: string; body: string | Uint8Array; filename?: string }
  | { kind: 'error'; status: number; code: string; message: string; details?: unknown };

function capped<T>(items: readonly T[]): T[] {
  return items.length > MAX_REPORTED_ERRORS ? items.slice(0, MAX_REPORTED_ERRORS) : [...items];
}

/**
 * The report with its lists cut to the first MAX_REPORTED_ERRORS, and counts of everything (a streamed
 * import's report was capped as it went and carries its counts).
 */
function capReport<
  R extends { errors: RowError[]; duplicates?: unknown[]; errorCount?: number; duplicateCount?: number },
>(report: R) {
  const errorCount = report.errorCount ?? report.errors.length;
  const duplicateCount = report.duplicateCount ?? report.duplicates?.length ?? 0;
  return {
    ...report,
    errors: capped(report.errors),
    ...(report.duplicates ? { duplicates: capped(report.duplicates) } : {}),
    errorCount,
    ...(report.duplicates ? { duplicateCount } : {}),
    truncated: errorCount > MAX_REPORTED_ERRORS || duplicateCount > MAX_REPORTED_ERRORS,
  };
}

const notFound = (id: string): JobResult => ({
  kind: 'error',
  status: 404,
  code: 'NOT_FOUND',
  message: `No site ${id.slice(0, 100)}. Check the id (GET /api/sites).`,
});

/** A file name part that cannot break the Content-Disposition header. */
const fileSafe = (id: string) => id.replace(/[^\w-]/g, '').slice(0, 64) || 'site';

/** What a job needs: the use cases' context and, for the imports and exports not yet behind the store, the database. */
export type JobContext = AppContext & { db: Db };

function siteImportAnswer(report: ImportReport & { errorCount?: number }, skipInvalid: boolean): JobResult {
  const errors = report.errorCount ?? report.errors.length;
  return {
    kind: 'json',
    status: errors > 0 && !report.dryRun && !skipInvalid ? 422 : 200,
    value: capReport(report),
  };
}

/**
 * On the jobs worker: CSV and GeoJSON site and receptor imports stream from their file (the worker's connection is
 * its own, so the import's transaction may stay open across reads); everything else as runJob.
 */
export async function runJobOnWorker(services: JobContext, job: Job): Promise<JobResult> {
  if (job.kind === 'siteImport' && (job.format === 'csv' || job.format === 'geojson')) {
    const r = await streamSiteImport(services.db, services.hydrology, {
      format: job.format,
      file: job.file,
      crs: job.crs,
      dryRun: job.dryRun,
      onDuplicate: job.onDuplicate,
      skipInvalid: job.skipInvalid,
      change: { actor: job.actor },
    });
    return r.kind === 'error' ? r : siteImportAnswer(r.report, job.skipInvalid);
  }
  if (job.kind === 'receptorImport' && (job.format === 'csv' || job.format === 'geojson')) {
    const r = await streamReceptorImport(services.db, {
      format: job.format,
      file: job.file,
      crs: job.crs,
      dryRun: job.dryRun,
      defaultKind: job.defaultKind,
      skipInvalid: job.skipInvalid,
    });
    if (r.kind === 'error') return r;
    const status = r.report.errorCount > 0 && !r.report.dryRun && !job.skipInvalid ? 422 : 200;
    return { kind: 'json', status, value: capReport(r.report) };
  }
  return runJob(services, job);
}

export async function runJob(services: JobContext, job: Job): Promise<JobResult> {
  switch (job.kind) {
    case 'review':
      return { kind: 'json', status: 200, value: await planningReview(services, job.dev) };
    case 'export':
      return {
        kind: 'text',
        contentType: EXPORT_MEDIA_TYPES[job.query.format],
        body: exportSites(services.db, job.query),
        filename: `hazatlas-sites.${job.query.format}`,
      };
    case 'siteImport': {
      const p = parseWholeFile(job.format, job.file, job.crs, job.layer);
      if (!('rows' in p)) return p;
      const report = importRows(services.db, services.hydrology, p.rows, p.errors, {
        dryRun: job.dryRun,
        onDuplicate: job.onDuplicate,
        skipInvalid: job.skipInvalid,
        change: { actor: job.actor },
        listLimit: MAX_REPORTED_ERRORS,
      });
      return siteImportAnswer(report, job.skipInvalid);
    }
    case 'receptorImport': {
      const p = parseWholeFile(job.format, job.file, job.crs, job.layer);
      if (!('rows' in p)) return p;
      const report = importReceptors(services.db, p.rows, p.errors, {
        dryRun: job.dryRun,
        defaultKind: job.defaultKind,
        skipInvalid: job.skipInvalid,
      });
      const status = report.errors.length > 0 && !report.dryRun && !job.skipInvalid ? 422 : 200;
      return { kind: 'json', status, value: capReport(report) };
    }
    case 'report': {
      const report = await siteReportOf(services, job.id, job.release);
      if (!report) return notFound(job.id);
      if (job.format === 'json') return { kind: 'json', status: 200, value: report };
      if (job.format === 'csv')
        return {
          kind: 'text',
          contentType: 'text/csv; charset=utf-8',
          body: renderReportCsv(report),
          filename: `hazatlas-report-${fileSafe(job.id)}.csv`,
        };
      return {
        kind: 'text',
        contentType: 'text/html; charset=utf-8',
        body: renderReportHtml(report, { lang: job.lang }),
      };
    }
    case 'notifications': {
      const accidentAt = job.accidentAt ? new Date(job.accidentAt) : null;
      const found = await notificationsOf(services, job.id, job.release, accidentAt);
      if (!found) return notFound(job.id);
      let drafts: (NotificationDraft | PlannedDraft)[] = found.drafts;
      if (job.plan !== null) {
        const block = await siteNotificationBlock(
          services,
          job.id,
          job.release,
          accidentAt ?? new Date(found.report.generatedAt),
          job.plan,
          job.loggedIn,
        );
        if (block && !block.ok)
          return { kind: 'error', status: 400, code: 'UNKNOWN_PLAN', message: block.message };
        drafts = withPlan(found.drafts, block?.block ?? null);
      }
      const result = { ...found, drafts };
      if (job.format === 'json') return { kind: 'json', status: 200, value: result.drafts };
      return {
        kind: 'text',
        contentType: 'text/html; charset=utf-8',
        body: renderNotificationsHtml(result.drafts, {
          siteName: result.report.site.name,
          generatedAt: result.report.generatedAt,
          lang: job.lang,
        }),
      };
    }
  }
}
