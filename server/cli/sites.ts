// `hazatlas sites import|export|list`: the register from the command line, same rules as the HTTP API.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { dbPathFromEnv } from '../config.js';
import { SiteExportQuery, SiteListQuery } from '../core/register/site-filter.js';
import type { SiteSummary } from '../core/register/site-record.js';
import { zodIssues } from '../core/register/site-validate.js';
import { openDb } from '../storage/db.js';
import { exportSites } from '../storage/site-export.js';
import { importRows } from '../storage/site-import.js';
import { listSites } from '../storage/site-query.js';
import { withUsage } from './args.js';
import { CliError } from './cli-error.js';
import { readImportFile } from './import-file.js';
import { createProgress } from './progress.js';

/** From this many rows an import or export reports progress even when stderr is not a terminal. */
const LARGE = 1000;

export const SITES_USAGE = `  sites import FILE [--format geojson|csv|kml|kmz|gpkg|shp] [--crs EPSG:xxxx] [--dry-run] [--skip-duplicates] [--json]
  sites export --format geojson|csv|kml|gpkg [--dialect excel] [filters] [--out FILE]
  sites list [filters] [--sort KEY] [--limit N] [--offset N] [--json]
    filters: --country ISO3 --basin NAME|ID --kind K --sector S --status S --bbox W,S,E,N
             --q TEXT --min-wri N --min-thi N --annex-i true|false`;

const FILTER_OPTIONS = {
  country: { type: 'string' },
  basin: { type: 'string' },
  kind: { type: 'string' },
  sector: { type: 'string' },
  status: { type: 'string' },
  bbox: { type: 'string' },
  q: { type: 'string' },
  'min-wri': { type: 'string' },
  'min-thi': { type: 'string' },
  'annex-i': { type: 'string' },
  sort: { type: 'string' },
} as const;

/** Maps CLI flags onto the HTTP query names and validates them with the same zod schema. */
function filterQuery<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
  extra: Record<string, unknown>,
) {
  const q: Record<string, unknown> = { ...extra };
  const rename: Record<string, string> = { 'min-wri': 'minWri', 'min-thi': 'minThi', 'annex-i': 'annexI' };
  for (const key of Object.keys(FILTER_OPTIONS)) {
    if (values[key] !== undefined) q[rename[key] ?? key] = values[key];
  }
  const r = schema.safeParse(q);
  if (!r.success) {
    throw new CliError(
      zodIssues(r.error)
        .map((i) => `--${i.path || '?'}: ${i.message}`)
        .join('\n'),
    );
  }
  return r.data as z.output<S>;
}

async function importCommand(argv: string[]): Promise<void> {
  const { values, positionals } = withUsage(`Usage:\n${SITES_USAGE}`, () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        crs: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'skip-duplicates': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }),
  );
  const file = positionals[0];
  if (!file) throw new CliError(`sites import needs a FILE.\nUsage:\n${SITES_USAGE}`);
  const parsed = readImportFile(file, ['geojson', 'csv', 'kml', 'kmz', 'gpkg', 'shp'], values);
  const progress = createProgress(process.stderr, {
    enabled: process.stderr.isTTY === true || parsed.rows.length >= LARGE,
  });
  progress.stage(`loading the river network`);
  const { createServices } = await import('../runtime/services.js');
  const services = createServices({ dbPath: dbPathFromEnv() });
  progress.done('river network loaded');
  let stage: 'validate' | 'store' | null = null;
  try {
    const report = importRows(services.db, services.hydrology, parsed.rows, parsed.errors, {
      onProgress: (e) => {
        if (e.stage !== stage) {
          if (stage === 'validate')
            progress.done(`checked ${parsed.rows.length.toLocaleString('en')} row(s)`);
          stage = e.stage;
          progress.stage(
            e.stage === 'validate'
              ? `checking ${e.total.toLocaleString('en')} row(s)`
              : `storing ${e.total.toLocaleString('en')} site(s) (deriving river, basin, downstream countries)`,
          );
        }
        progress.tick(e.done, e.total);
      },
      dryRun: values['dry-run'] ?? false,
      onDuplicate: values['skip-duplicates'] ? 'skip' : 'error',
      // The CLI is the local operator who owns the database file: recorded as cli:<os user>.
      change: { actor: { kind: 'cli', osUser: os.userInfo().username } },
    });
    if (stage === 'store') progress.done(`stored ${report.ids.length.toLocaleString('en')} site(s)`);
    else if (stage === 'validate') progress.done(`checked ${parsed.rows.length.toLocaleString('en')} row(s)`);
    if (values.json) {
      // The same report as POST /api/sites/import; the exit code still says whether it landed.
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      if (report.errors.length > 0) throw new CliError(`${report.errors.length} error(s) in ${file}.`, 1);
      return;
    }
    for (const e of report.errors)
      process.stderr.write(`${file}:${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}\n`);
    for (const w of report.warnings)
      process.stderr.write(`${file}: warning: ${w.message} (${w.count} row(s), from line ${w.lines[0]})\n`);
    const verb = report.dryRun
      ? 'would import'
      : report.errors.length > 0
        ? 'imported nothing; rejected'
        : 'imported';
    const counts =
      report.errors.length > 0 && !report.dryRun ? `${report.rejected} row(s)` : `${report.accepted} site(s)`;
    process.stdout.write(
      `${verb} ${counts}` +
        (report.dryRun || report.errors.length === 0 ? `, ${report.rejected} rejected` : '') +
        (report.updated ? `, ${report.updated} of them update(s) by id` : '') +
        `, ${report.duplicates.length} duplicate(s)${report.skipped ? ` (${report.skipped} skipped)` : ''}.\n`,
    );
    if (report.errors.length > 0) throw new CliError(`${report.errors.length} error(s) in ${file}.`, 1);
  } finally {
    services.close();
  }
}

