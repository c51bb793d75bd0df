import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { copyOfBuiltDb } from '../support/database.js';

let db: string;
beforeAll(() => {
  db = copyOfBuiltDb();
});

const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas review', () => {
  it('advises against a school 790 m east of HIP Azotara Pančevo (middle zone), as JSON', () => {
    const r = cli('review', '20.71', '44.82', '--type', 'school_hospital', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      verdict: string;
      sites: { name: string; zone: string; distanceM: number }[];
    };
    expect(json.verdict).toBe('advise_against');
    expect(json.sites[0]).toMatchObject({ name: 'HIP Azotara Pančevo', zone: 'middle' });
    expect(json.sites[0]!.distanceM).toBeGreaterThan(780);
    expect(json.sites[0]!.distanceM).toBeLessThan(800);
  });

  it('prints a table with the upstream sites for a water intake', () => {
    const r = cli('review', '20.705', '44.82', '--type', 'water_intake');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Verdict: ADVISE AGAINST/);
    expect(r.stdout).toMatch(/Upstream sites within 24 h of travel: \d+/);
    expect(r.stdout).toMatch(/NIS Pančevo oil refinery/);
  });

  it('exits 2 on an unknown type or a coordinate out of range', () => {
    const bad = cli('review', '20', '44', '--type', 'castle');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--type must be one of .*housing/);
    expect(cli('review', '200', '44', '--type', 'housing').status).toBe(2);
  });
});

describe('hazatlas screening', () => {
  it('lists border sites with reasons', () => {
    const r = cli('screening', 'border', '--within-km', '50', '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { sites: { name: string; reasons: { code: string }[] }[] };
    const slovnaft = json.sites.find((s) => s.name === 'Slovnaft refinery, Bratislava');
    expect(slovnaft?.reasons.map((x) => x.code)).toContain('river_crosses_border');
  });

  it('lists natech sites as text, and refuses an unknown screening', () => {
    const r = cli('screening', 'natech', '--river-within-m', '500');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Duslo Šaľa \(SVK\): \d+ m from the Vah/);
    expect(cli('screening', 'seismic').status).toBe(2);
  });
});
