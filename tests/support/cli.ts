// Runs the `hazatlas` command line as a user would (a child Node process through tsx) against a given
// database file: synchronously for plain command tests, or asynchronously while a server or another
// writer holds the database.
import { execFile, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './database.js';

const MAIN = path.join(ROOT, 'server/cli/main.ts');

export interface CliOptions {
  /** Text on standard input (passwords read from stdin). */
  input?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** `hazatlas ARGS` on `db`; the result has `status`, `stdout` and `stderr` as text. */
export function hazatlas(db: string, args: string[], opts: CliOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, ...opts.env, HAZATLAS_DB: db },
  });
}

const execFileAsync = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The same without blocking the test's event loop (a server in this process keeps answering). */
export async function hazatlasAsync(db: string, args: string[], opts: CliOptions = {}): Promise<CliResult> {
  try {
    const r = await execFileAsync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env, HAZATLAS_DB: db },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
