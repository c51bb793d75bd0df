// Graceful shutdown of `npm start` (server/main.ts) on SIGTERM: a request in flight completes, new
// connections are refused, the database is closed (WAL folded back, lock file removed) and the exit code is 0.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath } from '../../server/storage/server-lock.js';
import { copyOfBuiltDb, ROOT } from '../support/database.js';

const dbPath = copyOfBuiltDb();
let child: ChildProcess | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
});

/** Starts the server as `npm start` does and resolves with its URL once it listens. */
function startServerProcess(): Promise<{
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HAZATLAS_DB: dbPath, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)\//);
      if (m?.[1]) resolve({ url: m[1], output: () => out, exited });
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

describe('SIGTERM', () => {
  it('finishes the request in flight, closes the database and exits 0', async () => {
    const server = await startServerProcess();
    expect(fs.readFileSync(lockPath(dbPath), 'utf8').trim()).toBe(String(child?.pid));
    // A WAL-mode connection keeps a -wal file while open; only a clean close of the last one removes it.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(true);
    expect((await fetch(`${server.url}/api/basins`)).status).toBe(200);

    // The first tile request builds the tile source (about a second): a request that is surely in flight.
    let answeredAt = 0;
    const inFlight = fetch(`${server.url}/api/tiles/2/2/1.pbf`, {
      headers: { 'accept-encoding': 'identity' },
    }).then((r) => {
      answeredAt = performance.now();
      return r;
    });
    await new Promise((r) => setTimeout(r, 150));
    const signalledAt = performance.now();
    child?.kill('SIGTERM');
    const res = await inFlight;
    expect(answeredAt).toBeGreaterThan(signalledAt);
    expect(res.status).toBe(200);
    const tile = new Uint8Array(await res.arrayBuffer());
    expect(tile.length).toBeGreaterThan(1000);

    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/SIGTERM: finishing requests[\s\S]*Database closed\./);
    expect(fs.existsSync(lockPath(dbPath))).toBe(false);
    // The last connection closed cleanly: SQLite folded the WAL into the file and deleted it.
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    await expect(fetch(`${server.url}/api/basins`)).rejects.toThrow();
  }, 60_000);
});
