// Finding 2 of the second security probe, by its method: a second `npm start` on a busy port, and
// `hazatlas restore` (with and without --force) against a live server that keeps acknowledging writes.
// The server holds an exclusive OS-level lock on the database for its whole life, so both are refused
// and no acknowledged write is lost.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireServerLock, serverLockHeld } from '../../server/storage/server-lock.js';
import { authHeaders, createToken } from '../support/auth.js';
import { hazatlasAsync } from '../support/cli.js';
import { copyOfBuiltDb } from '../support/database.js';
import { listening, type ServerProcess, spawnServer } from '../support/server-process.js';

const _run = promisify(execFile);
const dbPath = copyOfBuiltDb();
const children: ServerProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
  fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
});

function start(env: Record<string, string> = {}, db = dbPath): ServerProcess {
  const s = spawnServer(db, env);
  children.push(s);
  return s;
}

const cli = (...args: string[]) => hazatlasAsync(dbPath, args);

const receptorCount = () => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare("SELECT COUNT(*) FROM receptors WHERE name LIKE 'lock test %'").pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('start-up', () => {
  it('a server on a busy port exits 1 with the reason, and releases the lock', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const s = start({ PORT: String(port) });
      expect(await s.exited).toBe(1);
      expect(s.output()).toMatch(new RegExp(`cannot start: 127\\.0\\.0\\.1:${port} is already in use`));
      expect(s.output()).not.toMatch(/listening on/);
      expect(serverLockHeld(dbPath)).toBe(false);
    } finally {
      blocker.close();
    }
  }, 60_000);

  it('a bad setting stops start-up naming the variable', async () => {
    const s = start({ HAZATLAS_TRUST_PROXY: 'everyone' });
    expect(await s.exited).toBe(1);
    expect(s.output()).toMatch(/HAZATLAS_TRUST_PROXY: "everyone" is not/);
  }, 60_000);
});

describe('a live server holds the database', () => {
  it('refuses a second server and restores with or without --force; no acknowledged write is lost', async () => {
    const token = createToken(dbPath, 'editor');
    const backup = path.join(path.dirname(dbPath), 'before.sqlite');
    expect((await cli('backup', backup)).code).toBe(0);

    const server = start();
    const url = await listening(server);
    expect(serverLockHeld(dbPath)).toBe(true);

    // A writer keeps adding receptors; every 201 is an acknowledged write.
    let acknowledged = 0;
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const res = await fetch(`${url}/api/receptors`, {
          method: 'POST',
          headers: { ...authHeaders(token), 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'school',
            name: `lock test ${i}`,
            // Novi Sad, Serbia (45.25 N, 19.84 E), on the Danube.
            geometry: { type: 'Point', coordinates: [19.84, 45.25] },
          }),
        });
        if (res.status === 201) acknowledged += 1;
        await res.arrayBuffer();
      }
    })();

    const second = start();
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/cannot start: another process .* holds the lock/);

    const plain = await cli('restore', backup);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/Cannot restore: another process .* holds the lock.*Stop the server first/);
    const forced = await cli('restore', backup, '--force');
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/--force does not override a running server/);

    stop = true;
    await writer;
    expect(acknowledged).toBeGreaterThan(0);
    server.proc.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(receptorCount()).toBe(acknowledged);

    // With the server stopped the lock is free and the restore goes ahead (the writes were after the backup).
    expect(serverLockHeld(dbPath)).toBe(false);
    expect((await cli('restore', backup)).code).toBe(0);
    expect(receptorCount()).toBe(0);
  }, 120_000);

  it('a server cannot start while a restore holds the lock', async () => {
    const taken = acquireServerLock(dbPath, 'restore');
    if (!taken.ok) throw new Error(taken.reason);
    try {
      const s = start();
      expect(await s.exited).toBe(1);
      expect(s.output()).toMatch(/holds the lock/);
    } finally {
      taken.lock.release();
    }
  }, 60_000);
});
