// Fuzz over HTTP against the real server (in-process, copy of the real database): thousands of generated
// bad and odd requests to the trace, site and import endpoints. Never a 500, the server never dies, every
// 4xx has the error shape, and a rejected write changes nothing (row counts of every site table unchanged).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kalush } from '../fixtures/site-bodies.js';
import { copyOfBuiltDb, ROOT } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  anyJson,
  csvFile,
  geojsonFile,
  kmlFile,
  mutatedSite,
  oddNumberText,
  oddString,
} from './arbitraries.js';

const SEED = 6_2026;
let server: RunningServer;
let dbPath = '';
/** Headers that authenticate as an editor, once the access layer (tests/support/auth.ts) exists. */
let editor: Record<string, string> = {};
let authEnabled = false;
let siteId = '';
let requests = 0;
/** Answers by status, printed at the end to show the fuzz reached the handlers, not only the validators. */
const statuses = new Map<number, number>();

beforeAll(async () => {
  dbPath = copyOfBuiltDb();
  // Thousands of imports from one client: the per-client limit on heavy routes would answer most with
  // 429 before the parsers saw them (tests/security/heavy-work.test.ts covers that limit).
  server = await startServer(dbPath, { app: { heavyPerMinute: 100_000 } });
  const authHelper = path.join(ROOT, 'tests/support/auth.ts');
  if (fs.existsSync(authHelper)) {
    const mod = (await import(pathToFileURL(authHelper).href)) as {
      createToken(dbPath: string, role: string): string | Promise<string>;
    };
    editor = { authorization: `Bearer ${await mod.createToken(dbPath, 'editor')}` };
    authEnabled = true;
  }
  const res = await fetch(`${server.url}/api/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...editor },
    body: JSON.stringify({ ...kalush, name: 'Fuzz anchor site' }),
  });
  expect(res.status).toBe(201);
  siteId = String(((await res.json()) as { id: string }).id);
}, 60_000);

afterAll(async () => {
  const byStatus = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`);
  console.log(
    `http fuzz: ${requests} requests${authEnabled ? ' (writes authenticated as editor)' : ''}; ${byStatus.join(' ')}`,
  );
  await server?.close();
  fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
});

/** Every table a site write touches: the register, its index and children, and the audit trail. */
const TABLES = [
  'sites',
  'sites_rtree',
  'site_substances',
  'site_tmf',
  'site_derived',
  'site_history',
  'site_imports',
  'sites_deleted',
];
function counts(): Record<string, number> {
  const db = server.services.db;
  const present = new Set(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  return Object.fromEntries(
    TABLES.filter((t) => present.has(t)).map((t) => [
      t,
      db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number,
    ]),
  );
}

interface Answer {
  status: number;
  body: unknown;
}

/** Sends one request; asserts no 5xx and, for 4xx, the documented error shape. */
async function send(
  method: string,
  url: string,
  init: { body?: string; type?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  requests += 1;
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { ...(init.type ? { 'content-type': init.type } : {}), ...(init.headers ?? {}) },
    body: init.body,
  });
  const text = await res.text();
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  expect(res.status, `${method} ${url.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(
    500,
  );
  let body: unknown = null;
  if ((res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  // The import answers 422 with its report (every row error listed) rather than the error shape.
  const isImportReport = res.status === 422 && Array.isArray((body as { errors?: unknown } | null)?.errors);
  if (res.status >= 400 && !isImportReport) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    expect(typeof error?.code, `${method} ${url.slice(0, 200)}: ${text.slice(0, 200)}`).toBe('string');
    expect(typeof error?.message).toBe('string');
    expect(text).not.toMatch(/\n\s+at |node_modules/);
  }
  return { status: res.status, body };
}

/** A query string from known and unknown keys with odd values, keys sometimes repeated. */
const query = (keys: readonly string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...keys), oddString), oddNumberText), { maxLength: 6 })
    .map((pairs) => {
      const q = new URLSearchParams();
      for (const [k, v] of pairs) q.append(k, v);
      return q.toString();
    });

const TRACE_KEYS = ['lon', 'lat', 'crs', 'x', 'y', 'maxKm', 'snapMaxKm', 'river'];
const LIST_KEYS = [
  'bbox',
  'kind',
  'sector',
  'status',
  'country',
  'basin',
  'minWri',
  'minThi',
  'annexI',
  'q',
  'sort',
  'limit',
  'offset',
];
const IMPORT_KEYS = ['format', 'crs', 'dryRun', 'onDuplicate'];
const JSON_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/geo+json',
  'text/plain',
  'application/x-www-form-urlencoded',
];

describe('trace endpoint', () => {
  it('2,500 odd queries: 4xx or a trace, never a 500', async () => {
    // Half the runs are near-valid: real lon/lat ranges with odd extras, so deeper code is reached.
    const nearValid = fc
      .record({
        lon: fc.double({ min: -180, max: 180, noNaN: true }),
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        extra: query(TRACE_KEYS),
      })
      .map(({ lon, lat, extra }) => `lon=${lon}&lat=${lat}${extra ? `&${extra}` : ''}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(query(TRACE_KEYS), nearValid), async (q) => {
        await send('GET', `/api/trace?${q}`);
      }),
      { numRuns: 2500, seed: SEED },
    );
  }, 300_000);
});

