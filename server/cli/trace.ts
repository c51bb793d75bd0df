// `hazatlas trace <lon> <lat>`: the same trace as GET /api/trace, as a table or as JSON.
import { parseArgs } from 'node:util';
import type { RiverKm } from '../core/trace/river-km.js';
import type { TraceResult } from '../core/trace/trace.js';
import { runTrace } from '../core/trace/trace-request.js';
import { RELEASE_LIMITS, resolveRelease } from '../core/transport/release.js';
import { createServices } from '../services.js';
import { dbPathFromEnv } from '../storage/db.js';
import { markNegatives, unmarkNegatives, withUsage } from './args.js';
import { CliError } from './cli-error.js';
import { formatRelease } from './trace-release-format.js';

function numberArg(value: string | undefined, label: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new CliError(`${label} must be a number between ${min} and ${max} (got "${value}").`);
  }
  return n;
}

export async function runTraceCommand(args: string[]): Promise<void> {
  const parsed = withUsage(
    `Usage: hazatlas trace <lon> <lat> [--max-km N] [--snap-max-km N] [--river NAME] [--release-kg M | --release-volume-m3 V --release-concentration-mg-l C] [--substance NAME] [--decay-per-day K] [--discharge-factor F] [--limit-mg-l L] [--json]`,
    () => parseTraceArgs(args),
  );
  const { values, positionals } = parsed;
  if (positionals.length !== 2)
    throw new CliError('Give exactly two coordinates: trace <lon> <lat> (WGS84 degrees).');
  const lon = numberArg(positionals[0], 'lon', -180, 180)!;
  const lat = numberArg(positionals[1], 'lat', -90, 90)!;
  const L = RELEASE_LIMITS;
  const resolved = resolveRelease({
    releaseKg: numberArg(values['release-kg'], '--release-kg', ...L.releaseKg),
    releaseVolumeM3: numberArg(values['release-volume-m3'], '--release-volume-m3', ...L.releaseVolumeM3),
    releaseConcentrationMgL: numberArg(
      values['release-concentration-mg-l'],
      '--release-concentration-mg-l',
      ...L.releaseConcentrationMgL,
    ),
    substance: values.substance,
    decayPerDay: numberArg(values['decay-per-day'], '--decay-per-day', ...L.decayPerDay),
    dischargeFactor: numberArg(values['discharge-factor'], '--discharge-factor', ...L.dischargeFactor),
    limitMgL: numberArg(values['limit-mg-l'], '--limit-mg-l', ...L.limitMgL),
  });
  if (!resolved.ok) throw new CliError(resolved.message);
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    const outcome = runTrace(
      services.network,
      services.land,
      {
        lon,
        lat,
        maxKm: numberArg(values['max-km'], '--max-km', 0.001, 20000),
        snapMaxKm: numberArg(values['snap-max-km'], '--snap-max-km', 0.001, 200),
        river: values.river ?? null,
        release: resolved.release,
      },
      services.discharge,
    );
    if (!outcome.ok) throw new CliError(`${outcome.code}: ${outcome.message}`);
    process.stdout.write(
      values.json
        ? `${JSON.stringify(outcome.result, null, 2)}\n`
        : formatTrace(outcome.result) + ('release' in outcome.result ? formatRelease(outcome.result) : ''),
    );
  } finally {
    services.close();
  }
}

function parseTraceArgs(args: string[]) {
  const parsed = parseArgs({
    args: markNegatives(args),
    allowPositionals: true,
    allowNegative: false,
    options: {
      'max-km': { type: 'string' },
      'snap-max-km': { type: 'string' },
      river: { type: 'string' },
      'release-kg': { type: 'string' },
      'release-volume-m3': { type: 'string' },
      'release-concentration-mg-l': { type: 'string' },
      substance: { type: 'string' },
      'decay-per-day': { type: 'string' },
      'discharge-factor': { type: 'string' },
      'limit-mg-l': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  return { values: parsed.values, positionals: unmarkNegatives(parsed.positionals) };
}

const km = (x: number) => x.toFixed(1).padStart(8);

/** The official chainage, as users quote it ("Danube km 1,071"). */
const officialKm = (r: RiverKm | null) => (r ? `  [${r.river} km ${Math.round(r.km)}]` : '');

export function formatTrace(t: TraceResult): string {
  const lines = [
    `Start: ${t.snap.river ?? '(unnamed river)'} at ${t.snap.lon.toFixed(4)}, ${t.snap.lat.toFixed(4)} (snapped ${t.snap.distanceKm.toFixed(2)} km)`,
    `Main path: ${t.lengthKm.toFixed(1)} km${t.truncated ? ' (stopped at max km)' : ''}`,
    '',
    'Countries    entry km  exit km',
    ...t.countries.map(
      (c) =>
        `  ${[c.iso3, ...c.sharedWith].join('/').padEnd(9)} ${km(c.entryKm)} ${km(c.exitKm)}  ${c.name}${c.sharedWith.length ? ' (border stretch)' : ''}${officialKm(c.riverKm)}`,
    ),
    '',
    'Crossings         km',
    ...t.crossings.map(
      (c) =>
        `  ${`${c.from} → ${c.to}`.padEnd(12)} ${km(c.km)}  ${c.lat.toFixed(4)}, ${c.lon.toFixed(4)}  ${c.kind}${officialKm(c.riverKm)}`,
    ),
    '',
    'Rivers       from km    to km',
    ...t.rivers.map((r) => `  ${(r.name ?? '(unnamed)').padEnd(10)} ${km(r.fromKm)} ${km(r.toKm)}`),
    '',
    'Outlets            km',
    ...t.outlets.map(
      (o) =>
        `  ${o.name.padEnd(14)} ${km(o.km)}  via ${o.river ?? '(unnamed)'}${o.main ? ' (main path)' : ''}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
