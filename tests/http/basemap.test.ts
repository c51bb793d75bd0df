// HAZATLAS_BASEMAP (issue 13, build item "detailed offline basemap"): a PMTiles archive generated here
// around the Pančevo industrial zone is checked at start-up, served tile by tile decoded from the
// archive, and drawn by the style at planning zooms; a bad archive stops start-up naming the variable.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveSummary } from '../../server/basemap/pmtiles-archive.js';
import { ConfigError, loadConfig } from '../../server/config.js';
import { AZOTARA, buildBasemapFixture } from '../support/basemap-fixture.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let fixture: { file: string; mvt: Map<string, Buffer> };
let summary: ArchiveSummary;
let server: RunningServer;

/** The z14 tile holding HIP Azotara Pančevo (20.70 E, 44.82 N). */
function azotaraTile(z: number): string {
  const n = 2 ** z;
  const r = (AZOTARA.lat * Math.PI) / 180;
  const x = Math.floor(((AZOTARA.lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}`;
}

beforeAll(async () => {
  const db = copyOfBuiltDb();
  fixture = buildBasemapFixture(db);
  const cfg = loadConfig({ HAZATLAS_BASEMAP: fixture.file });
  if (!cfg.basemap) throw new Error('no basemap');
  summary = cfg.basemap;
  server = await startServer(db, { app: { basemap: summary } });
});
afterAll(async () => {
  await server?.close();
});

describe('HAZATLAS_BASEMAP', () => {
  it('reads the archive header at start-up: OpenMapTiles vector tiles, zooms 10–14', () => {
    expect(summary.content).toEqual({ kind: 'vector', schema: 'openmaptiles' });
    expect([summary.minZoom, summary.maxZoom]).toEqual([10, 14]);
    expect(summary.attribution).toBe('HazAtlas test fixture');
  });

  it('stops start-up, naming the variable, for a missing file, a non-PMTiles file or an unknown schema', () => {
    const dir = path.dirname(fixture.file);
    expect(() => loadConfig({ HAZATLAS_BASEMAP: path.join(dir, 'none.pmtiles') })).toThrow(
      /HAZATLAS_BASEMAP.*no file/,
    );
    const text = path.join(dir, 'notes.pmtiles');
    fs.writeFileSync(text, 'not an archive, just some text that is longer than one header'.repeat(4));
    expect(() => loadConfig({ HAZATLAS_BASEMAP: text })).toThrow(ConfigError);
    expect(() => loadConfig({ HAZATLAS_BASEMAP: text })).toThrow(/HAZATLAS_BASEMAP.*not a PMTiles archive/);
    // Version 2 archives (a different layout) are refused, not misread.
    const v2 = path.join(dir, 'v2.pmtiles');
    const bytes = fs.readFileSync(fixture.file);
    bytes.writeUInt8(2, 7);
    fs.writeFileSync(v2, bytes);
    expect(() => loadConfig({ HAZATLAS_BASEMAP: v2 })).toThrow(/HAZATLAS_BASEMAP.*version 2/);
    // Unset or empty: Natural Earth only.
    expect(loadConfig({}).basemap).toBeNull();
    expect(loadConfig({ HAZATLAS_BASEMAP: ' ' }).basemap).toBeNull();
  });

  it('serves each tile decoded from the archive, gzipped on the wire, byte for byte the stored MVT', async () => {
    const key = azotaraTile(14);
    const stored = fixture.mvt.get(key);
    expect(stored).toBeDefined();
    const res = await fetch(`${server.url}/api/basemap/${key}`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-protobuf');
    // fetch undoes the Content-Encoding: what arrives is the archive's tile, uncompressed.
    expect(Buffer.from(await res.arrayBuffer()).equals(stored as Buffer)).toBe(true);
    // Without gzip in Accept-Encoding the same bytes come plain.
    const plain = await fetch(`${server.url}/api/basemap/${key}`, {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(stored as Buffer)).toBe(true);
    // A raw request sees the gzip framing (magic 1f 8b) the server added.
    const raw = await import('node:http');
    const body = await new Promise<Buffer>((resolve, reject) => {
      raw
        .get(`${server.url}/api/basemap/${key}`, { headers: { 'Accept-Encoding': 'gzip' } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve(Buffer.concat(chunks)));
        })
        .on('error', reject);
    });
    expect(body.subarray(0, 2).toString('hex')).toBe('1f8b');
    expect(gunzipSync(body).equals(stored as Buffer)).toBe(true);
  });

  it('answers an empty tile outside the extract and 400 for an impossible address', async () => {
    const outside = await fetch(`${server.url}/api/basemap/14/0/0`);
    expect(outside.status).toBe(200);
    expect((await outside.arrayBuffer()).byteLength).toBe(0);
    const bad = await fetch(`${server.url}/api/basemap/14/99999/1`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('BAD_TILE');
  });

  it('adds the archive to style.json: source with its zooms and attribution, layers from zoom 10', async () => {
    const style = (await (await fetch(`${server.url}/api/style.json`)).json()) as {
      sources: Record<string, { tiles?: string[]; minzoom?: number; maxzoom?: number; attribution?: string }>;
      layers: { id: string; source?: string; 'source-layer'?: string; minzoom?: number }[];
    };
    expect(style.sources.detail).toMatchObject({
      tiles: ['/api/basemap/{z}/{x}/{y}'],
      minzoom: 10,
      maxzoom: 14,
      attribution: 'HazAtlas test fixture',
    });
    // Natural Earth stays the base.
    expect(style.sources.basemap?.attribution).toBe('Natural Earth');
    const detail = style.layers.filter((l) => l.source === 'detail');
    expect(new Set(detail.map((l) => l['source-layer']))).toEqual(
      new Set([
        'landcover',
        'landuse',
        'park',
        'water',
        'waterway',
        'transportation',
        'building',
        'place',
        'transportation_name',
      ]),
    );
    expect(detail.every((l) => (l.minzoom ?? 0) >= 10)).toBe(true);
    // Land use and water under the Natural Earth lakes and rivers; roads and buildings under the borders.
    const at = (id: string) => style.layers.findIndex((l) => l.id === id);
    expect(at('detail-water')).toBeLessThan(at('lakes'));
    expect(at('detail-roads-major')).toBeLessThan(at('boundaries'));
    expect(at('detail-buildings')).toBeGreaterThan(at('rivers-major'));
  });

  it('answers 503 naming the archive when the file becomes unreadable, and serves again once it is back', async () => {
    const key = azotaraTile(13);
    const good = fs.readFileSync(fixture.file);
    fs.writeFileSync(fixture.file, good.subarray(0, 200)); // truncated (a copy in progress)
    const res = await fetch(`${server.url}/api/basemap/${key}`);
    expect(res.status).toBe(503);
    const err = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('BASEMAP_UNREADABLE');
    expect(err.message).toContain('pancevo.pmtiles');
    fs.writeFileSync(fixture.file, good);
    const again = await fetch(`${server.url}/api/basemap/${key}`);
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(fixture.mvt.get(key) as Buffer)).toBe(true);
  });
});

describe('without HAZATLAS_BASEMAP', () => {
  it('keeps the Natural Earth style alone and has no basemap route', async () => {
    const plain = await startServer(copyOfBuiltDb(), { app: { basemap: null } });
    try {
      const style = (await (await fetch(`${plain.url}/api/style.json`)).json()) as { sources: object };
      expect(Object.keys(style.sources)).toEqual(['basemap']);
      expect((await fetch(`${plain.url}/api/basemap/14/9134/5866`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
