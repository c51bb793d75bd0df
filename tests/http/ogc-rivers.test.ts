// The `rivers` collection of /ogc: the routed network's reaches with flat, typed properties, read by
// GDAL's OAPIF driver (Debian gdal-bin) the way QGIS reads it, with bbox and paging.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
}, 60_000);
afterAll(async () => server?.close());

const run = promisify(execFile);
const ogr = async (cmd: string, ...args: string[]) =>
  (await run(cmd, args, { encoding: 'utf8', maxBuffer: 64e6 })).stdout;
const oapif = () => `OAPIF:${server.url}/ogc`;

interface Reach {
  id: string;
  geometry: { type: string; coordinates: [number, number][] };
  properties: {
    name: string | null;
    lengthKm: number;
    dischargeM3s: number | null;
    dischargeSource: string | null;
    countryIso3: string | null;
    basinName: string | null;
  };
}

// Belgrade, where the Sava joins the Danube (44.82 N, 20.45 E), to Pančevo, where the Tamiš does.
const BELGRADE = ['20.3', '44.7', '20.8', '44.9'] as const;

describe('rivers collection', () => {
  it('GDAL lists every reach of the network as a line layer with typed attributes', async () => {
    const reaches = server.services.network.reaches.length;
    const info = await ogr('ogrinfo', '-ro', '-so', oapif(), 'rivers');
    expect(info).toMatch(/Geometry: Line String/);
    expect(Number(/Feature Count: (\d+)/.exec(info)?.[1])).toBe(reaches);
    for (const f of [
      'name: String',
      'lengthKm: Real',
      'dischargeM3s: Real',
      'basinName: String',
      'scalerank: Integer',
    ]) {
      expect(info).toMatch(new RegExp(`\\n${f} `));
    }
  });

  it('bbox around Belgrade: the Danube, the Sava and the Tamiš, with lengths and discharges that add up', async () => {
    const got = JSON.parse(
      await ogr('ogr2ogr', '-f', 'GeoJSON', '/vsistdout/', oapif(), 'rivers', '-spat', ...BELGRADE),
    ) as { features: Reach[] };
    const names = new Set(got.features.map((f) => f.properties.name));
    expect([...names]).toEqual(expect.arrayContaining(['Danube', 'Sava', 'Tamis']));
    for (const f of got.features) {
      expect(f.geometry.type).toBe('LineString');
      expect(f.properties.lengthKm).toBeGreaterThan(0);
      expect(f.properties.basinName).toBe('Danube');
      expect(f.properties.countryIso3).toBe('SRB');
    }
    const q = (name: string) =>
      Math.max(
        ...got.features.filter((f) => f.properties.name === name).map((f) => f.properties.dischargeM3s ?? 0),
      );
    // Natural Earth carries no discharge: these are area × runoff estimates, said so.
    expect(got.features.every((f) => f.properties.dischargeSource === 'runoff')).toBe(true);
    // The Danube below the Sava carries more than the Sava, which carries more than the Tamiš; all less
    // than the Danube's 6,500 m³/s at its mouth (ICPDR, Danube Basin facts and figures).
    expect(q('Danube')).toBeGreaterThan(q('Sava'));
    expect(q('Sava')).toBeGreaterThan(q('Tamis'));
    expect(q('Danube')).toBeLessThan(6500);
    expect(q('Danube')).toBeGreaterThan(2000);
  });

  it('pages with limit, offset and next links; counts the same bbox as GDAL', async () => {
    const url = `${server.url}/ogc/collections/rivers/items?bbox=${BELGRADE.join(',')}&limit=2`;
    const page = (await (await fetch(url)).json()) as {
      numberMatched: number;
      numberReturned: number;
      features: Reach[];
      links: { rel: string; href: string }[];
    };
    expect(page.numberReturned).toBe(2);
    expect(page.numberMatched).toBeGreaterThan(2);
    const next = page.links.find((l) => l.rel === 'next');
    expect(next?.href).toMatch(/offset=2/);
    const second = (await (await fetch(next?.href ?? '')).json()) as { features: Reach[] };
    const ids = [...page.features, ...second.features].map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const one = await fetch(`${server.url}/ogc/collections/rivers/items/${page.features[0]?.id}`);
    expect(((await one.json()) as Reach).properties.name).toBe(page.features[0]?.properties.name);
    expect((await fetch(`${server.url}/ogc/collections/rivers/items?limit=0`)).status).toBe(400);
  });
});
