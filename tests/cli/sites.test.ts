import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { copyOfBuiltDb } from '../support/database.js';

let db: string;
let dir: string;
beforeAll(() => {
  db = copyOfBuiltDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-cli-sites-'));
});

const cli = (...args: string[]) => hazatlas(db, args);

const count = () => {
  const d = new Database(db, { readonly: true });
  const n = d.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number;
  d.close();
  return n;
};

const CSV_HEADER = 'name,kind,sector,status,x,y,receivingRiver,sources';

describe('hazatlas sites', () => {
  it('lists the seeded register with filters, as a table or JSON', () => {
    const table = cli('sites', 'list', '--country', 'UZB', '--kind', 'tmf');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/Almalyk MMC copper tailings\s.*UZB\s+Syr Darya/);
    const json = cli('sites', 'list', '--basin', 'Dniester', '--json');
    const body = JSON.parse(json.stdout) as { total: number; items: { name: string }[] };
    expect(body.total).toBe(3);
    expect(body.items.map((s) => s.name).join(' ')).toMatch(/Kalush/);
  });

  it('imports a CSV in a national CRS (Stereo70), and a dry run writes nothing', () => {
    // A point in Maramureș given in EPSG:3844 (Stereo 70) easting/northing, ≈ 23.49 E 47.90 N.
    const file = path.join(dir, 'ok.csv');
    fs.writeFileSync(
      file,
      `${CSV_HEADER}\nCLI test plant,hazardous_activity,chemical,operating,387500,712300,Săsar,https://example.org/source\n`,
    );
    const before = count();
    const dry = cli('sites', 'import', file, '--crs', 'EPSG:3844', '--dry-run');
    expect(dry.status).toBe(0);
    expect(count()).toBe(before);
    const real = cli('sites', 'import', file, '--crs', 'EPSG:3844');
    expect(real.status).toBe(0);
    expect(count()).toBe(before + 1);
    const listed = JSON.parse(cli('sites', 'list', '--q', 'CLI test plant', '--json').stdout) as {
      items: { countryIso3: string; basinName: string; location: { lon: number; lat: number } }[];
    };
    // Converted by proj4 from Stereo 70 into northern Romania, hence into the Danube basin.
    expect(listed.items[0]?.location.lon).toBeCloseTo(23.5, 0);
    expect(listed.items[0]?.location.lat).toBeCloseTo(47.9, 0);
    expect(listed.items[0]).toMatchObject({ countryIso3: 'ROU', basinName: 'Danube' });
  });

  it('refuses a file with a bad row: exit code non-zero, the line named, nothing stored', () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      file,
      `${CSV_HEADER}\nGood row,hazardous_activity,chemical,operating,24.1,45.1,Olt,https://example.org/a\n` +
        'Bad row,volcano,chemical,operating,24.2,45.2,Olt,https://example.org/b\n',
    );
    const before = count();
    const r = cli('sites', 'import', file);
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/bad\.csv:3: kind/);
    expect(count()).toBe(before);
  });

  it('exports a filtered selection as GeoJSON with derived fields', () => {
    const out = path.join(dir, 'dniester.geojson');
    const r = cli('sites', 'export', '--format', 'geojson', '--basin', 'Dniester', '--out', out);
    expect(r.status).toBe(0);
    const fc = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      features: { properties: { derived: { basinName: string; downstreamCountries: string[] } } }[];
    };
    expect(fc.features).toHaveLength(3);
    expect(new Set(fc.features.map((f) => f.properties.derived.basinName))).toEqual(new Set(['Dniester']));
    expect(fc.features.every((f) => f.properties.derived.downstreamCountries.includes('MDA'))).toBe(true);
  });
});
