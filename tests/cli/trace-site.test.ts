import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { builtDbPath } from '../support/database.js';

let db: string;
let siteId: (name: string) => string;
beforeAll(() => {
  db = builtDbPath();
  const conn = new Database(db, { readonly: true });
  const ids = new Map(
    (conn.prepare('SELECT name, id FROM sites').all() as { name: string; id: string }[]).map((r) => [
      r.name,
      r.id,
    ]),
  );
  conn.close();
  siteId = (name) => ids.get(name) ?? '';
});

const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas trace --site', () => {
  it('traces Almalyk copper tailings to the Aral Sea through Uzbekistan and Kazakhstan', () => {
    // Almalyk (Uzbekistan) drains by the Akhangaran to the Syr Darya in Uzbekistan, which flows on into
    // Kazakhstan (Shardara reservoir) and the Aral Sea (UNECE Second Assessment, 2011, Syr Darya basin).
    const r = cli('trace', '--site', siteId('Almalyk MMC copper tailings'), '--json');
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout) as {
      countries: { iso3: string }[];
      outlets: { name: string; main: boolean }[];
      snap: { connection: { kind: string; via: string } };
    };
    expect(t.countries.map((c) => c.iso3)).toEqual(['UZB', 'KAZ']);
    expect(t.outlets.find((o) => o.main)?.name).toBe('Aral Sea');
    expect(t.snap.connection).toMatchObject({ kind: 'network', via: 'Akhangaran' }); // network supplement
  });

  it('says in the table which first km are not in the network (Taboshar, Tajikistan)', () => {
    const r = cli('trace', '--site', siteId('Taboshar uranium tailings'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Not traced: the first 29\.\d km, from the start to the Syr Darya/);
    expect(r.stdout).toMatch(/^\s+TJK\s+0\.0/m);
    expect(r.stdout).toMatch(/Aral Sea .*\(main path\)/);
  });

  it('refuses an unknown site, and a site together with coordinates', () => {
    const unknown = cli('trace', '--site', 'no-such-site');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/UNKNOWN_SITE/);
    const both = cli('trace', '16.37', '48.21', '--site', siteId('Taboshar uranium tailings'));
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/either --site ID or two coordinates/);
  });
});

describe('hazatlas trace numbers', () => {
  it('echoes a negative release as typed', () => {
    const r = cli('trace', '16.37', '48.21', '--release-kg', '-5');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--release-kg must be a number between 0.000001 and 1000000000 (got "-5").');
  });

  it.each([
    ['0x10', /lon must be a number between -180 and 180: write it as a decimal number/],
    ['Infinity', /lon must be a number/],
    ['16,37', /use a decimal point, not a comma \(16\.37\)/],
  ])('rejects lon %s', (lon, message) => {
    const r = cli('trace', lon, '48.21');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('rejects 1e400 as a flag value', () => {
    const r = cli('trace', '16.37', '48.21', '--max-km', '1e400');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--max-km must be a number between 0.001 and 20000: the number is too large/);
  });
});
