// Answers of the writing routes validate against the OpenAPI description (GET /api/openapi.json): the
// register's create, patch, replace, delete, recycle bin, restore, history and purge; a site import
// (accepted and refused); a plan with its history and contacts; a station; an exercise with its
// timeline, action log and report; users and tokens; a login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegisterEnv, type RegisterEnv } from '../fixtures/register-env.js';
import { chirchiq, kalush } from '../fixtures/site-bodies.js';
import { authHeaders, createToken } from '../support/auth.js';
import { type AnswerChecker, answerChecker } from '../support/openapi.js';

let env: RegisterEnv;
let checker: AnswerChecker;
let admin: Record<string, string>;
let editor: Record<string, string>;
const check: AnswerChecker['check'] = (...args) => checker.check(...args);

beforeAll(async () => {
  env = await openRegisterEnv({ http: true });
  editor = env.auth;
  admin = authHeaders(createToken(env.dbPath, 'admin'));
  checker = await answerChecker(env.api.replace(/\/api$/, ''));
});
afterAll(async () => env?.close());

describe('register writes', () => {
  it('create, patch, replace, history, delete, recycle bin, restore, purge', async () => {
    // Kalush (24.37 E, 49.03 N), the abandoned chemical plant on the Dniester's Limnytsia tributary.
    const created = await check('POST', '/api/sites', 201, { headers: editor, body: kalush });
    const id = String(created.id);
    expect((created.derived as { countryIso3: string }).countryIso3).toBe('UKR');
    const patched = await check('PATCH', `/api/sites/${id}`, 200, {
      headers: editor,
      body: { version: 1, notes: 'Hexachlorobenzene store, partly removed (fixture text).' },
    });
    await check('PUT', `/api/sites/${id}`, 200, {
      headers: editor,
      body: { ...kalush, version: patched.version },
    });
    await check('GET', `/api/sites/${id}/history`, 200, { headers: editor });
    const del = await fetch(`${env.api}/sites/${id}?version=3`, { method: 'DELETE', headers: editor });
    expect(del.status).toBe(204);
    await check('GET', '/api/sites/deleted', 200, { headers: editor });
    const page = await check('GET', '/api/sites?includeDeleted=true', 200, { headers: editor });
    expect((page.deleted as { total: number }).total).toBe(1);
    await check('GET', `/api/sites/${id}?includeDeleted=true`, 200, { headers: editor });
    await check('POST', `/api/sites/${id}/restore`, 200, { headers: editor });
    await check('POST', `/api/sites/${id}/history/purge`, 200, {
      headers: admin,
      body: { field: 'notes', reason: 'Fixture text, not a real record.' },
    });
    await check('DELETE', `/api/sites/${id}`, 400, { headers: editor });
    await check('PATCH', `/api/sites/${id}`, 409, { headers: editor, body: { version: 1, notes: 'stale' } });
  });

  it('imports: a dry run, and a file with an invalid row (422, nothing stored)', async () => {
    const fc = (rows: unknown[]) => ({
      type: 'FeatureCollection',
      features: rows.map((r) => {
        const { location, ...props } = r as { location: { lon: number; lat: number } };
        return {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
          properties: props,
        };
      }),
    });
    // Chirchiq (69.58 E, 41.47 N), the ammonia plant on the Chirchiq, a Syr Darya tributary.
    const dry = await check('POST', '/api/sites/import?format=geojson&dryRun=true', 200, {
      headers: editor,
      body: fc([chirchiq]),
    });
    expect(dry.accepted).toBe(1);
    const refused = await check('POST', '/api/sites/import?format=geojson', 422, {
      headers: editor,
      body: fc([chirchiq, { ...chirchiq, name: 'Chirchiq, bad kind', kind: 'castle' }]),
    });
    expect(refused.rejected).toBe(1);
  });
});

describe('plans, stations, exercises', () => {
  it('a plan with its history and contacts', async () => {
    // Hungary and Serbia share the Tisza (Szeged–Novi Kneževac border stretch).
    const plan = await check('POST', '/api/plans', 201, {
      headers: editor,
      body: {
        id: 'tisza-test',
        name: 'Tisza test plan',
        countries: ['HUN', 'SRB'],
        rivers: ['Danube'],
        rule: { leadTimeH: 6 },
      },
    });
    await check('PUT', '/api/plans/tisza-test', 200, {
      headers: editor,
      body: {
        name: 'Tisza test plan (2)',
        countries: ['HUN', 'SRB'],
        rivers: ['Danube'],
        rule: { leadTimeH: 6 },
        version: plan.version,
      },
    });
    await check('GET', '/api/plans/tisza-test/history', 200);
    await check('POST', '/api/plans/tisza-test/contacts', 201, {
      headers: editor,
      body: [{ iso3: 'HUN', role: 'competent_authority', organisation: 'Test office (fixture)' }],
    });
    await check('GET', '/api/plans/tisza-test/contacts', 200, { headers: editor });
  });

  it('a station snapped to the network', async () => {
    // The Szeged gauge on the Tisza (20.15 E, 46.25 N).
    const st = await check('POST', '/api/stations', 201, {
      headers: editor,
      body: {
        name: 'Szeged (test)',
        kind: 'gauge',
        lon: 20.15,
        lat: 46.25,
        country: 'HUN',
        riverHint: 'Tisza',
      },
    });
    expect(st.river).toBe('Tisza');
  });

  it('an exercise: create, read, timeline, an action, the after-action report', async () => {
    // Mailuu-Suu (72.45 E, 41.27 N), uranium tailings above the Syr Darya; the seeded Syr Darya plan.
    const ex = await check('POST', '/api/exercises', 201, {
      headers: editor,
      body: {
        name: 'Mailuu-Suu table-top (test)',
        lon: 72.45,
        lat: 41.27,
        releaseKg: 50000,
        startAt: '2026-04-01T08:00:00Z',
        plan: 'syr-darya',
      },
    });
    const id = String(ex.id);
    await check('GET', `/api/exercises/${id}`, 200);
    await check('GET', `/api/exercises/${id}/timeline`, 200, { headers: editor });
    await check('POST', `/api/exercises/${id}/actions`, 201, {
      headers: editor,
      body: { kind: 'notification_sent', at: '2026-04-01T10:00:00Z', iso3: 'UZB' },
    });
    await check('GET', `/api/exercises/${id}/report`, 200);
    await check('GET', '/api/exercises', 200);
  });
});

describe('accounts', () => {
  it('users, tokens and a login', async () => {
    const user = await check('POST', '/api/users', 201, {
      headers: admin,
      body: { username: 'openapi.viewer', password: 'a long test passphrase', role: 'viewer' },
    });
    await check('PATCH', `/api/users/${String(user.id)}`, 200, { headers: admin, body: { role: 'editor' } });
    await check('POST', '/api/tokens', 201, {
      headers: admin,
      body: { username: 'openapi.viewer', name: 'test' },
    });
    await check('GET', '/api/tokens', 200, { headers: admin });
    await check('POST', '/api/auth/login', 200, {
      body: { username: 'openapi.viewer', password: 'a long test passphrase' },
    });
    await check('POST', '/api/auth/login', 401, {
      body: { username: 'openapi.viewer', password: 'not the passphrase' },
    });
  });
});
