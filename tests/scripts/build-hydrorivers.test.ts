// `npm run build:db -- --network hydrorivers` on the fixture in each format: traces follow NEXT_DOWN
// (not touching geometry), discharge is the network's DIS_AV_CMS, the register's derived fields work,
// and broken topology stops the build naming the reaches.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

const FIXTURES = path.join(ROOT, 'tests/fixtures/hydrorivers');
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-hydrorivers-'));

function build(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts/build-db.ts'), ...args],
      {
        cwd: ROOT,
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

const FORMATS = {
  gpkg: 'fergana-kamchiya.gpkg',
  shp: 'fergana-kamchiya.shp.zip',
  geojsonGz: 'fergana-kamchiya.geojson.gz',
} as const;
type Format = keyof typeof FORMATS;
const servers = new Map<Format | 'supplemented', RunningServer>();
let supplementedLog = '';

interface PathFeature {
  properties: { sourceId?: number; river: string | null; kmFromStart: number };
}
interface Trace {
  lengthKm: number;
  snap: { river: string | null };
  outlets: { name: string; kind: string; main: boolean }[];
  countries: { iso3: string }[];
  path: { features: PathFeature[] };
  profile?: { km: number; dischargeM3s: number }[];
  release?: { discharge: { dischargeSource?: string; river: string; dischargeM3s: number }[] };
}
async function trace(format: Format | 'supplemented', query: string): Promise<Trace> {
  const res = await fetch(`${servers.get(format)!.url}/api/trace?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Trace;
}
const sourceIds = (t: Trace) => [...new Set(t.path.features.map((f) => f.properties.sourceId))];

beforeAll(async () => {
  const builds: [Format | 'supplemented', string, string[]][] = [
    ['gpkg', FORMATS.gpkg, ['--names', path.join(FIXTURES, 'names.csv')]],
    ['shp', FORMATS.shp, []],
    ['geojsonGz', FORMATS.geojsonGz, []],
    ['supplemented', FORMATS.geojsonGz, ['--supplement', path.join(FIXTURES, 'supplement-chirchik.geojson')]],
  ];
  const results = await Promise.all(
    builds.map(async ([f, file, extra]) => {
      const db = path.join(DIR, `${f}.sqlite`);
      const r = await build([
        '--network',
        'hydrorivers',
        '--rivers',
        path.join(FIXTURES, file),
        ...extra,
        '--db',
        db,
      ]);
      return { f, db, ...r };
    }),
  );
  supplementedLog = results.find((r) => r.f === 'supplemented')!.out;
  for (const r of results) {
    if (r.code !== 0) throw new Error(`build from ${r.f} failed:\n${r.out}`);
    servers.set(r.f, await startServer(r.db));
  }
}, 240_000);

afterAll(async () => {
  for (const s of servers.values()) await s.close();
  fs.rmSync(DIR, { recursive: true, force: true });
});

describe.each(Object.keys(FORMATS) as Format[])('a HydroRIVERS build from %s', (format) => {
  it('traces the Mailuu-Suu by NEXT_DOWN across the gap to the Kara Darya, to the Aral Sea', async () => {
    // Mailuu-Suu town, 41.27 N 72.45 E; the river reaches the Aral Sea via Kara Darya and Syr Darya.
    const t = await trace(format, 'lon=72.45&lat=41.26');
    expect(sourceIds(t)).toEqual([40100010, 40100011, 40100003, 40100030, 40100031, 40100032, 40100033]);
    expect(t.outlets).toEqual([
      expect.objectContaining({ name: 'Aral Sea', kind: 'terminal_lake', main: true }),
    ]);
    expect(t.countries.map((c) => c.iso3)).toEqual(['KGZ', 'UZB', 'UZB', 'TJK', 'TJK', 'UZB', 'KAZ']);
  });

  it('routes a stream that ends on the Naryn junction into the Kara Darya reach NEXT_DOWN names', async () => {
    const t = await trace(format, 'lon=71.83&lat=40.96&snapMaxKm=2');
    expect(sourceIds(t).slice(0, 3)).toEqual([40100012, 40100003, 40100030]);
  });

  it('ends an exorheic basin (ENDORHEIC = 0) at the sea: the Kamchiya in the Black Sea', async () => {
    // Kamchiya mouth 43.03 N 27.88 E on the Black Sea coast of Bulgaria.
    const t = await trace(format, 'lon=27.0&lat=42.88&snapMaxKm=10');
    expect(t.outlets).toEqual([expect.objectContaining({ name: 'Black Sea', kind: 'sea', main: true })]);
    expect(t.countries.map((c) => c.iso3)).toEqual(['BGR']);
  });
});

describe('discharge and names on a HydroRIVERS build', () => {
  it('uses DIS_AV_CMS along the path and says so', async () => {
    const t = await trace('gpkg', 'lon=72.45&lat=41.26&releaseKg=1000');
    const at = (km: number) => t.profile!.find((p) => p.km >= km)!.dischargeM3s;
    // Fixture values: Mailuu-Suu 9.7, Kara Darya at Uchtepa 136, Fergana Valley Syr Darya 560 m³/s.
    expect(at(10)).toBe(9.7);
    expect(at(70)).toBe(136);
    expect(at(150)).toBe(560);
    expect(t.release!.discharge.every((d) => d.dischargeSource === 'network')).toBe(true);
    expect(t.release!.discharge.map((d) => d.dischargeM3s).slice(0, 2)).toEqual([9.7, 136]);
  });

  it('takes names from the names file and from Natural Earth, but not for a brook beside the Naryn', async () => {
    const t = await trace('gpkg', 'lon=72.45&lat=41.26');
    expect(t.snap.river).toBe('Mailuu-Suu');
    const rivers = (await trace('gpkg', 'lon=71.83&lat=40.96&snapMaxKm=2')).path.features.map(
      (f) => f.properties.river,
    );
    expect(rivers.slice(0, 2)).toEqual([null, 'Kara Darya']);
    expect((await trace('shp', 'lon=72.45&lat=41.26')).snap.river).toBeNull(); // no names file
  });

  it("derives the register's fields for the Mailuu-Suu tailings on the new network", async () => {
    const db = servers.get('gpkg')!.services.db;
    const row = db
      .prepare(
        `SELECT d.river, d.basin_name AS basin, d.outlet_name AS outlet, d.downstream_countries AS downstream
         FROM sites s JOIN site_derived d ON d.site_id = s.id WHERE s.name LIKE 'Mailuu-Suu%'`,
      )
      .get();
    expect(row).toEqual({
      river: 'Mailuu-Suu',
      basin: 'Syr Darya',
      outlet: 'Aral Sea',
      downstream: '["KGZ","UZB","TJK","KAZ"]',
    });
  });
});

describe('a HydroRIVERS build with --supplement', () => {
  it('joins the user supplement (only it, not the reviewed Natural Earth one) and reports the join', async () => {
    expect(supplementedLog).toMatch(
      /supplement ✓ Chirchik \(approximate\) → Syr Darya at 68\.\d+, 40\.\d+, 0\.\d\d km/,
    );
    expect(supplementedLog).not.toMatch(/Vakhsh|Akhangaran/);
    const stats = (await (await fetch(`${servers.get('supplemented')!.url}/api/network/stats`)).json()) as {
      networkSource: string;
      supplements: string[];
    };
    expect(stats.networkSource).toBe('hydrorivers');
    expect(stats.supplements).toEqual([expect.stringMatching(/^✓ Chirchik \(approximate\) → Syr Darya/)]);
  });

  it('traces from the Chirchik into the lower piece of the Syr Darya reach it splits', async () => {
    const t = await trace('supplemented', 'lon=69.58&lat=41.47&snapMaxKm=2');
    expect(t.snap.river).toBe('Chirchik');
    // The added line has no HYRIV_ID; the split reach keeps 40100031 on both pieces.
    expect(sourceIds(t)).toEqual([undefined, 40100031, 40100032, 40100033]);
    const whole = await trace('supplemented', 'lon=70.36&lat=40.43&snapMaxKm=2');
    const piece = (x: Trace) => x.path.features.filter((f) => f.properties.sourceId === 40100031);
    expect(piece(t).length).toBeGreaterThan(0);
    expect(t.lengthKm).toBeLessThan(whole.lengthKm);
  });
});

describe('broken HydroRIVERS topology', () => {
  const fc = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'fergana-kamchiya.geojson'), 'utf8')) as {
    features: { properties: { HYRIV_ID: number; NEXT_DOWN: number } }[];
  };
  const write = (name: string, edit: (f: typeof fc.features) => void): string => {
    const copy = structuredClone(fc);
    edit(copy.features);
    const file = path.join(DIR, name);
    fs.writeFileSync(file, JSON.stringify(copy));
    return file;
  };

  it('stops on NEXT_DOWN to a missing reach, a cycle or a duplicate id, naming the reaches', async () => {
    const missing = write('missing.geojson', (f) => {
      f[3]!.properties.NEXT_DOWN = 40199999;
    });
    const cycle = write('cycle.geojson', (f) => {
      f.find((x) => x.properties.HYRIV_ID === 40100033)!.properties.NEXT_DOWN = 40100031;
    });
    const dupe = write('dupe.geojson', (f) => {
      f[1]!.properties.HYRIV_ID = 40100001;
    });
    const [a, b, c] = await Promise.all(
      [missing, cycle, dupe].map((file) =>
        build(['--network', 'hydrorivers', '--rivers', file, '--db', path.join(DIR, 'broken.sqlite')]),
      ),
    );
    expect(a!.code).toBe(2);
    expect(a!.out).toContain('40100010 → 40199999');
    expect(b!.code).toBe(2);
    expect(b!.out).toContain('NEXT_DOWN forms a cycle: 40100031, 40100032, 40100033 → 40100031.');
    expect(c!.code).toBe(2);
    expect(c!.out).toContain('Duplicate HYRIV_ID: 40100001.');
    expect(fs.existsSync(path.join(DIR, 'broken.sqlite'))).toBe(false);
  });
});
