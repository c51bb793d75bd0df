// Online backup and verified restore of the HazAtlas database file. Backups use SQLite's backup API (a
// consistent snapshot while the server keeps writing); restores check the file before swapping it in.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { acquireServerLock } from './server-lock.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Tables without which a file is not a HazAtlas database. */
const REQUIRED_TABLES = ['schema_migrations', 'sites', 'net_reaches'];

export class BackupError extends Error {}

export interface DatabaseFacts {
  schemaVersion: number;
  sites: number;
  bytes: number;
}

export type Inspection = ({ ok: true } & DatabaseFacts) | { ok: false; problems: string[] };

/** The migrations this code knows, by version. */
function knownMigrations(): Map<number, string> {
  return new Map(
    fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
      .map((f) => [Number(f.slice(0, 3)), f]),
  );
}

/**
 * Checks that `file` is a sound HazAtlas database this code can open: integrity_check passes, the tables
 * exist, and every migration it records is one this code has (a newer file would be misread).
 */
export function inspectDatabaseFile(file: string): Inspection {
  if (!fs.existsSync(file)) return { ok: false, problems: [`${file} does not exist`] };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { ok: false, problems: [`cannot open ${file} as SQLite: ${(err as Error).message}`] };
  }
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      problems.push(`integrity_check failed: ${integrity.map((r) => r.integrity_check).join('; ')}`);
      return { ok: false, problems };
    }
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    );
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) {
      return { ok: false, problems: [`not a HazAtlas database: missing table(s) ${missing.join(', ')}`] };
    }
    const known = knownMigrations();
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
      version: number;
      name: string;
    }[];
    for (const m of applied) {
      const ours = known.get(m.version);
      if (ours === undefined)
        problems.push(
          `schema version ${m.version} (${m.name}) is newer than this HazAtlas; upgrade it first`,
        );
      else if (ours !== m.name)
        problems.push(`migration ${m.version} is ${m.name} in the file but ${ours} here`);
    }
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      schemaVersion: applied.at(-1)?.version ?? 0,
      sites: db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number,
      bytes: fs.statSync(file).size,
    };
  } catch (err) {
    return { ok: false, problems: [`cannot read ${file}: ${(err as Error).message}`] };
  } finally {
    db.close();
  }
}

/** Copies a live database with the backup API into a self-contained file (rollback journal, no -wal). */
async function snapshot(sourcePath: string, dest: string): Promise<void> {
  const src = new Database(sourcePath, { fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    // All remaining pages in one step: a step is one read transaction, so concurrent writes neither block it
    // nor force it to restart (stepwise copies restart whenever another connection writes).
    await src.backup(dest, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
  } finally {
    src.close();
  }
  const out = new Database(dest);
  try {
    out.pragma('journal_mode = DELETE');
  } finally {
    out.close();
  }
}

function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Backs up `dbPath` (which a server may be writing) to `dest`, verified, written atomically. */
export async function backupDatabase(
  dbPath: string,
  dest: string,
  options: { overwrite?: boolean } = {},
): Promise<DatabaseFacts & { file: string }> {
  if (!fs.existsSync(dbPath)) throw new BackupError(`No database at ${dbPath}.`);
  const target = path.resolve(dest);
  if (target === path.resolve(dbPath))
    throw new BackupError('The backup file must not be the database itself.');
  if (fs.existsSync(target) && !options.overwrite)
    throw new BackupError(`${dest} exists; give --force to overwrite it.`);
  const tmp = `${target}.partial-${process.pid}`;
  try {
    await snapshot(dbPath, tmp);
    const check = inspectDatabaseFile(tmp);
    if (!check.ok) throw new BackupError(`The backup did not verify: ${check.problems.join('; ')}`);
    fs.renameSync(tmp, target);
    fsyncDir(path.dirname(target));
    return { file: target, schemaVersion: check.schemaVersion, sites: check.sites, bytes: check.bytes };
  } finally {
    removeQuietly(tmp);
    removeQuietly(`${tmp}-journal`);
  }
}

export interface RestoreResult extends DatabaseFacts {
  /** The database that was replaced, kept as `<db>.bak` (null when there was none). */
  previous: string | null;
}

/**
 * Replaces `dbPath` with a verified copy of `backupFile`. Takes the database's server lock first and
 * holds it until the swap is done, so it refuses while a server runs (whatever `force` says: a lock is
 * only held by a live process) and no server can start mid-swap. Keeps the replaced file as `<db>.bak`
 * and swaps by rename so the path always holds a whole database.
 */
export async function restoreDatabase(backupFile: string, dbPath: string): Promise<RestoreResult> {
  const taken = acquireServerLock(dbPath, 'restore');
  if (!taken.ok)
    throw new BackupError(
      `Cannot restore: ${taken.reason}. Stop the server first (--force does not override a running server).`,
    );
  try {
    return await swapIn(backupFile, dbPath);
  } finally {
    taken.lock.release();
  }
}

async function swapIn(backupFile: string, dbPath: string): Promise<RestoreResult> {
  const before = inspectDatabaseFile(backupFile);
  if (!before.ok) throw new BackupError(`${backupFile} cannot be restored: ${before.problems.join('; ')}`);

  const tmp = `${dbPath}.restore-${process.pid}`;
  try {
    // Through the backup API, so a backup file that is itself in WAL mode is read whole.
    await snapshot(backupFile, tmp);
    const copy = inspectDatabaseFile(tmp);
    if (!copy.ok)
      throw new BackupError(`The copy of ${backupFile} did not verify: ${copy.problems.join('; ')}`);

    let previous: string | null = null;
    if (fs.existsSync(dbPath)) {
      previous = `${dbPath}.bak`;
      const bakTmp = `${previous}.partial-${process.pid}`;
      try {
        await snapshot(dbPath, bakTmp);
      } catch {
        // A damaged database may not survive the backup API; keep its bytes as they are.
        fs.copyFileSync(dbPath, bakTmp);
      }
      fs.renameSync(bakTmp, previous);
      // Fold the old write-ahead log into the old file and drop it, so it cannot be replayed onto the new one.
      const old = new Database(dbPath, { fileMustExist: true });
      try {
        old.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        old.close();
      }
      removeQuietly(`${dbPath}-wal`);
      removeQuietly(`${dbPath}-shm`);
    }
    fs.renameSync(tmp, dbPath);
    fsyncDir(path.dirname(path.resolve(dbPath)));
    return { previous, schemaVersion: copy.schemaVersion, sites: copy.sites, bytes: copy.bytes };
  } finally {
    removeQuietly(tmp);
    removeQuietly(`${tmp}-journal`);
  }
}
