// Locates the real database built from Natural Earth (building it once if missing) and makes copies
// for tests that write.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUILT_DB = path.join(ROOT, 'data/hazatlas.sqlite');

export function builtDbPath(): string {
  if (!fs.existsSync(BUILT_DB)) {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/build-db.ts'), '--db', BUILT_DB],
      {
        stdio: 'inherit',
        cwd: ROOT,
      },
    );
  }
  return BUILT_DB;
}

/** A private copy of the built database (WAL checkpointed into the main file first). */
export function copyOfBuiltDb(): string {
  const src = builtDbPath();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-test-'));
  const dest = path.join(dir, 'hazatlas.sqlite');
  fs.copyFileSync(src, dest);
  for (const suffix of ['-wal', '-shm'])
    if (fs.existsSync(src + suffix)) fs.copyFileSync(src + suffix, dest + suffix);
  return dest;
}
