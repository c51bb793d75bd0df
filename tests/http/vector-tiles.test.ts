// Vector tiles for other clients: TileJSON for the basemap and the sites, the sites as tiles read by
// GDAL's MVT driver (Debian gdal-bin, as QGIS reads them), ETag revalidation when the register changes,
// the read rule, and style.json for QGIS (absolute URLs only from HAZATLAS_PUBLIC_URL).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TILE_LAYERS } from '../../server/basemap/tile-source.js';
import { BASEMAP_LAYERS, SITES_LAYER } from '../../server/core/tiles/vector-layers.js';
import { openDb } from '../../server/storage/db.js';
import { deleteSite } from '../../server/storage/site-store.js';
import { kalush } from '../fixtures/site-bodies.js';
import { type AppServer, listenApp } from '../support/app-server.js';
import { authHeaders } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

const PUBLIC = 'https://hazatlas.example.org';
let server: RunningServer & { editorToken: string };
let configured: AppServer;
let closed: AppServer;
let dbPath: string;
let tmp: string;

beforeAll(async () => {
  dbPath = copyOfBuiltDb();
  server = await startServer(dbPath, { editorToken: true });
  configured = await listenApp(server.services, { publicUrl: PUBLIC });
  closed = await listenApp(server.services, { anonymousRead: false });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-mvt-'));
}, 60_000);
afterAll(async () => {
  await configured?.close();
  await closed?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// Asynchronous: the server answering GDAL runs in this process, so a synchronous child would deadlock.
const run = promisify(execFile);
const ogr = async (cmd: string, ...args: string[]) =>
  (await run(cmd, args, { encoding: 'utf8', maxBuffer: 64e6 })).stdout;

/** The XYZ tile holding a point (Web Mercator, as in the slippy-map convention). */
function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

/** The lon/lat box of a tile. */
function tileBox(t: { z: number; x: number; y: number }) {
  const n = 2 ** t.z;
  const lon = (x: number) => (x / n) * 360 - 180;
  const lat = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return { west: lon(t.x), south: lat(t.y + 1), east: lon(t.x + 1), north: lat(t.y) };
}

interface GeoJson {
  features: { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[];
}

/** Downloads a tile to <tmp>/<name>/z/x/y.pbf, where GDAL reads its georeferencing from the path. */
async function download(url: string, name: string, t: { z: number; x: number; y: number }) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const file = path.join(tmp, name, String(t.z), String(t.x), `${t.y}.pbf`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

// HIP Azotara Pančevo (Serbia) on the Danube at 20.7 E, 44.82 N (data/seed/sites.json; README planning example).
const PANCEVO = { lon: 20.7, lat: 44.82 };

describe('TileJSON', () => {
  it('describes the basemap: every layer the tiles carry, with its fields, zooms and bounds', async () => {
    const res = await fetch(`${server.url}/api/tiles/basemap.json`);
    expect(res.status).toBe(200);
    const tj = (await res.json()) as {
      tilejson: string;
      tiles: string[];
      minzoom: number;
      maxzoom: number;
      bounds: number[];
      attribution: string;
      vector_layers: { id: string; fields: Record<string, string> }[];
    };
    expect(tj.tilejson).toBe('3.0.0');
    // Root-relative without HAZATLAS_PUBLIC_URL; beside the TileJSON, where GDAL looks for it.
    expect(tj.tiles).toEqual(['/api/tiles/basemap/{z}/{x}/{y}.pbf']);
    expect([tj.minzoom, tj.maxzoom]).toEqual([0, 10]);
    expect(tj.bounds).toEqual([-180, -85.0511, 180, 85.0511]);
    expect(tj.attribution).toBe('Natural Earth');
    expect(tj.vector_layers.map((l) => l.id)).toEqual([...TILE_LAYERS]);
    expect(tj.vector_layers.find((l) => l.id === 'rivers')?.fields).toMatchObject({
      name: 'String',
      scalerank: 'Number',
    });
  });

  it('describes the sites: bounds around every site, the count, and the fields typed as in GET /api/sites', async () => {
    const tj = (await (await fetch(`${server.url}/api/tiles/sites.json`)).json()) as {
      tilejson: string;
      tiles: string[];
      maxzoom: number;
      bounds: [number, number, number, number];
      vector_layers: { id: string; fields: Record<string, string> }[];
      tilestats: { layers: { layer: string; count: number; geometry: string }[] };
    };
    expect(tj.tilejson).toBe('3.0.0');
    expect(tj.tiles).toEqual(['/api/tiles/sites/{z}/{x}/{y}.pbf']);
    expect(tj.maxzoom).toBe(14);
    // The seed register: 71 sites (README, data/seed/sites.json).
    expect(tj.tilestats.layers[0]).toMatchObject({ layer: 'sites', count: 71, geometry: 'Point' });
    const api = (await (await fetch(`${server.url}/api/sites?limit=1000`)).json()) as {
      items: Record<string, unknown>[] & { location: { lon: number; lat: number } }[];
    };
    const [w, s, e, n] = tj.bounds;
    for (const site of api.items) {
      expect(site.location.lon).toBeGreaterThan(w);
      expect(site.location.lon).toBeLessThan(e);
      expect(site.location.lat).toBeGreaterThan(s);
      expect(site.location.lat).toBeLessThan(n);
    }
    // Every list field but the location (the geometry) is a tile field, and nothing else is.
    const listFields = Object.keys(api.items[0] ?? {}).filter((k) => k !== 'location');
    expect(Object.keys(tj.vector_layers[0]?.fields ?? {}).sort()).toEqual(listFields.sort());
  });

  it('gives absolute tile URLs only from the configured public URL, never from the Host header', async () => {
    const tj = (await (
      await fetch(`${configured.api}/tiles/sites.json`, {
        headers: { 'x-forwarded-host': 'evil.example.com' },
      })
    ).json()) as { tiles: string[] };
    expect(tj.tiles).toEqual([`${PUBLIC}/api/tiles/sites/{z}/{x}/{y}.pbf`]);
    const refused = await fetch(`${server.url}/api/tiles/basemap.json?absolute=1`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /HAZATLAS_PUBLIC_URL/,
    );
    expect((await fetch(`${server.url}/api/tiles/sites.json?absolute=yes`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/tiles/sites.json?z=1`)).status).toBe(400);
  });
});

describe('site tiles read by GDAL', () => {
  it('a downloaded tile around Pančevo holds the same sites and attributes as the API', async () => {
    const t = tileOf(PANCEVO.lon, PANCEVO.lat, 8);
    const file = await download(`${server.url}/api/tiles/sites/${t.z}/${t.x}/${t.y}.pbf`, 'one', t);
    const info = await ogr('ogrinfo', '-ro', '-so', file, 'sites');
    expect(info).toMatch(/using driver `MVT' successful/);
    expect(info).toMatch(/Geometry: Point/);
    for (const f of ['countryIso3: String', 'wri: Real', 'annexIHazardous: Integer\\(Boolean\\)']) {
      expect(info).toMatch(new RegExp(`\\n${f} `));
    }
    const tile = JSON.parse(
      await ogr('ogr2ogr', '-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '/vsistdout/', file, 'sites'),
    ) as GeoJson;
    const b = tileBox(t);
    const api = (await (
      await fetch(`${server.url}/api/sites?limit=1000&bbox=${b.west},${b.south},${b.east},${b.north}`)
    ).json()) as { items: (Record<string, unknown> & { location: { lon: number; lat: number } })[] };
    expect(api.items.length).toBeGreaterThan(0);
    expect(tile.features.map((f) => f.properties.name).sort()).toEqual(api.items.map((s) => s.name).sort());
    const azotara = tile.features.find((f) => f.properties.name === 'HIP Azotara Pančevo');
    const fromApi = api.items.find((s) => s.name === 'HIP Azotara Pančevo');
    expect(azotara?.properties).toMatchObject({
      id: fromApi?.id,
      kind: 'hazardous_activity',
      countryIso3: 'SRB',
      basinName: 'Danube',
      river: fromApi?.river,
      wri: fromApi?.wri,
      annexIHazardous: fromApi?.annexIHazardous,
      version: fromApi?.version,
    });
    // A z8 tile has 4096 units across 1.4°: positions within 0.001°.
    const [lon, lat] = azotara?.geometry.coordinates ?? [0, 0];
    expect(Math.abs(lon - PANCEVO.lon)).toBeLessThan(0.001);
    expect(Math.abs(lat - PANCEVO.lat)).toBeLessThan(0.001);
  });

  it('MVT:…/api/tiles/sites/<z> finds the TileJSON beside it and reads the whole register once', async () => {
    const url = `MVT:${server.url}/api/tiles/sites/6`;
    const schema = await ogr('ogrinfo', '-ro', '-so', url, 'sites');
    // Types come from the TileJSON's vector_layers (absent fields in a tile are still declared).
    expect(schema).toMatch(/\nthiClass: String /);
    expect(schema).toMatch(/\nannexIHazardous: Integer\(Boolean\) /);
    const all = JSON.parse(await ogr('ogr2ogr', '-f', 'GeoJSON', '/vsistdout/', url, 'sites')) as GeoJson;
    expect(all.features).toHaveLength(71);
    expect(new Set(all.features.map((f) => f.properties.id)).size).toBe(71);
    // TMFs included: 27 of the 71 (data/seed/sites.json).
    expect(all.features.filter((f) => f.properties.kind === 'tmf')).toHaveLength(27);
  });

  it('the basemap tiles carry only the layers and fields their TileJSON declares', async () => {
    const t = tileOf(PANCEVO.lon, PANCEVO.lat, 6);
    const app = await fetch(`${server.url}/api/tiles/${t.z}/${t.x}/${t.y}.pbf`);
    const file = await download(`${server.url}/api/tiles/basemap/${t.z}/${t.x}/${t.y}.pbf`, 'base', t);
    // The alias beside the TileJSON serves the app's tile, byte for byte.
    expect(Buffer.from(await app.arrayBuffer()).equals(gunzipOrSame(fs.readFileSync(file)))).toBe(true);
    // One ogrinfo for every layer's schema: "Layer name: x" sections with "field: Type (w.p)" lines.
    const sections = (await ogr('ogrinfo', '-ro', '-so', '-al', file)).split('\nLayer name: ').slice(1);
    const names = sections.map((sec) => sec.split('\n')[0] ?? '');
    // Serbia at z6: countries, borders, rivers (the Danube) at least.
    expect(names).toEqual(expect.arrayContaining(['countries', 'boundaries', 'rivers']));
    for (const sec of sections) {
      const name = sec.split('\n')[0] ?? '';
      const declared = BASEMAP_LAYERS.find((l) => l.id === name);
      expect(declared, name).toBeDefined();
      const fields = [...sec.matchAll(/\n(\w+): (?:String|Integer|Integer64|Real)\b/g)]
        .map((m) => m[1])
        .filter((f) => f !== 'mvt_id');
      expect(fields.length, name).toBeGreaterThan(0);
      for (const f of fields) expect(Object.keys(declared?.fields ?? {}), `${name}.${f}`).toContain(f);
    }
  });
});

/**
 * A conditional GET as QGIS or a browser cache sends it. Not fetch(): a request with If-None-Match makes
 * fetch add "Cache-Control: no-cache", which (rightly) forbids a 304.
 */
function revalidate(url: string, etag: string): Promise<{ status: number; etag: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'if-none-match': etag } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            etag: String(res.headers.etag ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

/** fetch() undoes the gzip Content-Encoding; the file written from it is plain too. */
const gunzipOrSame = (b: Buffer) => (b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b);

describe('site tiles: caching and the read rule', () => {
  it('revalidates with an ETag that changes when the register does, from this server or another process', async () => {
    // The fixture's Kalush chemical plant (Ukraine, 24.37 E, 49.03 N) joins the seed's Kalush potash tailings.
    const t = tileOf(kalush.location.lon, kalush.location.lat, 9);
    const url = `${server.url}/api/tiles/sites/${t.z}/${t.x}/${t.y}.pbf`;
    const first = await fetch(url);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect((await revalidate(url, etag)).status).toBe(304);
    // A login or any other write that leaves the sites alone keeps the ETag.
    await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
    });
    expect((await revalidate(url, etag)).status).toBe(304);

    const created = await fetch(`${server.url}/api/sites`, {
      method: 'POST',
      headers: { ...authHeaders(server.editorToken), 'content-type': 'application/json' },
      body: JSON.stringify(kalush),
    });
    expect(created.status).toBe(201);
    const site = (await created.json()) as { id: string; version: number };
    const after = await revalidate(url, etag);
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(etag);
    // Sent without Accept-Encoding: the plain tile.
    const file = path.join(tmp, 'kalush', String(t.z), String(t.x), `${t.y}.pbf`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, after.body);
    expect(await ogr('ogrinfo', '-ro', '-q', file, 'sites')).toContain(`name (String) = ${kalush.name}`);

    // Deleted from another connection (the CLI, the jobs worker): the next request sees it.
    const other = openDb(dbPath);
    try {
      expect(deleteSite(other, site.id, site.version).ok).toBe(true);
    } finally {
      other.close();
    }
    const gone = await revalidate(url, after.etag);
    expect(gone.status).toBe(200);
    expect(gone.etag).toBe(etag);
  });

  it('follows HAZATLAS_ANONYMOUS_READ: a token is needed when it is off, and caches stay private', async () => {
    const t = tileOf(PANCEVO.lon, PANCEVO.lat, 8);
    const url = `${closed.api}/tiles/sites/${t.z}/${t.x}/${t.y}.pbf`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect((await fetch(`${closed.api}/tiles/sites.json`)).status).toBe(401);
    const reader = await fetch(url, { headers: authHeaders(server.editorToken) });
    expect(reader.status).toBe(200);
    expect(reader.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('refuses tiles that do not exist and zooms beyond the TileJSON maxzoom', async () => {
    expect((await fetch(`${server.url}/api/tiles/sites/3/8/1.pbf`)).status).toBe(400);
    const deep = await fetch(`${server.url}/api/tiles/sites/15/0/0.pbf`);
    expect(deep.status).toBe(404);
    expect(((await deep.json()) as { error: { message: string } }).error.message).toMatch(/zoom 14/);
    // An empty tile still names the layer: GDAL opens it with no features.
    const t = { z: 4, x: 0, y: 0 }; // the North Pacific: no registered site.
    const file = await download(`${server.url}/api/tiles/sites/4/0/0.pbf`, 'empty', t);
    expect(await ogr('ogrinfo', '-ro', '-so', file, 'sites')).toMatch(/Feature Count: 0/);
  });
});

describe('style.json for QGIS and other clients', () => {
  interface Style {
    glyphs: string;
    sources: Record<string, { tiles: string[] }>;
    layers: {
      id: string;
      type: string;
      source?: string;
      'source-layer'?: string;
      layout?: Record<string, unknown>;
    }[];
  }
  const style = async (query: string, base = configured.api) => {
    const res = await fetch(`${base}/style.json${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Style;
  };

  it('absolute=1: the basemap and the sites with absolute URLs from HAZATLAS_PUBLIC_URL, valid for MapLibre', async () => {
    const s = await style('?absolute=1');
    expect(validateStyleMin(s as never)).toEqual([]);
    expect(s.glyphs).toBe(`${PUBLIC}/api/glyphs/{fontstack}/{range}.pbf`);
    expect(s.sources.basemap?.tiles).toEqual([`${PUBLIC}/api/tiles/basemap/{z}/{x}/{y}.pbf`]);
    expect(s.sources.sites?.tiles).toEqual([`${PUBLIC}/api/tiles/sites/{z}/{x}/{y}.pbf`]);
    expect(s.layers.map((l) => l.id)).toEqual(expect.arrayContaining(['hazatlas-sites', 'countries-fill']));
  });

  it('references only sources and source layers that exist, and fonts the glyph route serves', async () => {
    const s = await style('?absolute=1');
    const declared: Record<string, string[]> = {
      basemap: BASEMAP_LAYERS.map((l) => l.id),
      sites: [SITES_LAYER.id],
    };
    const fonts = new Set<string>();
    for (const l of s.layers) {
      if (l.type === 'background') continue;
      expect(Object.keys(s.sources), l.id).toContain(l.source);
      expect(declared[l.source ?? ''], l.id).toContain(l['source-layer']);
      for (const f of (l.layout?.['text-font'] as string[] | undefined) ?? []) fonts.add(f);
    }
    expect(fonts.size).toBeGreaterThan(0);
    for (const font of fonts) {
      // One font per request: the route would otherwise fall back to another stack of the list.
      const res = await fetch(`${server.url}/api/glyphs/${encodeURIComponent(font)}/0-255.pbf`);
      expect(res.status, font).toBe(200);
    }
  });

  it('source=sites: the sites alone and no background, for a QGIS sites connection over the basemap', async () => {
    const s = await style('?absolute=1&source=sites');
    expect(validateStyleMin(s as never)).toEqual([]);
    expect(Object.keys(s.sources)).toEqual(['sites']);
    expect(s.layers.every((l) => l.source === 'sites' && l['source-layer'] === 'sites')).toBe(true);
  });

  it('without a public URL, absolute=1 is refused with how to configure one; the app style is unchanged', async () => {
    const res = await fetch(`${server.url}/api/style.json?absolute=1`);
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NO_PUBLIC_URL');
    expect(body.error.message).toMatch(/HAZATLAS_PUBLIC_URL/);
    const app = await style('', server.url.concat('/api'));
    expect(Object.keys(app.sources)).toEqual(['basemap']);
    expect(app.sources.basemap?.tiles).toEqual(['/api/tiles/{z}/{x}/{y}.pbf']);
    expect((await fetch(`${server.url}/api/style.json?source=everything`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/style.json?absolute=2`)).status).toBe(400);
  });
});
