// `hazatlas exercise create|timeline|action|report`: table-top exercises from the command line, on the
// same store and computations as /api/exercises.
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { runExercise } from '../app/plans.js';
import { dbPathFromEnv } from '../config.js';
import { ActionBody, afterActionReport } from '../core/plans/exercise.js';
import { ExerciseBody } from '../core/plans/exercise-schema.js';
import { renderAfterActionHtml } from '../core/plans/render-aar-html.js';
import { createServices, type Services } from '../runtime/services.js';
import { addAction, createExercise, getExercise, listActions } from '../storage/exercise-store.js';
import { getPlan } from '../storage/plan-store.js';
import { markNegatives, withUsage } from './args.js';
import { CliError } from './cli-error.js';
import { formatInjects } from './notifications-format.js';

const USAGE = `Usage:
  hazatlas exercise create --name TEXT (--lon X --lat Y | --site ID) --release-kg M [--substance NAME] --start-at ISO --plan ID [--json]
  hazatlas exercise timeline ID [--json]
  hazatlas exercise action ID --kind notification_sent|station_sampled|other --at ISO [--iso3 AAA] [--station ID] [--note TEXT]
  hazatlas exercise report ID [--format json|html] [--out FILE]`;

const actor = () => ({ kind: 'cli', osUser: os.userInfo().username }) as const;
const num = (v: string | undefined, label: string) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new CliError(`${label} must be a number (got "${v}").`);
  return n;
};
const issuesText = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');

async function withServices<T>(run: (s: Services) => Promise<T>): Promise<T> {
  const services = createServices({ dbPath: dbPathFromEnv() });
  try {
    return await run(services);
  } finally {
    services.close();
  }
}

export async function runExerciseCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = withUsage(USAGE, () =>
    parseArgs({
      args: markNegatives(rest).map((a) => a.replace('\u0000', '')),
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        lon: { type: 'string' },
        lat: { type: 'string' },
        site: { type: 'string' },
        'release-kg': { type: 'string' },
        substance: { type: 'string' },
        'start-at': { type: 'string' },
        plan: { type: 'string' },
        kind: { type: 'string' },
        at: { type: 'string' },
        iso3: { type: 'string' },
        station: { type: 'string' },
        note: { type: 'string' },
        format: { type: 'string', default: 'json' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    }),
  );
  if (sub === 'create') {
    const parsed = ExerciseBody.safeParse({
      name: values.name,
      lon: num(values.lon, '--lon'),
      lat: num(values.lat, '--lat'),
      siteId: values.site,
      releaseKg: num(values['release-kg'], '--release-kg'),
      substance: values.substance,
      startAt: values['start-at'],
      plan: values.plan,
    });
    if (!parsed.success) throw new CliError(`${issuesText(parsed.error.issues)}\n${USAGE}`);
    await withServices(async (s) => {
      if (!getPlan(s.db, parsed.data.plan)) throw new CliError(`No plan has id "${parsed.data.plan}".`);
      // The scenario must trace before anything is stored.
      const { name, ...scenario } = parsed.data;
      const out = await runExercise(s, { id: '', name, scenario, createdAt: '', createdBy: '' }, true);
      if (!out.ok) throw new CliError(`${out.code}: ${out.message}`);
      const ex = createExercise(s.db, parsed.data, actor());
      process.stdout.write(values.json ? `${JSON.stringify(ex, null, 2)}\n` : `${ex.id}\n`);
    });
    return;
  }
  const id = positionals[0];
  if (!id || !['timeline', 'action', 'report'].includes(sub ?? '')) throw new CliError(USAGE);
  await withServices(async (s) => {
    const ex = getExercise(s.db, id);
    if (!ex) throw new CliError(`No exercise ${id}.`);
    if (sub === 'action') {
      const parsed = ActionBody.safeParse({
        kind: values.kind,
        at: values.at,
        iso3: values.iso3,
        stationId: values.station,
        note: values.note,
      });
      if (!parsed.success) throw new CliError(`${issuesText(parsed.error.issues)}\n${USAGE}`);
      const a = addAction(s.db, ex.id, parsed.data, actor());
      process.stdout.write(`${a.id}\n`);
      return;
    }
    const out = await runExercise(s, ex, true);
    if (!out.ok) throw new CliError(`${out.code}: ${out.message}`);
    if (sub === 'timeline') {
      process.stdout.write(
        values.json ? `${JSON.stringify({ injects: out.injects }, null, 2)}\n` : formatInjects(out.injects),
      );
      return;
    }
    if (values.format !== 'json' && values.format !== 'html')
      throw new CliError('--format must be json or html.');
    const actions = listActions(s.db, ex.id);
    const report = afterActionReport(out.injects, actions);
    const generatedAt = new Date().toISOString();
    const text =
      values.format === 'html'
        ? renderAfterActionHtml({
            name: ex.name,
            planName: out.block.plan?.name ?? null,
            startAt: ex.scenario.startAt,
            generatedAt,
            report,
            injects: out.injects,
            actions,
          })
        : `${JSON.stringify({ exerciseId: ex.id, name: ex.name, generatedAt, ...report, actions }, null, 2)}\n`;
    if (values.out) fs.writeFileSync(values.out, text);
    else process.stdout.write(text);
  });
}
