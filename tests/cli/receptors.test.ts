import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { copyOfBuiltDb } from '../support/database.js';

let db: string;
let dir: string;
beforeAll(() => {
  db = copyOfBuiltDb();
  dir = path.dirname(db);
});

const cli = (...args: string[]) => hazatlas(db, args);

const point = (name: string, lon: number, lat: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});
const writeGeoJson = (file: string, features: unknown[]) => {
  const p = path.join(dir, file);
  fs.writeFileSync(p, JSON.stringify({ type: 'FeatureCollection', features }));
  return p;
};
const listed = () =>
  JSON.parse(cli('receptors', 'list', '--json').stdout) as {
    total: number;
    items: { name: string; kind: string }[];
  };

describe('hazatlas receptors', () => {
  it('refuses a file with a bad row: exit 1, the line named, nothing stored', () => {
    const file = writeGeoJson('bad.geojson', [
      point('Intake Novi Sad', 19.85, 45.25),
      point('Off the globe', 19.9, 95),
    ]);
    const r = cli('receptors', 'import', file, '--kind', 'water_intake');
    expect(r.status).toBe(1);
    // Rows are numbered by feature: the second feature is row 2.
    expect(r.stderr).toMatch(/bad\.geojson:2: .*latitude 95/);
    expect(listed().total).toBe(0);
  });

  it('stores nothing on a dry run, then the whole clean file with the default kind', () => {
    const file = writeGeoJson('good.geojson', [
      point('Intake Novi Sad', 19.85, 45.25),
      point('Intake Smederevo', 20.93, 44.66),
    ]);
    const dry = cli('receptors', 'import', file, '--kind', 'water_intake', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/would import 2 receptor/);
    expect(listed().total).toBe(0);
    const r = cli('receptors', 'import', file, '--kind', 'water_intake');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/imported 2 receptor/);
    const list = listed();
    expect(list.items.map((i) => [i.name, i.kind]).sort()).toEqual([
      ['Intake Novi Sad', 'water_intake'],
      ['Intake Smederevo', 'water_intake'],
    ]);
  });

  it('answers bad usage with exit 2 and what to give', () => {
    const r = cli('receptors', 'import', 'x.geojson', '--kind', 'castle');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--kind must be one of water_intake/);
    expect(cli('receptors', 'list', '--limit', '0').status).toBe(2);
  });
});
