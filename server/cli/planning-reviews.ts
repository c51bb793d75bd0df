// `hazatlas planning reviews list|show|save|print`: saved planning reviews from the command line, the
// same records and rules as /api/planning/reviews (a save re-runs the review and writes an audit row).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { planningReview } from '../app/planning.js';
import { dbPathFromEnv } from '../config.js';
import { DEVELOPMENT_TYPES } from '../core/planning/tables.js';
import { type PrintableReview, renderReviewPrint } from '../core/report/planning-review-print.js';
import { createServices } from '../runtime/services.js';
import { openDb } from '../storage/db.js';
import {
  getPlanningReview,
  insertPlanningReview,
  listPlanningReviews,
  type NewPlanningReview,
} from '../storage/planning-review-store.js';
import { markNegatives, numberArg, unmarkNegatives, withUsage } from './args.js';
import { CliError } from './cli-error.js';

export const PLANNING_REVIEWS_USAGE = `  planning reviews list [--limit N] [--offset N] [--json]
  planning reviews show ID [--json]
  planning reviews save <lon> <lat> --type T --title TEXT [--reference REF] [--name TEXT] [--json]
  planning reviews print ID [--lang en|ru] [--out FILE.html]`;

const usage = `Usage:\n${PLANNING_REVIEWS_USAGE}`;

function parse(argv: string[], options: ParseArgsConfig['options']) {
  return withUsage(usage, () => {
    const p = parseArgs({ args: markNegatives(argv), allowPositionals: true, options });
    return {
      values: p.values as Record<string, string | boolean | undefined>,
      positionals: unmarkNegatives(p.positionals),
    };
  });
}

function withDb<T>(run: (db: ReturnType<typeof openDb>) => T): T {
  const db = openDb(dbPathFromEnv());
  try {
    return run(db);
  } finally {
    db.close();
  }
}

const out = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

export async function runPlanning(args: string[]): Promise<void> {
  const [group, action, ...rest] = args;
  if (group !== 'reviews') throw new CliError(`Say "planning reviews …".\n${usage}`);
  if (action === 'list') {
    const { values } = parse(rest, {
      limit: { type: 'string' },
      offset: { type: 'string' },
      json: { type: 'boolean' },
    });
    const limit = numberArg(values.limit, '--limit', 1, 100) ?? 20;
    const offset = numberArg(values.offset, '--offset', 0, 1e9) ?? 0;
    const page = withDb((db) =>
      listPlanningReviews(db, { limit: Math.floor(limit), offset: Math.floor(offset) }),
    );
    if (values.json) return out(JSON.stringify({ limit, offset, ...page }, null, 2));
    out(
      [
        `${page.items.length} of ${page.total} saved planning reviews, newest first:`,
        ...page.items.map(
          (r) =>
            `  ${r.id}  ${r.createdAt}  ${r.verdict.padEnd(22)}  ${r.title}${r.reference ? ` [${r.reference}]` : ''} (${r.author})`,
        ),
      ].join('\n'),
    );
    return;
  }
  if (action === 'show' || action === 'print') {
    const { values, positionals } = parse(rest, {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      out: { type: 'string' },
    });
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new CliError(`Give one review id.\n${usage}`);
    const review = withDb((db) => getPlanningReview(db, id));
    if (!review) throw new CliError(`No saved planning review ${id} (hazatlas planning reviews list).`);
    if (action === 'show') {
      if (values.json) return out(JSON.stringify(review, null, 2));
      const a = review.answer as { decidingRule?: { text: { en: string }; explanation: { en: string } } };
      return out(
        [
          `${review.title}${review.reference ? ` [${review.reference}]` : ''} — saved by ${review.author} at ${review.createdAt}`,
          `Verdict: ${review.verdict} (${review.developmentType})`,
          a.decidingRule ? `Deciding rule: ${a.decidingRule.text.en}\n${a.decidingRule.explanation.en}` : '',
        ].join('\n'),
      );
    }
    const lang = values.lang ?? 'en';
    if (lang !== 'en' && lang !== 'ru') throw new CliError('--lang must be en or ru.');
    const html = renderReviewPrint(review as unknown as PrintableReview, lang);
    if (typeof values.out === 'string') {
      writeFileSync(values.out, html);
      return out(`Wrote ${values.out}.`);
    }
    return out(html);
  }
  if (action === 'save') {
    const { values, positionals } = parse(rest, {
      type: { type: 'string' },
      title: { type: 'string' },
      reference: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 2)
      throw new CliError(`Give exactly two coordinates (WGS84 degrees).\n${usage}`);
    const lon = numberArg(positionals[0], 'lon', -180, 180)!;
    const lat = numberArg(positionals[1], 'lat', -90, 90)!;
    const type = values.type;
    if (typeof type !== 'string' || !DEVELOPMENT_TYPES.includes(type))
      throw new CliError(`--type must be one of ${DEVELOPMENT_TYPES.join(', ')}.\n${usage}`);
    const title = typeof values.title === 'string' ? values.title.trim() : '';
    if (!title || title.length > 200) throw new CliError(`--title is required (1–200 characters).\n${usage}`);
    const reference = typeof values.reference === 'string' ? values.reference.trim() || null : null;
    if (reference && reference.length > 100) throw new CliError('--reference is at most 100 characters.');
    const request = {
      geometry: { type: 'Point' as const, coordinates: [lon, lat] },
      developmentType: type,
      name: typeof values.name === 'string' ? values.name : null,
    };
    const services = createServices({ dbPath: dbPathFromEnv() });
    try {
      const answer = await planningReview(services, request);
      const saved = insertPlanningReview(
        services.db,
        { title, reference, request, answer: answer as unknown as NewPlanningReview['answer'] },
        { actor: { kind: 'cli', osUser: os.userInfo().username }, client: null },
      );
      if (values.json) return out(JSON.stringify(saved, null, 2));
      return out(`Saved ${saved.id}: ${saved.verdict} — ${answer.decidingRule.text.en}`);
    } finally {
      services.close();
    }
  }
  throw new CliError(`Say list, show, save or print.\n${usage}`);
}
