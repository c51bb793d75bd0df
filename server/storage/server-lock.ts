// The database's server lock: an exclusive SQLite lock (an OS-level fcntl lock) on a sidecar file
// `<db>.lock`, held by the server for its whole life and by `hazatlas restore` while it swaps the file.
// The OS drops it when the holder dies, so it is never stale, and a second holder is refused outright.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const lockPath = (dbPath: string): string => `${dbPath}.lock`;

export interface ServerLock {
  /** Releases the lock (idempotent). */
  release(): void;
}

export type LockResult = { ok: true; lock: ServerLock } | { ok: false; reason: string };

/**
 * Takes the lock without waiting. In locking_mode=EXCLUSIVE SQLite keeps the EXCLUSIVE lock of the
 * first write transaction until the connection closes; any other connection, in this process or
 * another, then gets SQLITE_BUSY at once (busy_timeout 0).
 */
export function acquireServerLock(dbPath: string, holder: string): LockResult {
  const file = lockPath(path.resolve(dbPath));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 0 });
  } catch (err) {
    return { ok: false, reason: `cannot open the lock file ${file}: ${(err as Error).message}` };
  }
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER, what TEXT, since TEXT)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder VALUES (?, ?, ?)').run(process.pid, holder, new Date().toISOString());
    db.exec('COMMIT');
  } catch (err) {
    db.close();
    const busy = (err as { code?: string }).code?.startsWith('SQLITE_BUSY');
    return {
      ok: false,
      reason: busy
        ? `another process (a HazAtlas server or a restore) holds the lock on ${dbPath}`
        : `cannot lock ${file}: ${(err as Error).message}`,
    };
  }
  let held = true;
  return {
    ok: true,
    lock: {
      release: () => {
        if (!held) return;
        held = false;
        db.close();
      },
    },
  };
}

/** Whether some process holds the lock right now (takes and drops it when free). */
export function serverLockHeld(dbPath: string): boolean {
  const r = acquireServerLock(dbPath, 'probe');
  if (r.ok) {
    r.lock.release();
    return false;
  }
  return true;
}
