// The client's API module against the real server and a copy of the built database (Node's fetch):
// query building, flattened coordinates, the server's error carried to the UI, field issues.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createApi, sitesQuery } from '../../client/src/lib/api.js';
import { issuesByField } from '../../client/src/lib/site-form.js';
import { authHeaders } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
let api: ReturnType<typeof createApi>;
beforeAll(async () => {
  const s = await startServer(copyOfBuiltDb(), { editorToken: true });
  server = s;
  // An editor's bearer token, as a script would send it (the browser uses a session cookie).
  api = createApi(
    (i, init) =>
      fetch(i, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), ...authHeaders(s.editorToken) },
      }),
    server.url,
  );
});
afterAll(() => server.close());

describe('client api', () => {
  it('builds the sites query from filters, leaving empty ones out', () => {
    expect(sitesQuery({ q: 'Bor', kind: '', minWri: 0, bbox: [28.5, 44.5, 29.7, 45.8] }, { limit: 10 })).toBe(
      'q=Bor&bbox=28.5%2C44.5%2C29.7%2C45.8&minWri=0&limit=10',
    );
  });

  it('lists sites with flat lon/lat, filtered as the map and the list show them', async () => {
    const r = await api.sites({ basin: 'Danube', bbox: [28.5, 44.5, 29.7, 45.8] });
    expect(r.items.map((s) => s.name)).toContain('Alum Tulcea alumina refinery and red mud ponds');
    for (const s of r.items) {
      expect(s.lon).toBeGreaterThanOrEqual(28.5);
      expect(s.lat).toBeLessThanOrEqual(45.8);
      expect(s.basinName).toBe('Danube');
    }
    const site = await api.site(r.items[0]?.id ?? '');
    expect(typeof site.lon).toBe('number');
    expect(site.derived?.downstreamCountries.length).toBeGreaterThan(0);
  });

  it('traces, and turns a server error into ApiError with its code and message', async () => {
    const t = await api.trace({ lon: 20.69, lat: 44.83 });
    expect(t.countries[0]?.iso3).toBe('SRB');
    const err = await api.trace({ lon: 31, lat: 43.2 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('POINT_IN_SEA');
    expect((err as ApiError).message).toMatch(/not on land/);
  });

  it('maps the server field issues of an invalid site onto the form inputs', async () => {
    const err = await api
      .createSite({ name: '', kind: 'hazardous_activity', location: { lon: 200, lat: 44 }, sources: [] })
      .catch((e: unknown) => e);
    if (!(err instanceof ApiError)) throw new Error('expected an ApiError');
    expect(err.status).toBe(400);
    const fields = issuesByField(err.fieldIssues);
    expect(fields.has('lon')).toBe(true);
    expect(fields.has('name')).toBe(true);
  });
});