describe('site endpoints', () => {
  it('1,500 odd list queries', async () => {
    await fc.assert(
      fc.asyncProperty(query(LIST_KEYS), async (q) => {
        await send('GET', `/api/sites?${q}`);
      }),
      { numRuns: 1500, seed: SEED },
    );
  }, 300_000);

  it('2,000 odd creates: 201 adds exactly one site, anything else adds nothing', async () => {
    const body = fc.oneof(
      mutatedSite.map((b) => JSON.stringify(b)),
      anyJson.map((v) => JSON.stringify(v)),
      oddString,
    );
    await fc.assert(
      // One run in ten is anonymous: refused whatever the body.
      fc.asyncProperty(
        body,
        fc.constantFrom(...JSON_TYPES),
        fc.integer({ min: 0, max: 9 }),
        async (b, type, d) => {
          const anonymous = d === 0;
          const before = counts();
          const r = await send('POST', '/api/sites', { body: b, type, headers: anonymous ? {} : editor });
          const after = counts();
          // Anonymous: 401, or 400/415 when the body cannot even be read (the JSON parser runs first).
          if (anonymous && authEnabled) expect([400, 401, 415]).toContain(r.status);
          if (r.status === 201) expect(after.sites).toBe((before.sites ?? 0) + 1);
          else expect(after).toEqual(before);
        },
      ),
      { numRuns: 2000, seed: SEED },
    );
  }, 300_000);

  it('1,200 odd updates and deletes: a refused change leaves the site as it was', async () => {
    const read = () =>
      server.services.db.prepare('SELECT version, name, lon, lat FROM sites WHERE id = ?').get(siteId) as
        | { version: number }
        | undefined;
    const op = fc.oneof(
      fc.record({ method: fc.constantFrom('PATCH', 'PUT'), body: fc.oneof(mutatedSite, anyJson) }),
      fc.record({ method: fc.constant('DELETE'), body: fc.constant(null) }),
    );
    await fc.assert(
      fc.asyncProperty(
        op,
        fc.oneof(fc.constant(siteId), oddString),
        oddNumberText,
        async (o, id, version) => {
          const before = counts();
          const current = read();
          const body =
            o.body && typeof o.body === 'object' && !Array.isArray(o.body)
              ? { version: current?.version, ...o.body }
              : o.body;
          const url = `/api/sites/${encodeURIComponent(id)}${o.method === 'DELETE' ? `?version=${encodeURIComponent(version)}` : ''}`;
          const r = await send(o.method, url, {
            body: o.method === 'DELETE' ? undefined : JSON.stringify(body),
            type: 'application/json',
            headers: editor,
          });
          if (r.status >= 400) {
            expect(counts()).toEqual(before);
            expect(read()).toEqual(current);
          }
          if (!read()) {
            // Deleted by a valid request: put an anchor back so later runs still hit a real site.
            const res = await send('POST', '/api/sites', {
              body: JSON.stringify({ ...kalush, name: `Fuzz anchor ${requests}` }),
              type: 'application/json',
              headers: editor,
            });
            siteId = String((res.body as { id: string }).id);
          }
        },
      ),
      { numRuns: 1200, seed: SEED },
    );
  }, 300_000);

  it('600 odd ids, tiles and glyph paths', async () => {
    const paths = fc.oneof(
      oddString.map((s) => `/api/sites/${encodeURIComponent(s)}`),
      fc
        .tuple(oddNumberText, oddNumberText, oddNumberText)
        .map(
          ([z, x, y]) =>
            `/api/tiles/${encodeURIComponent(z)}/${encodeURIComponent(x)}/${encodeURIComponent(y)}.pbf`,
        ),
      fc
        .tuple(oddString, oddString)
        .map(([f, r]) => `/api/glyphs/${encodeURIComponent(f)}/${encodeURIComponent(r)}.pbf`),
    );
    await fc.assert(
      fc.asyncProperty(paths, async (p) => {
        await send('GET', p);
      }),
      { numRuns: 600, seed: SEED },
    );
  }, 300_000);
});

