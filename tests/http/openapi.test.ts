// The OpenAPI 3.1 description of /api (GET /api/openapi.json): it describes exactly the routes the app
// registers (read from the router stack), it is structurally valid (every $ref resolves, operationIds
// unique, every schema compiles as JSON Schema 2020-12), real answers of real routes validate against
// the schemas it gives for them, and GET /api/docs renders it as a page under the app's CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/boot/app.js';
import { authHeaders, createToken } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type AnswerChecker, answerChecker, type Json, type OpenApiDoc } from '../support/openapi.js';
import { listApiRoutes } from '../support/routes.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
let doc: OpenApiDoc;
let checker: AnswerChecker;
let admin: Record<string, string>;
let editor: Record<string, string>;
// Registered sites of the seeded register (data/seed): the Aurul tailings pond at Baia Mare, source of
// the January 2000 cyanide spill into the Săsar, Someș, Tisza and Danube.
const AURUL = 'aba4b8d1-a9e9-4f65-97c9-891b3101e79b';

beforeAll(async () => {
  const dbPath = copyOfBuiltDb();
  admin = authHeaders(createToken(dbPath, 'admin'));
  editor = authHeaders(createToken(dbPath, 'editor'));
  server = await startServer(dbPath);
  checker = await answerChecker(server.url);
  doc = checker.doc;
});
afterAll(async () => server?.close());

/** '/api/sites/:id' → '/api/sites/{id}' (Express to OpenAPI path templates). */
const template = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

describe('coverage', () => {
  it('describes every route the app registers under /api, and no other', () => {
    const registered = listApiRoutes(createApp(server.services)).map(
      (r) => `${r.method} ${template(r.path)}`,
    );
    const described = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(registered.length).toBeGreaterThan(50);
    expect(registered.filter((r) => !described.includes(r))).toEqual([]);
    expect(described.filter((d) => !registered.includes(d))).toEqual([]);
  });
});

describe('structure', () => {
  it('is OpenAPI 3.1 with unique operationIds and tags, and declared path parameters', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const tags = doc.tags.map((t) => t.name);
    expect(new Set(tags).size).toBe(tags.length);
    const ids: string[] = [];
    for (const [p, item] of Object.entries(doc.paths))
      for (const op of Object.values(item)) {
        ids.push(String(op.operationId));
        const declared = ((op.parameters ?? []) as { name: string; in: string }[])
          .filter((x) => x.in === 'path')
          .map((x) => x.name)
          .sort();
        const inTemplate = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(declared, p).toEqual(inTemplate);
        expect(Object.keys(op.responses as Json).length, p).toBeGreaterThan(1);
      }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves every $ref', () => {
    const broken: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref') {
            let target: unknown = doc;
            for (const part of String(x).replace(/^#\//, '').split('/'))
              target = (target as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
            if (target === undefined || !String(x).startsWith('#/')) broken.push(String(x));
          } else walk(x);
        }
      }
    };
    walk(doc);
    expect(broken).toEqual([]);
  });

  it('marks writes and admin routes as needing credentials, and the login as public', () => {
    expect(doc.paths['/api/sites']?.post?.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(doc.paths['/api/audit']?.get?.['x-hazatlas-access']).toBe('admin');
    expect(doc.paths['/api/auth/login']?.post?.security).toEqual([]);
    // Reads are open while HAZATLAS_ANONYMOUS_READ is on: the empty requirement says so.
    expect(doc.paths['/api/trace']?.get?.security).toContainEqual({});
  });
});

const check: AnswerChecker['check'] = (...args) => checker.check(...args);

