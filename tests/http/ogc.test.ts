// OGC API – Features at /ogc, read by GDAL's OAPIF driver (ogrinfo, ogr2ogr from Debian gdal-bin)
// the way QGIS reads it, plus the JSON and HTML answers, paging, CRS by reference and 404s.
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toWgs84 } from '../../server/core/crs.js';
import { listenApp } from '../support/app-server.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
let counts: { sites: number; tmf: number };
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  const db = server.services.db;
  counts = {
    sites: db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number,
    tmf: db.prepare("SELECT COUNT(*) FROM sites WHERE kind = 'tmf'").pluck().get() as number,
  };
});
afterAll(async () => server?.close());

// Asynchronous: the server answering GDAL runs in this process, so a synchronous child would deadlock.
const run = promisify(execFile);
const ogr = async (cmd: string, ...args: string[]) =>
  (await run(cmd, args, { encoding: 'utf8', maxBuffer: 64e6 })).stdout;
const oapif = () => `OAPIF:${server.url}/ogc`;
const featureCount = async (layer: string) =>
  Number(/Feature Count: (\d+)/.exec(await ogr('ogrinfo', '-ro', '-so', oapif(), layer))?.[1]);

describe('GDAL OAPIF reads /ogc', () => {
  it('lists sites, tailings and receptors, with the register counts', async () => {
    const list = await ogr('ogrinfo', '-ro', oapif());
    expect(list).toMatch(/using driver `OAPIF' successful/);
    expect(list).toMatch(/sites \(title: Hazardous sites\) \(Point\)/);
    expect(list).toMatch(/tailings \(title: Tailings management facilities\) \(Point\)/);
    expect(list).toMatch(/receptors \(title: Receptors\)/);
    expect(list).toMatch(/catchments \(title: Basin catchments\)/);
    // The seed register: 71 sites, 27 of them TMFs (README, data/seed/sites.json).
    expect(counts).toEqual({ sites: 71, tmf: 27 });
    expect(await featureCount('sites')).toBe(71);
    expect(await featureCount('tailings')).toBe(27);
  });

  it('gives flat typed attributes named as in the API (styleable in QGIS)', async () => {
    const schema = await ogr('ogrinfo', '-ro', '-so', oapif(), 'sites');
    for (const f of [
      'countryIso3: String',
      'basinName: String',
      'river: String',
      'wri: Real',
      'annexIHazardous: Integer\\(Boolean\\)',
    ]) {
      expect(schema).toMatch(new RegExp(`\\n${f} `));
    }
    // HIP Azotara Pančevo (Serbia) drains to the Danube (data/seed/sites.json; README planning example).
    const row = await ogr('ogrinfo', '-ro', '-q', oapif(), 'sites', '-where', "name = 'HIP Azotara Pančevo'");
    expect(row).toMatch(/countryIso3 \(String\) = SRB/);
    expect(row).toMatch(/basinName \(String\) = Danube/);
    expect(row).toMatch(/POINT \(20\.7 44\.82\)/);
  });

  it('serves the basin catchments as polygons, the same areas as /api/basins/catchments', async () => {
    const api = (await (await fetch(`${server.url}/api/basins/catchments`)).json()) as {
      features: Array<{ properties: { role?: string; name?: string } }>;
    };
    const areas = api.features.filter((f) => f.properties.role !== 'label');
    expect(await featureCount('catchments')).toBe(areas.length);
    const danube = await ogr(
      'ogrinfo',
      '-ro',
      '-q',
      '-geom=SUMMARY',
      oapif(),
      'catchments',
      '-where',
      "name = 'Danube'",
    );
    expect(danube).toMatch(/POLYGON|MULTIPOLYGON/);
  });

  it('pages through every item (ogr2ogr follows next links) and filters by bbox', async () => {
    const all = JSON.parse(
      await ogr('ogr2ogr', '-f', 'GeoJSON', '/vsistdout/', oapif(), 'sites', '-oo', 'PAGE_SIZE=10'),
    ) as {
      features: unknown[];
    };
    expect(all.features).toHaveLength(71);
    // Romania's bounding box (20.26–29.76 E, 43.62–48.27 N): the same sites as the API's bbox filter.
    const api = server.services.db
      .prepare('SELECT COUNT(*) FROM sites WHERE lon BETWEEN 20.26 AND 29.76 AND lat BETWEEN 43.62 AND 48.27')
      .pluck()
      .get() as number;
    const ro = JSON.parse(
      await ogr(
        'ogr2ogr',
        '-f',
        'GeoJSON',
        '/vsistdout/',
        oapif(),
        'sites',
        '-spat',
        '20.26',
        '43.62',
        '29.76',
        '48.27',
      ),
    ) as { features: unknown[] };
    expect(ro.features.length).toBe(api);
    expect(api).toBeGreaterThan(5);
  });
});

describe('/ogc JSON and HTML', () => {
  const get = (p: string, accept = 'application/json') =>
    fetch(`${server.url}/ogc${p}`, { headers: { accept } });

  it('declares its conformance classes and an OpenAPI 3.0 description', async () => {
    const c = (await (await get('/conformance')).json()) as { conformsTo: string[] };
    expect(c.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
    expect(c.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs');
    const api = (await (await get('/api')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(api.openapi).toMatch(/^3\.0/);
    expect(Object.keys(api.paths)).toContain('/collections/{collectionId}/items');
  });

  it('pages with limit/offset and next links; numberMatched is the total', async () => {
    const res = await get('/collections/sites/items?limit=30');
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const page = (await res.json()) as {
      numberMatched: number;
      numberReturned: number;
      links: Array<{ rel: string; href: string }>;
    };
    expect(page).toMatchObject({ numberMatched: 71, numberReturned: 30 });
    const next = page.links.find((l) => l.rel === 'next');
    expect(next?.href).toMatch(/offset=30/);
    const last = (await (await fetch(String(next?.href).replace('offset=30', 'offset=60'))).json()) as {
      numberReturned: number;
      links: Array<{ rel: string }>;
    };
    expect(last.numberReturned).toBe(11);
    expect(last.links.some((l) => l.rel === 'next')).toBe(false);
  });

  it('answers in another CRS by reference (Stereo70) and reads bbox in one (bbox-crs)', async () => {
    const uri = 'http://www.opengis.net/def/crs/EPSG/0/3844';
    const res = await get(`/collections/sites/items?limit=100&crs=${encodeURIComponent(uri)}`);
    expect(res.headers.get('content-crs')).toBe(`<${uri}>`);
    const fc = (await res.json()) as { features: Array<{ id: string; geometry: { coordinates: number[] } }> };
    const wgs = (await (await get('/collections/sites/items?limit=100')).json()) as typeof fc;
    const a = fc.features[0];
    const b = wgs.features.find((f) => f.id === a?.id);
    const [lon, lat] = toWgs84('EPSG:3844', a?.geometry.coordinates[0] ?? 0, a?.geometry.coordinates[1] ?? 0);
    expect(lon).toBeCloseTo(b?.geometry.coordinates[0] ?? Number.NaN, 6);
    expect(lat).toBeCloseTo(b?.geometry.coordinates[1] ?? Number.NaN, 6);
    const bad = await get('/collections/sites/items?crs=EPSG:99999');
    expect(bad.status).toBe(400);
    // A 2 km box in Stereo70 around the first site finds it (and the CRS84 answer has it too).
    const [x = 0, y = 0] = a?.geometry.coordinates ?? [];
    const box = `${x - 1000},${y - 1000},${x + 1000},${y + 1000}`;
    const near = (await (
      await get(`/collections/sites/items?bbox=${box}&bbox-crs=${encodeURIComponent(uri)}&limit=100`)
    ).json()) as typeof fc;
    expect(near.features.map((f) => f.id)).toContain(a?.id);
    expect(near.features.length).toBeLessThan(71);
  });

  it('serves HTML with f=html, and 404s (not the web app) for unknown /ogc paths', async () => {
    const h = await get('/collections/sites/items?f=html&limit=5', 'text/html');
    expect(h.headers.get('content-type')).toMatch(/text\/html/);
    expect(await h.text()).toMatch(/Hazardous sites: 1–5 of 71/);
    const missing = await get('/collections/nothing/items');
    expect(missing.status).toBe(404);
    const unknown = await get('/whatever');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});

describe('/ogc links', () => {
  // Links are absolute (GDAL follows them) but never built from the Host header: a forged Host would
  // hand other visitors or a shared cache links to anywhere.
  const hrefs = (body: unknown): string[] =>
    ((body as { links: { href: string }[] }).links ?? []).map((l) => l.href);

  it('ignores a forged Host header and points at the address the client reached', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.url}/ogc/collections`, { headers: { host: 'evil.example' } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve(text));
      });
      req.on('error', reject).end();
    });
    const links = hrefs(JSON.parse(body));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href.startsWith(`${server.url}/ogc`)).toBe(true);
    expect(body).not.toContain('evil.example');
  });

  it('uses HAZATLAS_PUBLIC_URL when the deployment configures one', async () => {
    const configured = await listenApp(server.services, { publicUrl: 'https://hazatlas.example.org' });
    try {
      const res = await fetch(`${configured.url}/ogc/collections/sites/items?limit=1`);
      const links = hrefs(await res.json());
      expect(
        links.some((h) => h.startsWith('https://hazatlas.example.org/ogc/collections/sites/items')),
      ).toBe(true);
      for (const href of links) expect(href.startsWith('https://hazatlas.example.org/ogc')).toBe(true);
    } finally {
      await configured.close();
    }
  });
});
