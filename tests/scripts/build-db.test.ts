// The database build is deterministic: two builds from the same sources store identical geography.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/database.js';

const CONTENT = [
  'SELECT id, from_node, to_node, name, length_km, reversed, hex(coords), country_runs, outlet_id, basin_id FROM net_reaches ORDER BY id',
  'SELECT * FROM net_outlets ORDER BY id',
  'SELECT * FROM net_basins ORDER BY id',
  'SELECT id, adm0_a3, iso3 FROM geo_countries ORDER BY id',
];

function digest(file: string): string {
  const db = new Database(file, { readonly: true });
  const rows = CONTENT.map((sql) => JSON.stringify(db.prepare(sql).raw().all()));
  db.close();
  return rows.join('\n');
}

/** Derived hydrology of a few seeded sites whose rivers are known. */
function seeded(file: string): Record<string, unknown> {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT s.name, d.basin_name AS basin, d.country_iso3 AS country, d.downstream_countries AS downstream
       FROM sites s JOIN site_derived d ON d.site_id = s.id
       WHERE s.name LIKE 'Aurul%' OR s.name LIKE 'Mailuu-Suu%' OR s.name LIKE 'Kalush%' ORDER BY s.name`,
    )
    .all() as { name: string; basin: string; country: string; downstream: string }[];
  db.close();
  return Object.fromEntries(
    rows.map((r) => [r.name.split(' ')[0], `${r.country} ${r.basin} ${r.downstream}`]),
  );
}

describe('scripts/build-db.ts', () => {
  it('builds the same network twice, and a rebuild in place keeps the file consistent', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-build-'));
    const a = path.join(dir, 'a.sqlite');
    const b = path.join(dir, 'b.sqlite');
    const build = (db: string) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-db.ts', '--db', db], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const log = build(a);
    expect(log).toMatch(/network: \d+ reaches/);
    expect(log).toMatch(/inter_basin_link/);
    // The network review: one summary line, then only the open flags (cycle breaks are counted, not listed).
    expect(log).toMatch(/network review: \d+ flagged.*inland systems ending right: \d+/);
    expect(log).not.toMatch(/! cycle_broken/);
    expect(log.split('\n').filter((l) => l.includes('! ')).length).toBeLessThan(20);
    // The Zeravshan ends inland (Wikipedia 'Zarafshan River'): no inland system is joined to another.
    expect(log).not.toMatch(/inland_system_joined at/);
    expect(log).toMatch(/register: loaded 71 seed sites/);
    build(b);
    // Idempotent: a rebuild over an existing database keeps the register and re-derives it.
    expect(build(b)).toMatch(/register: re-derived 71 sites/);
    expect(digest(a)).toBe(digest(b));
    const sites = seeded(b);
    expect(sites).toEqual(seeded(a));
    // Real drainage: the Baia Mare spill of 2000 went Lăpuș → Someș → Tisza (Hungary) → Danube (Serbia …).
    expect(sites.Aurul).toMatch(/^ROU Danube \["ROU","HUN",.*"SRB"/);
    expect(sites['Mailuu-Suu']).toBe('KGZ Syr Darya ["KGZ","UZB","TJK","KAZ"]');
    expect(sites.Kalush).toBe('UKR Dniester ["UKR","MDA"]');
    const db = new Database(b, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  }, 240_000);

  it('prints its help for --help and refuses an unknown flag or a stray argument, building nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-flags-'));
    const db = path.join(dir, 'x.sqlite');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-db.ts', '--db', db, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: npm run build:db -- \[options\]/);
    expect(help.stdout).toMatch(/--supplement FILE/);
    const bogus = run('--bogus');
    expect(bogus.status).toBe(2);
    expect(bogus.stderr).toMatch(/Unknown option '--bogus'/);
    const stray = run('data/hazatlas.sqlite');
    expect(stray.status).toBe(2);
    expect(stray.stderr).toMatch(/Unexpected argument 'data\/hazatlas.sqlite'/);
    expect(fs.existsSync(db)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails with the file name when a layer is missing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-empty-'));
    let stderr = '';
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/build-db.ts', '--sources', empty, '--db', path.join(empty, 'x.sqlite')],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
    } catch (err) {
      stderr = (err as { stderr: string }).stderr;
      expect((err as { status: number }).status).toBe(2);
    }
    expect(stderr).toMatch(/Missing source layer ne_10m_\w+/);
  });
});
