// Runs `npm start` (server/boot/main.ts) as a child process on a given database, as an operator would.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './database.js';

export interface ServerProcess {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function spawnServer(dbPath: string, env: Record<string, string> = {}): ServerProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/boot/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HAZATLAS_DB: dbPath, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  proc.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

/** Resolves with the server's URL once it prints that it listens; rejects if it exits first. */
export function listening(s: ServerProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = s.output().match(/listening on (http:\/\/[\d.]+:\d+)\//);
      if (m?.[1]) {
        clearInterval(timer);
        resolve(m[1]);
      }
    };
    const timer = setInterval(check, 50);
    void s.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}) before listening:\n${s.output()}`));
    });
  });
}
