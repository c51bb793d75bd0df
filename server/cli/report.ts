// `hazatlas report <siteId>` and `hazatlas notify <siteId>`: the same report and notification drafts
// as GET /api/sites/:id/report and /notifications, to stdout or a file.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { notificationsOf, siteReportOf } from '../app/reports.js';
import { dbPathFromEnv } from '../config.js';
import { renderNotificationsHtml } from '../core/plans/render-notifications-html.js';
import type { ReportLang } from '../core/report/format.js';
import { renderReportCsv } from '../core/report/render-report-csv.js';
import { renderReportHtml } from '../core/report/render-report-html.js';
import type { Release } from '../core/transport/release.js';
import { createServices } from '../runtime/services.js';
import { withUsage } from './args.js';
import { CliError } from './cli-error.js';
import { releaseFromFlags } from './release-flags.js';

const REPORT_USAGE =
  'Usage: hazatlas report <siteId> [--format html|json|csv] [--lang en|ru] [--release-kg M] [--substance NAME] [--decay-per-day K] [--discharge-factor F] [--limit-mg-l L] [--out FILE]';
const NOTIFY_USAGE =
  'Usage: hazatlas notify <siteId> [--release-kg M] [--substance NAME] [--accident-at ISO] [--format html|json] [--lang en|ru] [--decay-per-day K] [--discharge-factor F] [--limit-mg-l L] [--out FILE]';

const RELEASE_OPTIONS = {
  'release-kg': { type: 'string' },
  substance: { type: 'string' },
  'decay-per-day': { type: 'string' },
  'discharge-factor': { type: 'string' },
  'limit-mg-l': { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  out: { type: 'string' },
} as const;

function langOf(value: string | undefined): ReportLang {
  const lang = value ?? 'en';
  if (lang !== 'en' && lang !== 'ru') throw new CliError(`--lang must be en or ru (got "${lang}").`);
  return lang;
}

function parse(args: string[], usage: string, extra: Record<string, { type: 'string' }> = {}) {
  return withUsage(usage, () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...RELEASE_OPTIONS, ...extra },
    });
    if (positionals.length !== 1) throw new Error('Give exactly one site id.');
    return { values: values as Record<string, string | undefined>, siteId: positionals[0]! };
  });
}

function releaseOf(values: Record<string, string | undefined>): Release | null {
  return releaseFromFlags(
    {
      'release-kg': values['release-kg'],
      substance: values.substance,
      'decay-per-day': values['decay-per-day'],
      'discharge-factor': values['discharge-factor'],
      'limit-mg-l': values['limit-mg-l'],
    },
    (m) => m.replace(/releaseKg/g, '--release-kg'),
  );
}

function formatOf<T extends string>(value: string | undefined, allowed: readonly T[], usage: string): T {
  const f = (value ?? allowed[0]!) as T;
  if (!allowed.includes(f))
    throw new CliError(`--format must be ${allowed.join(', ')} (got "${value}").\n${usage}`);
  return f;
}

function emit(text: string, out: string | undefined): void {
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

const unknownSite = (id: string) => new CliError(`No site ${id}. List site ids with: hazatlas sites list`, 2);

export async function runReportCommand(args: string[]): Promise<void> {
  const { values, siteId } = parse(args, REPORT_USAGE);
  const format = formatOf(values.format, ['html', 'json', 'csv'] as const, REPORT_USAGE);
  const lang = langOf(values.lang);
  const release = releaseOf(values);
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    const report = await siteReportOf(services, siteId, release);
    if (!report) throw unknownSite(siteId);
    emit(
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'csv'
          ? renderReportCsv(report)
          : renderReportHtml(report, { lang }),
      values.out,
    );
  } finally {
    services.close();
  }
}

export async function runNotifyCommand(args: string[]): Promise<void> {
  const { values, siteId } = parse(args, NOTIFY_USAGE, { 'accident-at': { type: 'string' } });
  const format = formatOf(values.format, ['json', 'html'] as const, NOTIFY_USAGE);
  const lang = langOf(values.lang);
  const release = releaseOf(values);
  const at = values['accident-at'];
  const accidentAt = at === undefined ? null : new Date(at);
  if (at !== undefined && (!/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(at) || Number.isNaN(accidentAt!.getTime())))
    throw new CliError(
      `--accident-at must be an ISO 8601 date-time such as 2026-03-01T06:30:00Z (got "${at}").`,
    );
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    const result = await notificationsOf(services, siteId, release, accidentAt);
    if (!result) throw unknownSite(siteId);
    emit(
      format === 'json'
        ? `${JSON.stringify(result.drafts, null, 2)}\n`
        : renderNotificationsHtml(result.drafts, {
            siteName: result.report.site.name,
            generatedAt: result.report.generatedAt,
            lang,
          }),
      values.out,
    );
  } finally {
    services.close();
  }
}
