// `hazatlas upstream <lon> <lat>` and `hazatlas matrix`: the same answers as GET /api/upstream and
// GET /api/matrix[.csv], as a table, JSON or CSV.
import { parseArgs } from 'node:util';
import { firstIssue } from '../app/request.js';
import { transboundaryMatrix, upstreamRequest, upstreamSites } from '../app/upstream.js';
import { dbPathFromEnv } from '../config.js';
import { type BasinMatrix, matrixCsv } from '../core/upstream/basin-matrix.js';
import type { UpstreamResult } from '../core/upstream/upstream-report.js';
import { createServices } from '../runtime/services.js';
import { markNegatives, unmarkNegatives, unmarkValues, withUsage } from './args.js';
import { CliError } from './cli-error.js';

const UPSTREAM_USAGE =
  'Usage: hazatlas upstream <lon> <lat> [--max-km N] [--max-hours H] [--snap-max-km N] [--river NAME] [--limit N] [--json]';
const MATRIX_USAGE = 'Usage: hazatlas matrix [--basin NAME|ID] [--csv|--json]';

export async function runUpstreamCommand(args: string[]): Promise<void> {
  const parsed = withUsage(UPSTREAM_USAGE, () =>
    parseArgs({ args: markNegatives(args), allowPositionals: true, options: UPSTREAM_OPTIONS }),
  );
  const values = unmarkValues(parsed.values);
  const positionals = unmarkNegatives(parsed.positionals);
  if (positionals.length !== 2)
    throw new CliError(
      `Give exactly two coordinates: upstream <lon> <lat> (WGS84 degrees).\n${UPSTREAM_USAGE}`,
    );
  const request = upstreamRequest('cli').safeParse({
    lon: positionals[0],
    lat: positionals[1],
    maxKm: values['max-km'],
    maxHours: values['max-hours'],
    snapMaxKm: values['snap-max-km'],
    river: values.river,
    limit: values.limit,
  });
  if (!request.success) throw new CliError(firstIssue(request.error));
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    const answer = await upstreamSites(services, request.data);
    if (!answer.ok) throw new CliError(`${answer.code}: ${answer.message}`);
    const { ok: _, warnings: __, ...result } = answer;
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatUpstream(result));
  } finally {
    services.close();
  }
}

const UPSTREAM_OPTIONS = {
  'max-km': { type: 'string' },
  'max-hours': { type: 'string' },
  'snap-max-km': { type: 'string' },
  river: { type: 'string' },
  limit: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

const num = (x: number | null, w: number, d = 1) => (x === null ? '–' : x.toFixed(d)).padStart(w);

export function formatUpstream(r: UpstreamResult): string {
  const byId = new Map(r.sites.map((s) => [s.id, s]));
  const row = (id: string) => {
    const s = byId.get(id)!;
    return `  ${num(s.riverKm, 8)} ${num(s.arrivalH, 8)}  ${(s.country ?? '?').padEnd(4)}${s.annexI ? 'A' : ' '} ${num(s.wri, 5)} ${num(s.thi, 5)}  ${s.name}${s.river ? ` (${s.river})` : ''}`;
  };
  const limits = [
    r.limits.maxKm !== null ? `within ${r.limits.maxKm} km` : null,
    r.limits.maxHours !== null ? `within ${r.limits.maxHours} h` : null,
  ].filter(Boolean);
  const head = '   river km  arrival h  ctry  WRI   THI   site   (A = Annex I hazardous)';
  return `${[
    `Point: ${r.snap.river ?? '(unnamed river)'} at ${r.snap.lon.toFixed(4)}, ${r.snap.lat.toFixed(4)} (snapped ${r.snap.distanceKm.toFixed(2)} km)`,
    `Upstream sites: ${r.total}${limits.length ? ` ${limits.join(', ')}` : ''}${r.truncated ? ' (lists cut at --limit)' : ''}; countries: ${r.countries.join(', ') || '–'}`,
    `Arrival times: ${r.velocityModel}`,
    '',
    'By arrival time',
    head,
    ...r.rankedByArrival.map(row),
    '',
    'By hazard',
    head,
    ...r.rankedByHazard.map(row),
  ].join('\n')}\n`;
}

export async function runMatrixCommand(args: string[]): Promise<void> {
  const { values } = withUsage(MATRIX_USAGE, () =>
    parseArgs({
      args,
      options: {
        basin: { type: 'string' },
        csv: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }),
  );
  if (values.csv && values.json) throw new CliError(`Give --csv or --json, not both.\n${MATRIX_USAGE}`);
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    const answer = await transboundaryMatrix(services, values.basin);
    if (!answer.ok)
      throw new CliError(
        `${answer.code}: ${answer.message} Try ${answer.tryBasins.join(', ')}, or omit --basin for all data.`,
      );
    const { ok: _, basin, ...m } = answer;
    if (values.csv) process.stdout.write(matrixCsv(m));
    else if (values.json) process.stdout.write(`${JSON.stringify({ basin, ...m }, null, 2)}\n`);
    else process.stdout.write(formatMatrix(basin?.name ?? 'all data', m));
  } finally {
    services.close();
  }
}

/** Sites per cell as a grid (origin rows × affected columns), then the cells in detail. */
export function formatMatrix(title: string, m: BasinMatrix): string {
  const cell = (o: string, a: string) => m.cells.find((c) => c.origin === o && c.affected === a);
  const grid = [
    `origin\\affected ${m.columns.map((c) => c.padStart(5)).join('')}`,
    ...m.rows.map(
      (o) => `${o.padEnd(16)} ${m.columns.map((a) => String(cell(o, a)?.sites ?? '·').padStart(5)).join('')}`,
    ),
  ];
  const detail = m.cells.map(
    (c) =>
      `  ${`${c.origin} → ${c.affected}`.padEnd(11)} ${String(c.sites).padStart(5)} ${String(c.annexI).padStart(7)} ${num(c.maxWri, 6, 2)} ${num(c.maxThi, 6, 2)} ${num(c.minArrivalH, 9)} ${num(c.minBorderKm, 9)}`,
  );
  return `${[
    `Transboundary matrix: ${title} — ${m.totals.transboundarySites} of ${m.totals.onNetwork} sites on the network reach another country`,
    '',
    ...grid,
    '',
    '  cell         sites annex I max WRI max THI  min h →  border km',
    ...detail,
  ].join('\n')}\n`;
}
