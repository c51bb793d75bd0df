import { beforeAll, describe, expect, it } from 'vitest';
import type { TraceWithRelease } from '../../server/core/transport/arrival.js';
import { hazatlas } from '../support/cli.js';
import { builtDbPath } from '../support/database.js';

let db: string;
beforeAll(() => {
  db = builtDbPath();
});

const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas trace with a release', () => {
  it('prints arrival times and concentrations as JSON (Naryn → Aral Sea)', () => {
    const r = cli(
      'trace',
      '76.0',
      '41.43',
      '--release-kg',
      '5000',
      '--substance',
      'cyanide',
      '--decay-per-day',
      '0.05',
      '--discharge-factor',
      '0.5',
      '--limit-mg-l',
      '0.01',
      '--json',
    );
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout) as TraceWithRelease;
    expect(t.release).toMatchObject({
      massKg: 5000,
      substance: 'cyanide',
      decayPerDay: 0.05,
      dischargeFactor: 0.5,
    });
    expect(t.outlets[0]!.name).toBe('Aral Sea');
    const hours = t.countries.map((c) => c.arrival.peakH.probable);
    expect([...hours].sort((a, b) => a - b)).toEqual(hours);
    expect(t.countries[1]!.arrival.peakH.bound).toBeLessThan(t.countries[1]!.arrival.peakH.probable);
    expect(t.threshold?.limitMgL).toBe(0.01);
  });

  it('shows arrival columns in the table output', () => {
    const r = cli('trace', '16.37', '48.21', '--release-kg', '10000', '--limit-mg-l', '0.05');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Release: 10000 kg/);
    expect(r.stdout).toMatch(/lead h\s+lead h\*\s+peak h\s+peak h\*\s+peak mg\/L\s+peak mg\/L\*/);
    // Calibrated km (Danube km 1,929 at Vienna to km 1,708 where Hungary alone begins; the Chilia arm to the sea).
    expect(r.stdout).toMatch(/^\s+HUN\s+21\d\.\d\s+\d+\.\d/m);
    expect(r.stdout).toMatch(/^\s+Black Sea\s+19\d\d\.\d/m);
    expect(r.stdout).toMatch(/Limit 0\.05 mg\/L: peak falls below at km \d+/);
  });

  it('rejects bad release flags with a message and exit code 2', () => {
    const bad = cli('trace', '16.37', '48.21', '--release-kg', '-3');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--release-kg must be a number between/);
    const orphan = cli('trace', '16.37', '48.21', '--decay-per-day', '0.1');
    expect(orphan.status).toBe(2);
    expect(orphan.stderr).toMatch(/give releaseKg/);
  });
});
