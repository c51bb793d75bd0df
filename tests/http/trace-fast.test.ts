// The faster trace API: geometry=none|simplified|full (default full, unchanged), brotli/gzip answers,
// and the cache of recent answers keyed by snapped reach and offset plus the other parameters.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracePoint } from '../../server/app/trace.js';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(() => server.close());

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(`${server.url}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    },
  );
}
const json = async (path: string) => JSON.parse((await get(path)).body.toString()) as Trace;

interface Trace {
  snap: { distanceKm: number };
  lengthKm: number;
  path: { features: { properties: Record<string, unknown>; geometry: { coordinates: number[][] } | null }[] };
}
const VIENNA = '/api/trace?lon=16.37&lat=48.21';

describe('geometry=none|simplified|full', () => {
  it('default and full answer the same as the core trace', async () => {
    const core = tracePoint(server.services, { lon: 16.37, lat: 48.21 });
    expect(core.ok).toBe(true);
    const plain = await json(VIENNA);
    expect(plain).toEqual(JSON.parse(JSON.stringify(core.ok ? core.result : null)));
    expect(await json(`${VIENNA}&geometry=full`)).toEqual(plain);
  });

  it('none keeps every feature and figure but no coordinates; simplified keeps the ends with fewer vertices', async () => {
    const full = await json(VIENNA);
    const none = await json(`${VIENNA}&geometry=none`);
    const simple = await json(`${VIENNA}&geometry=simplified`);
    expect(none.lengthKm).toBe(full.lengthKm);
    expect(none.path.features.map((f) => f.properties)).toEqual(full.path.features.map((f) => f.properties));
    expect(none.path.features.every((f) => f.geometry === null)).toBe(true);
    const count = (t: Trace) =>
      t.path.features.reduce((n, f) => n + (f.geometry?.coordinates.length ?? 0), 0);
    // Vienna → Black Sea is ~1,860 km of Danube; simplification at 100 m drops most vertices.
    expect(count(simple)).toBeLessThan(count(full) / 2);
    const last = (t: Trace) => t.path.features[0]!.geometry!.coordinates.at(-1)!;
    expect(last(simple)[0]).toBeCloseTo(last(full)[0]!, 5);
    const bytes = async (p: string) => (await get(p)).body.length;
    expect(await bytes(`${VIENNA}&geometry=none`)).toBeLessThan((await bytes(VIENNA)) / 4);
  });

  it('refuses another value, saying which are allowed', async () => {
    const r = await get(`${VIENNA}&geometry=all`);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body.toString()).error.message).toMatch(/geometry must be none, simplified or full/);
  });
});

describe('compressed answers', () => {
  it('sends brotli or gzip when accepted, identical once decompressed; plain otherwise', async () => {
    const plain = await get(VIENNA);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(VIENNA, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    const gz = await get(VIENNA, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(plain.body.toString());
  });

  it('compresses other JSON answers too (the basin list)', async () => {
    const r = await get('/api/basins', { 'accept-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(Array.isArray(JSON.parse(gunzipSync(r.body).toString()).basins ?? [])).toBe(true);
  });
});

describe('the trace cache', () => {
  it('answers a repeat from the cache, and keeps apart what changes the answer', async () => {
    const a = await get('/api/trace?lon=23.53&lat=47.66');
    const again = await get('/api/trace?lon=23.53&lat=47.66');
    expect(again.body.equals(a.body)).toBe(true);
    const capped = await json('/api/trace?lon=23.53&lat=47.66&maxKm=100');
    expect(capped.lengthKm).toBe(100);
    const released = JSON.parse((await get('/api/trace?lon=23.53&lat=47.66&releaseKg=1000')).body.toString());
    expect(released.release.massKg).toBe(1000);
  });

  it('gives each point its own snap even when the answer comes from the cache', async () => {
    // Two points on either side of the Danube at Vienna snap to nearby spots; each keeps its distance.
    const core = (lon: number, lat: number) => {
      const r = tracePoint(server.services, { lon, lat });
      return JSON.parse(JSON.stringify(r.ok ? r.result : null)) as Trace;
    };
    for (const [lon, lat] of [
      [16.37, 48.21],
      [16.371, 48.2101],
      [16.37, 48.21],
    ] as const)
      expect(await json(`/api/trace?lon=${lon}&lat=${lat}`)).toEqual(core(lon, lat));
  });
});