describe('import endpoint', () => {
  it('1,800 odd files: all rows stored or none', async () => {
    const file = fc.oneof(
      fc.record({ format: fc.constant('csv'), text: csvFile }),
      fc.record({ format: fc.constant('geojson'), text: geojsonFile }),
      fc.record({ format: fc.constant('kml'), text: kmlFile }),
    );
    await fc.assert(
      fc.asyncProperty(
        file,
        query(IMPORT_KEYS),
        fc.constantFrom('matching', 'none', 'other'),
        fc.constantFrom(
          'text/csv',
          'application/json',
          'application/vnd.google-earth.kml+xml',
          'application/octet-stream',
          'multipart',
        ),
        async (f, extra, formatParam, type) => {
          const q =
            formatParam === 'matching'
              ? `format=${f.format}&${extra}`
              : formatParam === 'other'
                ? `format=csv&${extra}`
                : extra;
          const before = counts();
          let r: Answer;
          if (type === 'multipart') {
            requests += 1;
            const form = new FormData();
            form.append('file', new Blob([f.text]), `upload.${f.format}`);
            const res = await fetch(`${server.url}/api/sites/import?${q}`, {
              method: 'POST',
              body: form,
              headers: editor,
            });
            const text = await res.text();
            expect(res.status, text.slice(0, 300)).toBeLessThan(500);
            r = { status: res.status, body: JSON.parse(text) };
          } else {
            r = await send('POST', `/api/sites/import?${q}`, { body: f.text, type, headers: editor });
          }
          const after = counts();
          const report = r.body as { dryRun?: boolean; accepted?: number; ids?: string[] };
          if (r.status === 200 && report.dryRun === false) {
            expect(after.sites).toBe((before.sites ?? 0) + (report.ids?.length ?? 0));
            expect(report.ids?.length).toBe(report.accepted);
          } else {
            expect(after).toEqual(before);
          }
        },
      ),
      { numRuns: 1800, seed: SEED },
    );
  }, 600_000);
});

describe('afterwards', () => {
  it('the server still answers and the database is whole', async () => {
    expect((await send('GET', '/api/trace?lon=16.37&lat=48.21')).status).toBe(200);
    expect(server.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const c = counts();
    expect(c.sites_rtree).toBe(c.sites);
    expect(c.site_derived).toBe(c.sites);
  });

  it('anonymous writes are refused and change nothing (when the access layer is on)', async () => {
    if (!authEnabled) return;
    const before = counts();
    for (const [method, url, body] of [
      ['POST', '/api/sites', JSON.stringify(kalush)],
      ['PATCH', `/api/sites/${siteId}`, JSON.stringify({ version: 1, name: 'x' })],
      ['DELETE', `/api/sites/${siteId}?version=1`, undefined],
      [
        'POST',
        '/api/sites/import?format=geojson',
        JSON.stringify({ type: 'FeatureCollection', features: [] }),
      ],
    ] as const) {
      const r = await send(method, url, { body, type: 'application/json' });
      expect([401, 403]).toContain(r.status);
    }
    expect(counts()).toEqual(before);
  });
});
