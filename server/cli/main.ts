// `hazatlas` command line: dispatches to one module per subcommand.
import { CliError } from './cli-error.js';

type Command = (args: string[]) => Promise<void>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  trace: async () => (await import('./trace.js')).runTraceCommand,
  sites: async () => (await import('./sites.js')).runSites,
  upstream: async () => (await import('./upstream.js')).runUpstreamCommand,
  matrix: async () => (await import('./upstream.js')).runMatrixCommand,
  review: async () => (await import('./planning.js')).runReview,
  screening: async () => (await import('./planning.js')).runScreening,
  receptors: async () => (await import('./receptors.js')).runReceptors,
  backup: async () => (await import('./backup.js')).runBackup,
  restore: async () => (await import('./backup.js')).runRestore,
  report: async () => (await import('./report.js')).runReportCommand,
  notify: async () => (await import('./report.js')).runNotifyCommand,
  exercise: async () => (await import('./exercise.js')).runExerciseCommand,
  users: async () => (await import('./users.js')).runUsers,
  tokens: async () => (await import('./users.js')).runTokens,
  audit: async () => (await import('./audit.js')).runAudit,
};

const USAGE = `Usage: hazatlas <command> [options]
Commands:
  trace <lon> <lat> [--max-km N] [--snap-max-km N] [--river NAME] [--release-kg M …] [--released-at ISO [--plan ID]] [--json]
  sites import|export|list ...  (hazatlas sites for details)
  upstream <lon> <lat> [--max-km N] [--max-hours H] [--snap-max-km N] [--river NAME] [--limit N] [--json]
  matrix [--basin NAME|ID] [--csv|--json]
  review <lon> <lat> --type housing|school_hospital|workplace|... [--name TEXT] [--json]
  screening border|natech [--within-km N] [--river-within-m N] [--json]
  receptors import FILE [--kind K] [--crs EPSG:xxxx] [--dry-run] [--skip-invalid];  receptors list [--kind K] [--json]
  backup FILE [--force]         online backup of the database
  restore FILE                  verified restore; refused while a server holds the database (old file kept as .bak)
  audit [--action A] [--limit N] [--json]   the audit log (logins, refusals, account and receptor changes)
  report <siteId> [--format html|json|csv] [--lang en|ru] [--release-kg M] [--substance NAME] [--out FILE]
  notify <siteId> [--release-kg M] [--substance NAME] [--accident-at ISO] [--format html|json] [--lang en|ru] [--out FILE]
  exercise create|timeline|action|report ...  (hazatlas exercise for details)
  users add NAME --admin | --role editor|viewer [--password-stdin];  users list [--json]
  tokens create --user NAME [--role R] [--name LABEL];  tokens list [--json];  tokens revoke ID`;

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) throw new CliError(name ? `Unknown command "${name}".\n${USAGE}` : USAGE);
  const run = await load();
  await run(rest);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof CliError) {
    process.stderr.write(`hazatlas: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`hazatlas: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
