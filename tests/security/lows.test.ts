// The lows of the second security probe on the real server: report pages styled under the CSP (style
// hashes), style.json never copying the Host header, no-store on private answers, invalid UTF-8
// refused with 400 (JSON bodies, import files, query strings).
import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { json, kalush } from '../fixtures/site-bodies.js';
import { type AppServer, listenApp } from '../support/app-server.js';
import { authHeaders, createToken } from '../support/auth.js';

let env: RegisterEnv;
let app: AppServer;
let configured: AppServer;
let admin: Record<string, string>;
let siteId = '';

beforeAll(async () => {
  env = await openRegisterEnv();
  app = await listenApp(env.services);
  configured = await listenApp(env.services, { publicUrl: 'https://hazatlas.example.org' });
  admin = authHeaders(createToken(env.dbPath, 'admin'));
  const res = await fetch(`${app.api}/sites`, {
    method: 'POST',
    headers: { ...env.auth, 'content-type': 'application/json' },
    body: JSON.stringify(kalush),
  });
  siteId = String((await json(res)).id);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await configured?.close();
  await env?.close();
});

/** A raw request, so the Host header can be anything (fetch would not send a forged one). */
function raw(url: string, headers: Record<string, string>, body?: Buffer, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>(
    (resolve, reject) => {
      const req = http.request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('report pages under the CSP', () => {
  it("allow exactly the report's own <style> block by its hash", async () => {
    // Kalush (Ukraine) drains to the Dniester: the report has a trace table and print CSS.
    for (const p of [
      `/sites/${siteId}/report`,
      `/sites/${siteId}/notifications?format=html&releaseKg=1000`,
    ]) {
      const res = await fetch(`${app.api}${p}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
      expect(css.length).toBeGreaterThan(100);
      const hash = createHash('sha256').update(css).digest('base64');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(new RegExp(`style-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'`));
      expect(csp).toMatch(/script-src 'self'(;|$)/);
    }
    // Other answers keep the strict policy.
    expect((await fetch(`${app.api}/basins`)).headers.get('content-security-policy')).toMatch(
      /style-src 'self';/,
    );
  });
});

describe('style.json', () => {
  it('never copies the Host header: root-relative URLs, or the configured public URL', async () => {
    const forged = await raw(`${app.url}/api/style.json`, { host: 'evil.example.com' });
    expect(forged.status).toBe(200);
    expect(forged.text).not.toContain('evil.example.com');
    const style = JSON.parse(forged.text) as { glyphs: string; sources: { basemap: { tiles: string[] } } };
    expect(style.glyphs).toBe('/api/glyphs/{fontstack}/{range}.pbf');
    expect(style.sources.basemap.tiles).toEqual(['/api/tiles/{z}/{x}/{y}.pbf']);
    const set = (await (await fetch(`${configured.api}/style.json`)).json()) as { glyphs: string };
    expect(set.glyphs).toBe('https://hazatlas.example.org/api/glyphs/{fontstack}/{range}.pbf');
  });
});

describe('Cache-Control: no-store on private answers', () => {
  it('users, tokens, audit, auth and history', async () => {
    for (const [p, headers] of [
      ['/users', admin],
      ['/tokens', admin],
      ['/audit', admin],
      ['/auth/me', {}],
      [`/sites/${siteId}/history`, env.auth],
    ] as const) {
      const res = await fetch(`${app.api}${p}`, { headers });
      expect(res.status, p).toBe(200);
      expect(res.headers.get('cache-control'), p).toBe('no-store');
    }
    // Public data stays cacheable.
    expect((await fetch(`${app.api}/sites/${siteId}`)).headers.get('cache-control')).not.toBe('no-store');
  });
});

describe('invalid UTF-8', () => {
  const latin1 = Buffer.from('{"name":"K\xe4lusz","kind":"industrial"}', 'latin1');

  it('a JSON body that is not UTF-8 is a 400 saying so, and nothing is written', async () => {
    const before = env.services.db.prepare('SELECT COUNT(*) FROM sites').pluck().get();
    const res = await raw(
      `${app.api}/sites`,
      { ...env.auth, 'content-type': 'application/json', 'content-length': String(latin1.length) },
      latin1,
      'POST',
    );
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ error: { code: 'INVALID_UTF8' } });
    expect(env.services.db.prepare('SELECT COUNT(*) FROM sites').pluck().get()).toBe(before);
  });

  it('an import file declared UTF-8 that is not is a 400; undeclared, its Windows code page is read', async () => {
    // "Würzburg" with ü as the single byte 0xFC: Latin-1 and cp1250 agree on it, UTF-8 never has it alone.
    const csv = Buffer.from('name,lon,lat,kind\nW\xfcrzburg intake,9.93,49.79,water_intake\n', 'latin1');
    const post = (query: string) =>
      fetch(`${app.api}/receptors/import?format=csv&dryRun=true${query}`, {
        method: 'POST',
        headers: { ...env.auth, 'content-type': 'text/csv' },
        body: csv,
      });
    const declared = await post('&encoding=utf-8');
    expect(declared.status).toBe(400);
    expect(((await declared.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'INVALID_UTF8',
      message: expect.stringMatching(/save it as UTF-8/),
    });
    // Not replaced with U+FFFD: decoded as the code page it is in (issue 11: cp1250 files from Excel).
    const guessed = await post('');
    expect(guessed.status).toBe(200);
    expect(JSON.stringify(await guessed.json())).not.toContain('\ufffd');
  });

  it('a query string with a non-UTF-8 escape is a 400, a UTF-8 one works', async () => {
    const bad = await fetch(`${app.api}/sites?q=%E4lusz`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_UTF8');
    expect((await fetch(`${app.api}/sites?q=${encodeURIComponent('Калуш')}`)).status).toBe(200);
  });
});
