// `hazatlas trace <lon> <lat>`: the same trace as GET /api/trace, as a table or as JSON.
import { parseArgs } from 'node:util';
import { notificationsFor } from '../app/plans.js';
import { tracePoint, traceSite } from '../app/trace.js';
import { dbPathFromEnv } from '../config.js';
import type { RiverKm } from '../core/trace/river-km.js';
import type { TraceResult } from '../core/trace/trace.js';
import { MAX_SNAP_MAX_KM } from '../core/transport/trace-request.js';
import { createServices } from '../runtime/services.js';
import { markNegatives, numberArg, unmarkNegatives, unmarkValues, withUsage } from './args.js';
import { CliError } from './cli-error.js';
import { formatNotifications } from './notifications-format.js';
import { releaseFromFlags } from './release-flags.js';
import { formatRelease } from './trace-release-format.js';

const USAGE = `Usage: hazatlas trace <lon> <lat> | --site ID [--max-km N] [--snap-max-km N] [--river NAME] [--release-kg M | --release-volume-m3 V --release-concentration-mg-l C] [--substance NAME] [--decay-per-day K] [--discharge-factor F] [--limit-mg-l L] [--released-at ISO [--plan ID]] [--json]`;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export async function runTraceCommand(args: string[]): Promise<void> {
  const { values, positionals } = withUsage(USAGE, () => parseTraceArgs(args));
  const site = values.site?.trim();
  if (site !== undefined && positionals.length > 0)
    throw new CliError(`Give either --site ID or two coordinates, not both.\n${USAGE}`);
  if (site === undefined && positionals.length !== 2)
    throw new CliError(
      'Give exactly two coordinates: trace <lon> <lat> (WGS84 degrees), or trace --site ID.',
    );
  const point =
    site === undefined
      ? { lon: numberArg(positionals[0], 'lon', -180, 180)!, lat: numberArg(positionals[1], 'lat', -90, 90)! }
      : null;
  const release = releaseFromFlags(values);
  const releasedAt = values['released-at'];
  if (values.plan !== undefined && releasedAt === undefined)
    throw new CliError('--plan needs --released-at (ISO 8601 with a zone, e.g. 2026-03-01T06:00:00Z).');
  if (releasedAt !== undefined && !ISO_WITH_ZONE.test(releasedAt))
    throw new CliError(
      `--released-at must be an ISO 8601 date-time with a zone, e.g. 2026-03-01T06:00:00Z (got "${releasedAt}").`,
    );
  if (releasedAt !== undefined && !release)
    throw new CliError(
      '--released-at needs a release: give --release-kg (or --release-volume-m3 with --release-concentration-mg-l).',
    );
  const options = {
    maxKm: numberArg(values['max-km'], '--max-km', 0.001, 20000),
    snapMaxKm: numberArg(values['snap-max-km'], '--snap-max-km', 0.001, MAX_SNAP_MAX_KM),
    river: values.river,
    release,
  };
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    const outcome = point
      ? tracePoint(services, { ...point, ...options, river: options.river ?? null })
      : await traceSite(services, site!, options);
    if (!outcome.ok) throw new CliError(`${outcome.code}: ${outcome.message}`);
    if (releasedAt !== undefined && 'release' in outcome.result) {
      // The CLI reads the database file directly, so its user may see the plan's contact points.
      const siteRecord = site === undefined ? null : await services.store.getSite(site);
      const n = await notificationsFor(services, {
        start: siteRecord ? siteRecord.location : point!,
        originIso3: siteRecord?.derived?.countryIso3 ?? null,
        trace: outcome.result,
        releasedAt: new Date(releasedAt),
        plan: values.plan === undefined ? { kind: 'covering' } : { kind: 'id', id: values.plan },
        canReadContacts: true,
      });
      if (!n.ok) throw new CliError(`UNKNOWN_PLAN: ${n.message}`);
      const { notifications, ...notificationPlan } = n.block;
      process.stdout.write(
        values.json
          ? `${JSON.stringify({ ...outcome.result, notifications, notificationPlan }, null, 2)}\n`
          : formatTrace(outcome.result) + formatRelease(outcome.result) + formatNotifications(n.block),
      );
      return;
    }
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
      site: { type: 'string' },
      'release-kg': { type: 'string' },
      'release-volume-m3': { type: 'string' },
      'release-concentration-mg-l': { type: 'string' },
      substance: { type: 'string' },
      'decay-per-day': { type: 'string' },
      'discharge-factor': { type: 'string' },
      'limit-mg-l': { type: 'string' },
      'released-at': { type: 'string' },
      plan: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  return { values: unmarkValues(parsed.values), positionals: unmarkNegatives(parsed.positionals) };
}

const km = (x: number) => x.toFixed(1).padStart(8);

/** The official chainage, as users quote it ("Danube km 1,071"). */
const officialKm = (r: RiverKm | null) => (r ? `  [${r.river} km ${Math.round(r.km)}]` : '');

export function formatTrace(t: TraceResult): string {
  const lines = [
    `Start: ${t.snap.river ?? t.snap.connection.via ?? '(unnamed river)'} at ${t.snap.lon.toFixed(4)}, ${t.snap.lat.toFixed(4)} (snapped ${t.snap.distanceKm.toFixed(2)} km)`,
    ...(t.snap.connection.kind === 'assumed'
      ? [
          `Not traced: the first ${t.snap.connection.distanceKm.toFixed(1)} km, from the start to the ${t.snap.connection.via ?? 'network'}, are not in the river network and are not timed`,
        ]
      : []),
    ...t.warnings.map((w) => `Warning (${w.code}): ${w.message}`),
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
