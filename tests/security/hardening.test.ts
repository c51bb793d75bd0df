// Hardened inputs over the real HTTP server: security headers and CSP, unknown query parameters refused on
// every route (enumerated from the router), body/upload limits, malformed JSON, footprints that cross
// themselves, control characters, and errors that never leak a stack trace.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/boot/app.js';
import { createLogger } from '../../server/log.js';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { json, kalush } from '../fixtures/site-bodies.js';
import { authHeaders, createToken } from '../support/auth.js';
import { fillPath, listApiRoutes } from '../support/routes.js';

let env: RegisterEnv;
let siteId = '';
/** Writes go in as an editor, so they reach the validation this suite is about (not the access check). */
let editor: Record<string, string> = {};
/** The route sweep calls admin routes too (users, settings); an admin may call every route. */
let admin: Record<string, string> = {};
beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  editor = authHeaders(createToken(env.dbPath, 'editor'));
  admin = authHeaders(createToken(env.dbPath, 'admin'));
  const res = await fetch(`${env.api}/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...editor },
    body: JSON.stringify(kalush),
  });
  siteId = String((await json(res)).id);
});
afterAll(async () => env?.close());

const fill = (p: string) =>
  fillPath(p, { id: siteId, z: '0', x: '0', y: '0', fontstack: 'DejaVu%20Sans%20Book', range: '0-255' });

describe('every API route refuses an unknown query parameter', () => {
  it('covers the routes the router declares', () => {
    const routes = listApiRoutes(createApp(env.services));
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(routes).toContainEqual({ method: 'GET', path: '/api/trace' });
    expect(routes).toContainEqual({ method: 'POST', path: '/api/sites/import' });
  });

  it('answers 400 with the parameter named, on each route, and writes nothing', async () => {
    const before = env.services.db.prepare('SELECT COUNT(*) FROM sites').pluck().get();
    const routes = listApiRoutes(createApp(env.services));
    const wrong: string[] = [];
    for (const r of routes) {
      const url = `${env.api.replace(/\/api$/, '')}${fill(r.path)}?bogusParam=1`;
      const hasBody = r.method !== 'GET' && r.method !== 'DELETE';
      const res = await fetch(url, {
        method: r.method,
        headers: { 'content-type': 'application/json', ...admin },
        body: hasBody ? JSON.stringify({ ...kalush, version: 1 }) : undefined,
      });
      const text = await res.text();
      // Refused with 400, and the parameter named in the message or in the per-field details.
      if (res.status !== 400 || !text.includes('bogusParam'))
        wrong.push(`${r.method} ${r.path} → ${res.status} ${text.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
    expect(env.services.db.prepare('SELECT COUNT(*) FROM sites').pluck().get()).toBe(before);
  });
});

describe('security headers', () => {
  it('sends a CSP that allows MapLibre workers and images and nothing foreign', async () => {
    const res = await fetch(`${env.api}/basins`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

const post = (path: string, body: string | Blob, type: string) =>
  fetch(`${env.api}${path}`, { method: 'POST', headers: { 'content-type': type, ...editor }, body });

describe('bodies', () => {
  it('malformed JSON is a 400 INVALID_JSON without internals', async () => {
    const res = await post('/sites', '{"name": "Kalush", ', 'application/json');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('INVALID_JSON');
    expect(text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  });

  it('a JSON body over 2 MB is a 413', async () => {
    const huge = JSON.stringify({ ...kalush, notes: 'x'.repeat(3 * 1024 * 1024) });
    const res = await post('/sites', huge, 'application/json');
    expect(res.status).toBe(413);
    expect((await json(res)).error?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an import over 20 MB is a 413 and a JSON import between 2 and 20 MB is read', async () => {
    const big = await post('/sites/import?format=csv', new Blob(['a'.repeat(21 * 1024 * 1024)]), 'text/csv');
    expect(big.status).toBe(413);
    // 3 MB of GeoJSON sent as application/json reaches the importer (not the 2 MB JSON limit).
    const fc = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [24.35, 49.03] },
          properties: { name: 'x'.repeat(3 * 1024 * 1024) },
        },
      ],
    });
    const res = await post('/sites/import?format=geojson&dryRun=true', fc, 'application/json');
    expect(res.status).toBe(200);
    expect((await json(res)).rejected).toBe(1);
  });

  it('a multipart upload in the wrong field is a 400, not a 500', async () => {
    const form = new FormData();
    form.append('upload', new Blob(['name,lon,lat\n']), 'sites.csv');
    const res = await fetch(`${env.api}/sites/import?format=csv`, {
      method: 'POST',
      body: form,
      headers: editor,
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error?.code).toBe('BAD_UPLOAD');
  });
});

describe('strings and geometry', () => {
  it('strips control characters and bidi overrides, trims and NFC-normalises', async () => {
    const res = await post(
      '/sites',
      JSON.stringify({ ...kalush, name: ' \u0007Kalush\u202E potash\u0000 ', locality: 'Kalus\u030C' }),
      'application/json',
    );
    expect(res.status).toBe(201);
    const site = await json(res);
    expect(site.name).toBe('Kalush potash');
    expect(site.locality).toBe('Kalu\u0161');
  });

  it('refuses a footprint that crosses itself, naming the crossing', async () => {
    const footprint = {
      type: 'Polygon',
      coordinates: [
        [
          [24.3, 49.0],
          [24.4, 49.1],
          [24.4, 49.0],
          [24.3, 49.1],
          [24.3, 49.0],
        ],
      ],
    };
    const res = await post('/sites', JSON.stringify({ ...kalush, footprint }), 'application/json');
    expect(res.status).toBe(400);
    const { error } = await json(res);
    const details = error?.details as { path: string; message: string }[];
    expect(details).toEqual([
      { path: 'footprint.coordinates', message: expect.stringContaining('[24.35, 49.05]') },
    ]);
  });
});

describe('unexpected failures', () => {
  it('answer 500 INTERNAL with a generic message when the database is gone', async () => {
    // The server's structured log gets the error with its stack; the client gets a generic message.
    const errors: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split('\n')) if (l.trim()) errors.push(JSON.parse(l));
        done();
      },
    });
    const other = await openRegisterEnv({
      http: true,
      app: { logger: createLogger({ level: 'error', destination: sink }) },
    });
    try {
      other.services.db.close();
      const res = await fetch(`${other.api}/sites`);
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'Internal server error.' } });
      expect(text).not.toMatch(/database|sqlite|at /i);
      expect(errors.filter((e) => e.msg === 'unexpected error')).toHaveLength(1);
    } finally {
      other.services.close = () => {};
      await other.close();
    }
  });
});
