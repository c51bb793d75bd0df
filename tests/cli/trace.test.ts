import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { builtDbPath } from '../support/database.js';

let db: string;
beforeAll(() => {
  db = builtDbPath();
});

const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas trace', () => {
  it('prints JSON with --json', () => {
    const r = cli('trace', '76.0', '41.43', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { outlets: { name: string }[]; countries: { iso3: string }[] };
    expect(json.outlets.map((o) => o.name)).toEqual(['Aral Sea']);
    expect(json.countries[0]!.iso3).toBe('KGZ');
  });

  it('prints a readable table by default', () => {
    const r = cli('trace', '16.37', '48.21', '--max-km', '300');
    expect(r.status).toBe(0);
    // Calibrated km: the Slovak–Hungarian Danube runs from km 1,850 (Čunovo) to km 1,708 (Ipeľ mouth),
    // 79 and 221 km below the Vienna start at Danube km 1,929 (Danube Commission).
    expect(r.stdout).toMatch(
      /SVK\/HUN\s+8\d\.\d\s+21\d\.\d\s+Slovakia \(border stretch\)\s+\[Danube km 18\d\d\]/,
    );
    expect(r.stdout).toMatch(/stopped at max km/);
  });

  it('accepts negative coordinates and reports the sea clearly', () => {
    const r = cli('trace', '-30', '40');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/POINT_IN_SEA/);
  });

  it.each([
    [['trace', '16.37'], /exactly two coordinates/],
    [['trace', 'x', '48'], /lon must be a number/],
    [['trace', '16.37', '48.21', '--snap-max-km', '0'], /--snap-max-km must be a number/],
    [['trace', '16.37', '48.21', '--bogus'], /Unknown option/],
    [['nonsense'], /Unknown command/],
  ])('%j fails with a message', (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
