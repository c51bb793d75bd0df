// GET /api/trace?format=gpkg: the trace as a GeoPackage (path, crossings, outlets), read back by GDAL.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
let dir: string;
beforeAll(async () => {
  server = await startServer(builtDbPath());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-trace-gpkg-'));
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('trace as GeoPackage', () => {
  it('Vienna with a release: three layers GDAL reads, the same counts and km as the JSON answer', async () => {
    const q = 'lon=16.37&lat=48.21&releaseKg=10000';
    const json = (await (await fetch(`${server.url}/api/trace?${q}`)).json()) as {
      path: { features: unknown[] };
      crossings: Array<{ km: number; from: string; to: string }>;
      outlets: Array<{ name: string; main: boolean }>;
    };
    const res = await fetch(`${server.url}/api/trace?${q}&format=gpkg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/geopackage/);
    const file = path.join(dir, 'vienna.gpkg');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const layers = execFileSync('ogrinfo', ['-ro', '-q', file], { encoding: 'utf8' });
    expect(layers).toMatch(/crossings \(Point\)/);
    expect(layers).toMatch(/outlets \(Point\)/);
    expect(layers).toMatch(/path \(Line String\)/);
    const count = (layer: string) =>
      Number(
        /Feature Count: (\d+)/.exec(
          execFileSync('ogrinfo', ['-ro', '-so', file, layer], { encoding: 'utf8' }),
        )?.[1],
      );
    expect(count('path')).toBe(json.path.features.length);
    expect(count('crossings')).toBe(json.crossings.length);
    expect(count('outlets')).toBe(json.outlets.length);
    // From Vienna the Danube leaves Austria for the Slovak border stretch (AUT → SVK) first.
    const first = json.crossings[0];
    const sql = execFileSync(
      'ogrinfo',
      ['-ro', '-q', '-sql', 'SELECT "from", "to", km, peakH FROM crossings ORDER BY km LIMIT 1', file],
      { encoding: 'utf8' },
    );
    expect(sql).toContain(`from (String) = ${first?.from}`);
    expect(sql).toMatch(/peakH \(Real\) = \d/);
    const main = json.outlets.find((o) => o.main);
    expect(
      execFileSync('ogrinfo', ['-ro', '-q', '-sql', 'SELECT name FROM outlets WHERE main = 1', file], {
        encoding: 'utf8',
      }),
    ).toContain(`name (String) = ${main?.name}`);
  });
});
