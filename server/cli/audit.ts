// `hazatlas audit [--action A] [--outcome O] [--limit N] [--json]`: the audit log, newest first, for the
// local operator (who owns the database file).
import { parseArgs } from 'node:util';
import { dbPathFromEnv } from '../config.js';
import { AuditQuery } from '../http/routes/audit.js';
import { listAudit } from '../storage/audit-store.js';
import { openDb } from '../storage/db.js';
import { withUsage } from './args.js';
import { CliError } from './cli-error.js';

export const AUDIT_USAGE = `  audit [--action NAME|PREFIX.] [--outcome ok|failed|refused] [--limit N] [--offset N] [--json]`;

export async function runAudit(argv: string[]): Promise<void> {
  const { values } = withUsage(`Usage:\n${AUDIT_USAGE}`, () =>
    parseArgs({
      args: argv,
      options: {
        action: { type: 'string' },
        outcome: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  const parsed = AuditQuery.safeParse({
    ...(values.action === undefined ? {} : { action: values.action }),
    ...(values.outcome === undefined ? {} : { outcome: values.outcome }),
    ...(values.limit === undefined ? {} : { limit: values.limit }),
    ...(values.offset === undefined ? {} : { offset: values.offset }),
  });
  if (!parsed.success)
    throw new CliError(
      `${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; ')}\nUsage:\n${AUDIT_USAGE}`,
    );
  const db = openDb(dbPathFromEnv());
  try {
    const page = listAudit(db, parsed.data);
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ limit: parsed.data.limit, offset: parsed.data.offset, ...page }, null, 2)}\n`,
      );
      return;
    }
    const lines = page.items.map((e) =>
      [
        e.at,
        e.action.padEnd(16),
        e.outcome.padEnd(8),
        (e.actor ?? '-').padEnd(20),
        (e.client ?? '-').padEnd(16),
        e.target ?? '-',
        e.details ? JSON.stringify(e.details) : '',
      ].join('  '),
    );
    process.stdout.write(
      `${lines.join('\n')}${lines.length ? '\n' : ''}${page.items.length} of ${page.total} audit entries\n`,
    );
  } finally {
    db.close();
  }
}
