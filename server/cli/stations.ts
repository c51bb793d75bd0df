// `hazatlas stations import FILE [--dry-run]` and `hazatlas stations list [--json]`: the station
// register from the command line, on the same parsers and store as /api/stations.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { dbPathFromEnv } from '../config.js';
import { stationsFromCsv, stationsFromGeoJson } from '../core/plans/plans-io.js';
import { createServices } from '../runtime/services.js';
import { insertStations, listStations } from '../storage/station-store.js';
import { withUsage } from './args.js';
import { CliError } from './cli-error.js';

const USAGE = `Usage:
  hazatlas stations import FILE.geojson|FILE.csv [--dry-run] [--json]
  hazatlas stations list [--json]`;

export async function runStations(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = withUsage(USAGE, () =>
    parseArgs({
      args: rest,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    }),
  );
  if (sub !== 'import' && sub !== 'list') throw new CliError(USAGE);
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    if (sub === 'list') {
      const { items } = listStations(services.db, { limit: 1000, offset: 0 });
      process.stdout.write(
        values.json
          ? `${JSON.stringify(items, null, 2)}\n`
          : `${items.map((s) => `${s.id.padEnd(24)} ${s.kind.padEnd(13)} ${(s.country ?? '').padEnd(4)} ${(s.river ?? '—').padEnd(24)} km ${s.riverKm ?? '—'}  ${s.name}`).join('\n')}\n`,
      );
      return;
    }
    const file = positionals[0];
    if (!file) throw new CliError(USAGE);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new CliError(`Cannot read ${file}.`);
    }
    let parsed: ReturnType<typeof stationsFromCsv>;
    if (/\.(geo)?json$/i.test(file)) {
      try {
        parsed = stationsFromGeoJson(JSON.parse(text));
      } catch {
        throw new CliError(`${file} is not valid JSON.`);
      }
    } else parsed = stationsFromCsv(text);
    if (!parsed.ok) throw new CliError(parsed.message);
    if (parsed.errors.length)
      throw new CliError(
        `${parsed.errors.length} problem(s); nothing was stored:\n${parsed.errors.map((e) => `  line ${e.line}${e.field ? ` ${e.field}` : ''}: ${e.message}`).join('\n')}`,
      );
    if (values['dry-run']) {
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ dryRun: true, valid: parsed.rows.length, imported: 0 })}\n`
          : `${parsed.rows.length} station(s) would be imported (dry run).\n`,
      );
      return;
    }
    const ids = insertStations(
      services.db,
      services.network,
      services.meta.built_at ?? null,
      parsed.rows,
      services.discharge.chainage ?? null,
    );
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ dryRun: false, imported: ids.length, ids })}\n`
        : `Imported ${ids.length} station(s).\n`,
    );
  } finally {
    services.close();
  }
}
