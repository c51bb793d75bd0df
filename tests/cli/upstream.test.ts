import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { builtDbPath } from '../support/database.js';

let db: string;
beforeAll(() => {
  db = builtDbPath();
});

const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas upstream', () => {
  it('prints JSON with --json, cut by --max-km', () => {
    const all = JSON.parse(cli('upstream', '28.83', '45.35', '--json').stdout) as {
      total: number;
      countries: string[];
    };
    const r = cli('upstream', '28.83', '45.35', '--max-km', '100', '--json');
    expect(r.status).toBe(0);
    const near = JSON.parse(r.stdout) as { total: number; sites: { riverKm: number }[] };
    expect(all.countries).toEqual(expect.arrayContaining(['SRB', 'ROU', 'HUN']));
    expect(near.total).toBeGreaterThan(0);
    expect(near.total).toBeLessThan(all.total);
    expect(near.sites.every((s) => s.riverKm <= 100)).toBe(true);
  });

  it('prints both rankings as a table, with --max-hours', () => {
    // Mailuu-Suu is ≈ 1,000 h upstream of Kyzylorda by the Kara Darya (network supplement): allow 1,200 h.
    const r = cli('upstream', '65.5', '44.85', '--max-hours', '1200');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/By arrival time/);
    expect(r.stdout).toMatch(/By hazard/);
    expect(r.stdout).toMatch(/countries: .*KGZ/);
    expect(r.stdout).toMatch(/Mailuu-Suu/);
  });

  it('reports bad input with exit code 2', () => {
    const sea = cli('upstream', '-30', '40');
    expect(sea.status).toBe(2);
    expect(sea.stderr).toMatch(/POINT_IN_SEA/);
    const bad = cli('upstream', '28.83', '45.35', '--max-km', 'far');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-km must be a number/);
    expect(cli('upstream', '28.83').status).toBe(2);
  });
});

describe('hazatlas matrix', () => {
  it('prints CSV and JSON for a basin', () => {
    const csv = cli('matrix', '--basin', 'Danube', '--csv');
    expect(csv.status).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.some((r) => r.origin === 'SRB' && r.affected === 'BGR')).toBe(true);
    const json = JSON.parse(cli('matrix', '--basin', 'Danube', '--json').stdout) as {
      basin: { name: string };
      cells: unknown[];
    };
    expect(json.basin.name).toBe('Danube');
    expect(json.cells.length).toBe(rows.length);
  });

  it('prints a grid by default and refuses an unknown basin', () => {
    const r = cli('matrix', '--basin', 'Syr Darya');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Transboundary matrix: Syr Darya/);
    expect(r.stdout).toMatch(/KGZ → KAZ/);
    const bad = cli('matrix', '--basin', 'Atlantis');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/UNKNOWN_BASIN/);
  });
});
