import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFields } from '../../server/core/register/site-validate.js';
import { createServices, type Services } from '../../server/runtime/services.js';
import { acquireServerLock } from '../../server/storage/server-lock.js';
import { insertSites } from '../../server/storage/site-store.js';
import { kalush } from '../fixtures/site-bodies.js';
import { hazatlasAsync } from '../support/cli.js';
import { copyOfBuiltDb } from '../support/database.js';

const cli = (dbPath: string, ...args: string[]) => hazatlasAsync(dbPath, args);

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number;
  } finally {
    db.close();
  }
};

let dbPath = '';
let dir = '';
let services: Services;
beforeAll(() => {
  dbPath = copyOfBuiltDb();
  dir = path.dirname(dbPath);
  services = createServices({ dbPath });
});
afterAll(() => {
  services?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const site = (i: number) => ({
  ...toFields(kalush),
  name: `Backup test site ${i}`,
  location: { lon: 24.3 + i * 0.01, lat: 49.0 },
});

describe('hazatlas backup', () => {
  it('takes a consistent copy while another connection keeps writing', async () => {
    const start = count(dbPath);
    let written = 0;
    let stop = false;
    // A writer in this process commits a site every few milliseconds while the CLI copies the file.
    const writer = (async () => {
      while (!stop) {
        insertSites(services.db, services.hydrology, [site(written)]);
        written += 1;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const backup = path.join(dir, 'live.backup.sqlite');
    const r = await cli(dbPath, 'backup', backup);
    stop = true;
    await writer;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Backed up .* integrity ok/);
    expect(written).toBeGreaterThan(0);
    const copied = count(backup);
    // A snapshot: some prefix of the writes, never a torn state.
    expect(copied).toBeGreaterThanOrEqual(start);
    expect(copied).toBeLessThanOrEqual(start + written);
    const db = new Database(backup, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(fs.existsSync(`${backup}-wal`)).toBe(false);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const backup = path.join(dir, 'twice.sqlite');
    expect((await cli(dbPath, 'backup', backup)).code).toBe(0);
    const again = await cli(dbPath, 'backup', backup);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists; give --force/);
    expect((await cli(dbPath, 'backup', backup, '--force')).code).toBe(0);
  });
});

describe('hazatlas restore', () => {
  it('replaces the database with the backup and keeps the old one as .bak', async () => {
    services.close();
    const backup = path.join(dir, 'restore-me.sqlite');
    expect((await cli(dbPath, 'backup', backup)).code).toBe(0);
    const inBackup = count(backup);
    // Change the live database after the backup, leaving a WAL behind that must not leak into the restore.
    const live = new Database(dbPath);
    live.pragma('journal_mode = WAL');
    live.prepare('DELETE FROM sites').run();
    expect(count(dbPath)).toBe(0);
    const r = await cli(dbPath, 'restore', backup);
    live.close();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/previous database is kept as .*\.bak/);
    expect(count(dbPath)).toBe(inBackup);
    expect(count(`${dbPath}.bak`)).toBe(0);
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    services = createServices({ dbPath });
    expect(services.db.prepare('SELECT COUNT(*) FROM sites').pluck().get()).toBe(inBackup);
  });

  it('refuses a damaged file and leaves the database untouched', async () => {
    const backup = path.join(dir, 'damaged.sqlite');
    expect((await cli(dbPath, 'backup', backup)).code).toBe(0);
    const bytes = fs.readFileSync(backup);
    // Scribble over pages in the middle of the file (not the header, so SQLite still opens it).
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 200_000; i += 1)
      bytes[i] = 0x5a;
    fs.writeFileSync(backup, bytes);
    const before = fs.readFileSync(dbPath).length;
    const r = await cli(dbPath, 'restore', backup);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot be restored: (integrity_check failed|cannot read)/);
    expect(fs.readFileSync(dbPath).length).toBe(before);
  });

  it('refuses a database from a newer HazAtlas and a file that is not HazAtlas', async () => {
    const newer = path.join(dir, 'newer.sqlite');
    expect((await cli(dbPath, 'backup', newer)).code).toBe(0);
    const db = new Database(newer);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999-future.sql', 'x')",
    ).run();
    db.close();
    const r = await cli(dbPath, 'restore', newer);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/schema version 999 .* newer than this HazAtlas/);

    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE notes (x TEXT)');
    const r2 = await cli(dbPath, 'restore', other);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(
      /not a HazAtlas database: missing table\(s\) schema_migrations, sites, net_reaches/,
    );
    expect((await cli(dbPath, 'restore', path.join(dir, 'missing.sqlite'))).stderr).toMatch(/does not exist/);
  });

  it('refuses while the server lock is held, with or without --force', async () => {
    const backup = path.join(dir, 'locked.sqlite');
    expect((await cli(dbPath, 'backup', backup)).code).toBe(0);
    // This test process holds the lock as a running server would (tests/durability/server-lock.test.ts
    // does it with a real server process).
    const taken = acquireServerLock(dbPath, 'server');
    if (!taken.ok) throw new Error(taken.reason);
    try {
      for (const extra of [[], ['--force']]) {
        const r = await cli(dbPath, 'restore', backup, ...extra);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/Cannot restore: another process .* holds the lock/);
      }
    } finally {
      taken.lock.release();
    }
    // Released: the restore goes ahead.
    services.close();
    expect((await cli(dbPath, 'restore', backup)).code).toBe(0);
    services = createServices({ dbPath });
  });
});
