// `hazatlas review <lon> <lat> --type T` (planning review of a point) and `hazatlas screening
// border|natech`: the same answers as POST /api/planning/review and GET /api/screening/*.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { borderScreen, natechScreen, planningReview } from '../app/planning.js';
import { dbPathFromEnv } from '../config.js';
import { DEVELOPMENT_TYPES } from '../core/planning/tables.js';
import { createServices, type Services } from '../runtime/services.js';
import { markNegatives, numberArg, unmarkNegatives, unmarkValues, withUsage } from './args.js';
import { CliError } from './cli-error.js';

const REVIEW_USAGE = `Usage: hazatlas review <lon> <lat> --type ${DEVELOPMENT_TYPES.join('|')} [--name TEXT] [--json]`;
const SCREENING_USAGE =
  'Usage: hazatlas screening border [--within-km N] [--border-within-km N] [--json]\n       hazatlas screening natech [--river-within-m N] [--json]';

function parse(args: string[], options: ParseArgsConfig['options'], usage: string) {
  return withUsage(usage, () => {
    const parsed = parseArgs({
      args: markNegatives(args),
      allowPositionals: true,
      allowNegative: false,
      options,
    });
    return {
      values: unmarkValues(parsed.values) as Record<string, string | boolean | undefined>,
      positionals: unmarkNegatives(parsed.positionals),
    };
  });
}

async function withServices<T>(run: (s: Services) => Promise<T>): Promise<T> {
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    return await run(services);
  } finally {
    services.close();
  }
}

const words = (advice: string) =>
  advice === 'advise_against'
    ? 'ADVISE AGAINST'
    : advice === 'advise_with_conditions'
      ? 'ADVISE WITH CONDITIONS'
      : 'do not advise against';

export async function runReview(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    { type: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean', default: false } },
    REVIEW_USAGE,
  );
  if (positionals.length !== 2)
    throw new CliError(`Give exactly two coordinates (WGS84 degrees).\n${REVIEW_USAGE}`);
  const lon = numberArg(positionals[0], 'lon', -180, 180)!;
  const lat = numberArg(positionals[1], 'lat', -90, 90)!;
  const type = values.type;
  if (typeof type !== 'string' || !DEVELOPMENT_TYPES.includes(type)) {
    throw new CliError(`--type must be one of ${DEVELOPMENT_TYPES.join(', ')}.\n${REVIEW_USAGE}`);
  }
  const result = await withServices((s) =>
    planningReview(s, {
      geometry: { type: 'Point', coordinates: [lon, lat] },
      developmentType: type,
      name: typeof values.name === 'string' ? values.name : null,
    }),
  );
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = [
    `Verdict: ${words(result.verdict)} — ${result.verdictReason}`,
    `Deciding rule: ${result.decidingRule.text.en}${result.decidingRule.policyChoice ? ' (its limits are a policy choice: data/planning-rules.json)' : ''}`,
    result.decidingRule.explanation.en,
    `Development: ${type} (PADHI sensitivity level ${result.development.sensitivityLevel}) at ${lon}, ${lat}`,
    '',
    result.sites.length
      ? 'Site                                        zone    distance m  advice'
      : 'No site zones reached.',
    ...result.sites.map(
      (s) =>
        `  ${s.name.slice(0, 40).padEnd(40)}  ${s.zone.padEnd(6)} ${s.distanceM.toFixed(0).padStart(11)}  ${words(s.advice)} (class ${s.kasClass})`,
    ),
  ];
  const up = result.upstream;
  if (up) {
    lines.push('');
    if (!up.ok) lines.push(`Upstream check (${up.maxHours} h): ${up.code}: ${up.message}`);
    else {
      lines.push(`Upstream sites within ${up.maxHours} h of travel: ${up.total}`);
      for (const s of up.sites)
        lines.push(
          `  ${s.name.slice(0, 40).padEnd(40)}  ${s.arrivalH.toFixed(1).padStart(6)} h  ${s.riverKm.toFixed(1)} km${s.ruleId ? `  ${s.ruleId}` : ''}`,
        );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function runScreening(args: string[]): Promise<void> {
  const { values, positionals } = parse(
    args,
    {
      'within-km': { type: 'string' },
      'border-within-km': { type: 'string' },
      'river-within-m': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    SCREENING_USAGE,
  );
  const [which, ...extra] = positionals;
  if (extra.length > 0 || (which !== 'border' && which !== 'natech')) {
    throw new CliError(`Say which screening: border or natech.\n${SCREENING_USAGE}`);
  }
  if (which === 'border') {
    const withinKm = numberArg(values['within-km'], '--within-km', 0, 5000) ?? 50;
    const borderWithinKm = numberArg(values['border-within-km'], '--border-within-km', 0, 5000);
    const result = await withServices((s) => borderScreen(s, withinKm, borderWithinKm));
    if (values.json) return void process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    const lines = [
      `${result.total} of ${result.screened} sites may need transboundary notification (river within ${result.withinKm} km, border within ${result.borderWithinKm} km):`,
      ...result.sites.map(
        (s) =>
          `  ${s.name} (${s.country ?? '?'}) → ${s.affectedCountries.join(', ') || '—'}: ${s.reasons.map((r) => r.message).join('; ')}`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  const riverWithinM = numberArg(values['river-within-m'], '--river-within-m', 0, 50_000) ?? 500;
  const result = await withServices((s) => natechScreen(s, riverWithinM));
  if (values.json) return void process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  const lines = [
    `${result.total} of ${result.screened} sites flagged for natech (river within ${riverWithinM} m, imported flood zones):`,
    ...result.sites.map(
      (s) => `  ${s.name} (${s.country ?? '?'}): ${s.reasons.map((r) => r.message).join('; ')}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
