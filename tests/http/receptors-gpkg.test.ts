// Receptors as GeoPackage: GET /api/receptors/export?format=gpkg read by GDAL, and a GDAL-written
// GeoPackage in ETRS89 / LAEA (EPSG:3035) imported with POST /api/receptors/import?format=gpkg.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../server/core/geo/geodesy.js';
import { authHeaders } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer & { editorToken: string };
let dir: string;
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb(), { editorToken: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-receptors-gpkg-'));
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('receptors GeoPackage', () => {
  it('imports a GDAL-written GeoPackage in EPSG:3035 and exports a GeoPackage GDAL reads', async () => {
    // Pančevo's water intake and hospital as in tests/http/receptors.test.ts (20.63 E 44.86 N, 20.65 E 44.87 N).
    const source = path.join(dir, 'pancevo.geojson');
    fs.writeFileSync(
      source,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [20.63, 44.86] },
            properties: { name: 'Intake Pančevo', kind: 'water_intake', population: 80000 },
          },
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [20.65, 44.87] },
            properties: { name: 'Opšta bolnica Pančevo', kind: 'hospital' },
          },
        ],
      }),
    );
    const gpkg = path.join(dir, 'pancevo-3035.gpkg');
    execFileSync('ogr2ogr', ['-f', 'GPKG', gpkg, source, '-t_srs', 'EPSG:3035', '-nln', 'receptors']);
    const res = await fetch(`${server.url}/api/receptors/import?format=gpkg`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...authHeaders(server.editorToken) },
      body: new Uint8Array(fs.readFileSync(gpkg)),
    });
    const report = (await res.json()) as { accepted: number; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(res.status).toBe(200);
    expect(report.accepted).toBe(2);

    const out = await fetch(`${server.url}/api/receptors/export?format=gpkg&kind=water_intake,hospital`);
    expect(out.status).toBe(200);
    const file = path.join(dir, 'receptors.gpkg');
    fs.writeFileSync(file, Buffer.from(await out.arrayBuffer()));
    const summary = execFileSync('ogrinfo', ['-ro', '-so', file, 'receptors'], { encoding: 'utf8' });
    expect(summary).toMatch(/Feature Count: 2/);
    expect(summary).toMatch(/\npopulation: Integer64 /);
    const row = execFileSync(
      'ogrinfo',
      [
        '-ro',
        '-q',
        '-sql',
        "SELECT name, population, ST_X(geom) AS x, ST_Y(geom) AS y FROM receptors WHERE kind = 'water_intake'",
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(row).toMatch(/name \(String\) = Intake Pančevo/);
    expect(row).toMatch(/population \(Integer64\) = 80000/);
    const x = Number(/x \(Real\) = ([\d.]+)/.exec(row)?.[1]);
    const y = Number(/y \(Real\) = ([\d.]+)/.exec(row)?.[1]);
    // Through EPSG:3035 and back: within 1 m of where it was.
    expect(haversineKm(x, y, 20.63, 44.86) * 1000).toBeLessThan(1);
  });
});