function exportCommand(argv: string[]): void {
  const { values } = withUsage(`Usage:\n${SITES_USAGE}`, () =>
    parseArgs({
      args: argv,
      options: {
        ...FILTER_OPTIONS,
        format: { type: 'string' },
        dialect: { type: 'string' },
        out: { type: 'string' },
      },
    }),
  );
  if (!values.format)
    throw new CliError(`sites export needs --format geojson|csv|kml|gpkg.\nUsage:\n${SITES_USAGE}`);
  if (values.format === 'gpkg' && !values.out)
    throw new CliError('A GeoPackage is a binary file: give --out FILE.gpkg.');
  const q = filterQuery(SiteExportQuery, values, {
    format: values.format,
    ...(values.dialect === undefined ? {} : { dialect: values.dialect }),
  });
  const db = openDb(dbPathFromEnv());
  try {
    const text = exportSites(db, q);
    if (values.out) fs.writeFileSync(values.out, text);
    else if (typeof text === 'string') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  } finally {
    db.close();
  }
}

function listCommand(argv: string[]): void {
  const { values } = withUsage(`Usage:\n${SITES_USAGE}`, () =>
    parseArgs({
      args: argv,
      options: {
        ...FILTER_OPTIONS,
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  const extra: Record<string, unknown> = {};
  if (values.limit !== undefined) extra.limit = values.limit;
  if (values.offset !== undefined) extra.offset = values.offset;
  const q = filterQuery(SiteListQuery, values, extra);
  const db = openDb(dbPathFromEnv());
  try {
    const page = listSites(db, q);
    process.stdout.write(
      values.json ? `${JSON.stringify(page, null, 2)}\n` : table(page.items, page.total, page.offset),
    );
  } finally {
    db.close();
  }
}

function table(items: SiteSummary[], total: number, offset: number): string {
  const head = ['ID', 'NAME', 'KIND', 'COUNTRY', 'BASIN', 'RIVER', 'WRI', 'THI'];
  const rows = items.map((s) => [
    s.id.slice(0, 8),
    s.name.length > 40 ? `${s.name.slice(0, 39)}…` : s.name,
    s.kind,
    s.countryIso3 ?? '',
    s.basinName ?? '',
    s.river ?? '',
    s.wri === null ? '' : s.wri.toFixed(1),
    s.thi === null ? '' : s.thi.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    `${r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()}\n`;
  const shown = items.length ? `${offset + 1}–${offset + items.length}` : '0';
  return `${fmt(head)}${rows.map(fmt).join('')}(${shown} of ${total})\n`;
}

export async function runSites(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'import') return importCommand(rest);
  if (sub === 'export') return exportCommand(rest);
  if (sub === 'list') return listCommand(rest);
  throw new CliError(`${sub ? `Unknown sites command "${sub}".\n` : ''}Usage:\n${SITES_USAGE}`);
}
