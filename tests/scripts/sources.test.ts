// The data pipeline's source reader: local directories, base URLs with a cache, clear errors.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLayer, SourceError } from '../../scripts/sources.js';

const fc = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { NAME: 'Donau', ScaleRank: 2 },
      geometry: { type: 'Point', coordinates: [16, 48] },
    },
    { type: 'Feature', properties: {}, geometry: null },
  ],
};
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-src-'));

describe('readLayer from a directory', () => {
  it.each([
    ['layer.geojson', (s: string) => Buffer.from(s)],
    ['layer.geojson.gz', (s: string) => zlib.gzipSync(s)],
    ['layer.json', (s: string) => Buffer.from(s)],
  ])('reads %s with lower-cased property names and skips null geometries', async (file, encode) => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, file), encode(JSON.stringify(fc)));
    const layer = await readLayer({ location: dir, cacheDir: tmp() }, 'layer');
    expect(layer.features).toHaveLength(1);
    expect(layer.features[0]!.props).toEqual({ name: 'Donau', scalerank: 2 });
    expect(layer.origin).toBe(path.join(dir, file));
  });

  it('names the missing file and what to do', async () => {
    const dir = tmp();
    await expect(readLayer({ location: dir, cacheDir: tmp() }, 'ne_10m_rivers_europe')).rejects.toThrow(
      /Missing source layer ne_10m_rivers_europe .*ne_10m_rivers_europe\.geojson\.gz.*HAZATLAS_SOURCES/,
    );
  });

  it('names a corrupt file', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'bad.geojson.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
    fs.writeFileSync(path.join(dir, 'text.geojson'), '{"type": "FeatureCollection", "features": [');
    await expect(readLayer({ location: dir, cacheDir: tmp() }, 'bad')).rejects.toThrow(
      /bad\.geojson\.gz: cannot decompress/,
    );
    await expect(readLayer({ location: dir, cacheDir: tmp() }, 'text')).rejects.toThrow(
      /text\.geojson: not valid JSON/,
    );
    await expect(readLayer({ location: dir, cacheDir: tmp() }, 'text')).rejects.toBeInstanceOf(SourceError);
  });

  it('refuses a directory that does not exist', async () => {
    await expect(readLayer({ location: '/nonexistent/ne', cacheDir: tmp() }, 'x')).rejects.toThrow(
      /does not exist.*HAZATLAS_SOURCES/,
    );
  });
});

describe('readLayer from a base URL', () => {
  let server: http.Server;
  let base: string;
  let requests: string[];
  beforeAll(async () => {
    requests = [];
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === '/ne/layer.geojson') res.end(JSON.stringify(fc));
      else res.writeHead(404).end();
    });
    server.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ne`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('tries the extensions in turn, then serves the cached copy without asking again', async () => {
    const cacheDir = tmp();
    const first = await readLayer({ location: base, cacheDir }, 'layer');
    expect(first.features).toHaveLength(1);
    expect(requests).toEqual(['/ne/layer.geojson.gz', '/ne/layer.geojson']);
    const again = await readLayer({ location: base, cacheDir }, 'layer');
    expect(again.origin).toBe(path.join(cacheDir, 'layer.geojson'));
    expect(requests).toHaveLength(2);
  });

  it('reports a layer the server does not have', async () => {
    await expect(readLayer({ location: base, cacheDir: tmp() }, 'missing')).rejects.toThrow(
      /Missing source layer missing: none of/,
    );
  });
});
