// `hazatlas receptors import|list`: receptor layers (water intakes, schools, flood zones, …) from the
// command line, with the same parsing, validation and all-or-nothing rule as POST /api/receptors/import.
import { parseArgs } from 'node:util';
import { dbPathFromEnv } from '../config.js';
import { RECEPTOR_KINDS } from '../core/planning/receptor-schema.js';
import { openDb } from '../storage/db.js';
import { importReceptors, listReceptors } from '../storage/receptor-store.js';
import { withUsage } from './args.js';
import { CliError } from './cli-error.js';
import { readImportFile } from './import-file.js';

export const RECEPTORS_USAGE = `  receptors import FILE [--format geojson|csv|kml] [--kind K] [--crs EPSG:xxxx] [--dry-run] [--skip-invalid] [--json]
  receptors list [--kind K[,K…]] [--limit N] [--json]
    kinds: ${RECEPTOR_KINDS.join(', ')}`;

function kindArg(value: string | undefined): string | undefined {
  if (value !== undefined && !(RECEPTOR_KINDS as readonly string[]).includes(value)) {
    throw new CliError(`--kind must be one of ${RECEPTOR_KINDS.join(', ')} (got "${value}").`);
  }
  return value;
}

function importCommand(argv: string[]): void {
  const { values, positionals } = withUsage(`Usage:\n${RECEPTORS_USAGE}`, () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        kind: { type: 'string' },
        crs: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'skip-invalid': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }),
  );
  const file = positionals[0];
  if (!file) throw new CliError(`receptors import needs a FILE.\nUsage:\n${RECEPTORS_USAGE}`);
  const defaultKind = kindArg(values.kind);
  const parsed = readImportFile(file, ['geojson', 'csv', 'kml'], values);
  const db = openDb(dbPathFromEnv());
  try {
    const report = importReceptors(db, parsed.rows, parsed.errors, {
      dryRun: values['dry-run'] ?? false,
      defaultKind,
      skipInvalid: values['skip-invalid'] ?? false,
    });
    const refused = report.errors.length > 0 && !values['skip-invalid'];
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      if (refused) throw new CliError(`${report.errors.length} error(s) in ${file}.`, 1);
      return;
    }
    for (const e of report.errors)
      process.stderr.write(`${file}:${e.line}: ${e.field ? `${e.field}: ` : ''}${e.message}\n`);
    const stored = report.ids.length;
    const verb = report.dryRun
      ? `would import ${report.accepted} receptor(s)`
      : stored > 0
        ? `imported ${stored} receptor(s)`
        : 'imported nothing';
    process.stdout.write(`${verb}, ${report.rejected} rejected.\n`);
    // Refused (errors without --skip-invalid) is a failure; a dry run with errors reports them the same way.
    if (report.errors.length > 0 && !values['skip-invalid'])
      throw new CliError(`${report.errors.length} error(s) in ${file}.`, 1);
  } finally {
    db.close();
  }
}

function listCommand(argv: string[]): void {
  const { values } = withUsage(`Usage:\n${RECEPTORS_USAGE}`, () =>
    parseArgs({
      args: argv,
      options: { kind: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
    }),
  );
  const kinds = values.kind?.split(',').map((k) => kindArg(k.trim()) as string);
  const limit =
    values.limit === undefined ? 1000 : /^\d{1,6}$/.test(values.limit) ? Number(values.limit) : Number.NaN;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
    throw new CliError(`--limit must be a whole number from 1 to 10000 (got "${values.limit}").`);
  const db = openDb(dbPathFromEnv());
  try {
    const page = listReceptors(db, { kinds, limit });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
      return;
    }
    for (const r of page.items)
      process.stdout.write(
        `${r.id.slice(0, 8)}  ${r.kind.padEnd(15)} ${r.lon.toFixed(4)} ${r.lat.toFixed(4)}  ${r.name}\n`,
      );
    process.stdout.write(`(${page.items.length} of ${page.total})\n`);
  } finally {
    db.close();
  }
}

export async function runReceptors(argv: string[]): Promise<void> {
  const [sub, ...rest] = argv;
  if (sub === 'import') importCommand(rest);
  else if (sub === 'list') listCommand(rest);
  else throw new CliError(`Usage:\n${RECEPTORS_USAGE}`);
}
