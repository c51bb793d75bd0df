// A pid file next to the database while a server uses it, so `hazatlas restore` can refuse to swap the file
// under a running server (SQLite's own locks do not stop a file rename).
import fs from 'node:fs';

export const lockPath = (dbPath: string): string => `${dbPath}.server.pid`;

export type LockState = { kind: 'none' } | { kind: 'running'; pid: number } | { kind: 'stale'; pid: number };

/** Whether a live process holds the server lock of this database. */
export function readServerLock(dbPath: string): LockState {
  let raw: string;
  try {
    raw = fs.readFileSync(lockPath(dbPath), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const pid = Number(raw.trim());
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'stale', pid: 0 };
  try {
    process.kill(pid, 0);
    return { kind: 'running', pid };
  } catch (err) {
    // EPERM: the process exists but belongs to someone else, so it is running.
    return (err as NodeJS.ErrnoException).code === 'EPERM'
      ? { kind: 'running', pid }
      : { kind: 'stale', pid };
  }
}

/** Writes this process's pid; returns the function that removes it again (only if still ours). */
export function takeServerLock(dbPath: string): () => void {
  const file = lockPath(dbPath);
  fs.writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // Already gone: nothing to release.
    }
  };
}
