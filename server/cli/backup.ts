// `hazatlas backup FILE` and `hazatlas restore FILE`: online backup of the database and verified restore.
import { parseArgs } from 'node:util';
import { dbPathFromEnv } from '../config.js';
import { BackupError, backupDatabase, restoreDatabase } from '../storage/backup.js';
import { withUsage } from './args.js';
import { CliError } from './cli-error.js';

export const BACKUP_USAGE = `  backup FILE [--force] [--json]  online copy of the database (safe while the server runs); --force overwrites FILE
  restore FILE [--json]     verify FILE and replace the database with it; refused while a server runs
                            (it holds the database's lock; --force is accepted but never overrides it);
                            the old database is kept as <db>.bak`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function args(argv: string[], command: string): { file: string; force: boolean; json: boolean } {
  const parsed = withUsage(`Usage:\n${BACKUP_USAGE}`, () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
    }),
  );
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0)
    throw new CliError(`Give exactly one file: hazatlas ${command} FILE\nUsage:\n${BACKUP_USAGE}`);
  return { file, force: parsed.values.force ?? false, json: parsed.values.json ?? false };
}

/** BackupError is a refusal the user can act on (exit 1), not a crash. */
async function refusing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof BackupError) throw new CliError(err.message, 1);
    throw err;
  }
}

export async function runBackup(argv: string[]): Promise<void> {
  const { file, force, json } = args(argv, 'backup');
  const dbPath = dbPathFromEnv();
  const started = performance.now();
  const r = await refusing(() => backupDatabase(dbPath, file, { overwrite: force }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (json)
    return void process.stdout.write(
      `${JSON.stringify({ database: dbPath, ...r, seconds: Number(seconds) })}\n`,
    );
  process.stdout.write(
    `Backed up ${dbPath} to ${r.file}: ${mb(r.bytes)}, schema version ${r.schemaVersion}, ${r.sites} sites, integrity ok (${seconds} s).\n`,
  );
}

export async function runRestore(argv: string[]): Promise<void> {
  const { file, json } = args(argv, 'restore');
  const dbPath = dbPathFromEnv();
  const r = await refusing(() => restoreDatabase(file, dbPath));
  if (json) return void process.stdout.write(`${JSON.stringify({ database: dbPath, from: file, ...r })}\n`);
  process.stdout.write(
    `Restored ${dbPath} from ${file}: schema version ${r.schemaVersion}, ${r.sites} sites, integrity ok.` +
      (r.previous ? ` The previous database is kept as ${r.previous}.\n` : '\n'),
  );
}