describe('recorded answers validate against the description', () => {
  it('register: list, one site, the GeoJSON export', async () => {
    const list = await check('GET', '/api/sites?limit=5&sort=-thi', 200);
    expect((list.items as unknown[]).length).toBe(5);
    const site = await check('GET', `/api/sites/${AURUL}`, 200);
    // The Aurul pond drains to the Săsar (Baia Mare), a tributary of the Someș (register seed, data/seed).
    expect(site.kind).toBe('tmf');
    const fc = await check('GET', '/api/sites/export?format=geojson&country=ROU', 200);
    expect((fc.features as unknown[]).length).toBeGreaterThan(0);
    await check('GET', '/api/countries', 200);
  });

  it('trace by point and by site, upstream and the matrix', async () => {
    // Vienna on the Danube (16.37 E, 48.21 N): the trace reaches the Black Sea.
    const t = await check('GET', '/api/trace?lon=16.37&lat=48.21&geometry=simplified', 200);
    expect((t.outlets as { kind: string }[]).some((o) => o.kind === 'sea')).toBe(true);
    await check('GET', `/api/trace?siteId=${AURUL}&releaseKg=100000&substance=cyanide&geometry=none`, 200);
    await check(
      'GET',
      `/api/trace?siteId=${AURUL}&releaseKg=100000&geometry=none&releasedAt=2026-03-01T06:30:00Z`,
      200,
    );
    // Upstream of the Danube at Galați (28.05 E, 45.43 N) lie registered sites of the Tisza basin.
    const up = await check('GET', '/api/upstream?lon=28.05&lat=45.43&limit=5', 200);
    expect(up.total as number).toBeGreaterThan(0);
    await check('GET', '/api/matrix?basin=Danube', 200);
  });

  it('planning, reports and screening', async () => {
    await check('GET', `/api/sites/${AURUL}/zones`, 200);
    // A housing estate on the edge of Baia Mare, by the Aurul pond.
    await check('POST', '/api/planning/review', 200, {
      body: { geometry: { type: 'Point', coordinates: [23.52, 47.66] }, developmentType: 'housing' },
    });
    // A water intake proposed on the Săsar below the Aurul pond, saved as a case.
    const saved = await check('POST', '/api/planning/reviews', 201, {
      headers: editor,
      body: {
        title: 'Săsar intake below Aurul, test case',
        geometry: { type: 'Point', coordinates: [23.5, 47.65] },
        developmentType: 'water_intake',
      },
    });
    await check('GET', '/api/planning/reviews', 200);
    await check('GET', `/api/planning/reviews/${String(saved.id)}`, 200);
    await check('GET', '/api/screening/border', 200);
    await check('GET', '/api/screening/natech', 200);
    await check('GET', `/api/sites/${AURUL}/report?format=json&releaseKg=1000`, 200);
    await check('GET', `/api/sites/${AURUL}/notifications?releaseKg=1000`, 200);
  });

  it('receptors: create one, list them', async () => {
    // Colegiul Național "Gheorghe Șincai", a school in central Baia Mare (Str. Gheorghe Șincai 25).
    await check('POST', '/api/receptors', 201, {
      headers: editor,
      body: {
        kind: 'school',
        name: 'Colegiul Național Gheorghe Șincai',
        geometry: { type: 'Point', coordinates: [23.5805, 47.6567] },
      },
    });
    const page = await check('GET', '/api/receptors?kind=school', 200);
    expect(page.total).toBe(1);
  });

  it('search, stations, plans, network, accounts and the audit log', async () => {
    const s = await check('GET', '/api/search?q=Baia%20Mare', 200);
    expect((s.items as { kind: string }[]).length).toBeGreaterThan(0);
    const st = await check('GET', '/api/stations?limit=3', 200);
    const first = (st.items as { id: string }[])[0];
    await check('GET', `/api/stations/${first?.id}`, 200);
    await check('GET', '/api/plans', 200);
    // The seeded Danube Delta plan (data/seed): Romania, Ukraine and Moldova.
    await check('GET', '/api/plans/danube-delta', 200);
    await check('GET', '/api/plans/danube-delta/contacts', 200, { headers: editor });
    await check('GET', '/api/network/stats', 200);
    await check('GET', '/api/basins', 200);
    await check('GET', '/api/tiles/sites.json', 200);
    await check('GET', '/api/style.json', 200);
    await check('GET', '/api/auth/me', 200, { headers: admin });
    await check('GET', '/api/users', 200, { headers: admin });
    await check('GET', '/api/audit?limit=5', 200, { headers: admin });
    await check('GET', '/api/exercises', 200);
  });

  it('errors: 400, 401, 403 and 404 in the shared shape', async () => {
    const bad = await check('GET', '/api/trace?lon=abc&lat=45', 400);
    expect((bad.error as { code: string }).code).toBe('INVALID_QUERY');
    await check('GET', '/api/sites?limit=0', 400);
    await check('GET', `/api/sites/${AURUL.replace(/^a/, 'b')}`, 404);
    await check('POST', '/api/sites', 401, { body: {} });
    await check('GET', '/api/audit', 403, { headers: editor });
    await check('GET', '/api/plans/danube-delta/contacts', 401);
  });
});

describe('GET /api/docs', () => {
  it('renders every operation as plain HTML that its own CSP allows', async () => {
    const res = await fetch(`${server.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).not.toMatch(/<script|https?:\/\/cdn/i);
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item)) expect(html).toContain(`id="op-${String(op.operationId)}"`);
    // The page's inline styles are allowed by hash; nothing else is loosened.
    const csp = String(res.headers.get('content-security-policy'));
    expect(csp).toMatch(/style-src 'self' 'sha256-/);
    expect(csp).toContain("script-src 'self'");
  });
});

// Last: compiling every schema holds this process (and so the server in it) for seconds, long enough
// for an idle keep-alive connection to be closed under a following request.
describe('schemas', () => {
  it('gives schemas that compile as JSON Schema 2020-12', () => {
    for (const name of Object.keys(doc.components.schemas))
      expect(() => checker.ajv.getSchema(`${checker.docId}#/components/schemas/${name}`), name).not.toThrow();
  });
});
