// Receptor layers over HTTP on the real database: create, list by bbox and kind, delete, and imports
// that store every row or none, list every bad row, dry-run without writing and refuse oversize files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer & { editorToken: string };
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb(), { editorToken: true });
});
afterAll(async () => {
  await server?.close();
});

const count = () => server.services.db.prepare('SELECT COUNT(*) FROM receptors').pluck().get() as number;
const rtreeCount = () =>
  server.services.db.prepare('SELECT COUNT(*) FROM receptors_rtree').pluck().get() as number;

const postJson = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { ...authHeaders(server.editorToken), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const postText = (path: string, body: string, type = 'text/csv') =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { ...authHeaders(server.editorToken), 'content-type': type },
    body,
  });

interface ImportReport {
  dryRun: boolean;
  accepted: number;
  rejected: number;
  errors: { line: number; field?: string; message: string }[];
  ids: string[];
}

describe('POST/GET/DELETE /api/receptors', () => {
  it('stores a school and a protected area, finds them by bbox and kind, and deletes one', async () => {
    const school = await postJson('/api/receptors', {
      kind: 'school',
      name: 'Gimnazija Uroš Predić',
      population: 900,
      geometry: { type: 'Point', coordinates: [20.64, 44.87] },
    });
    expect(school.status).toBe(201);
    const created = (await school.json()) as { id: string; lon: number; kind: string; population: number };
    expect(created).toMatchObject({ kind: 'school', lon: 20.64, population: 900 });
    expect(school.headers.get('location')).toBe(`/api/receptors/${created.id}`);

    const park = await postJson('/api/receptors', {
      kind: 'protected_area',
      name: 'Deliblato Sands (test outline)',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [20.9, 44.8],
            [21.3, 44.8],
            [21.3, 45.0],
            [20.9, 45.0],
            [20.9, 44.8],
          ],
        ],
      },
    });
    expect(park.status).toBe(201);

    const inBox = (await (await fetch(`${server.url}/api/receptors?bbox=20.5,44.7,20.8,44.95`)).json()) as {
      total: number;
      items: { name: string }[];
    };
    expect(inBox.items.map((r) => r.name)).toEqual(['Gimnazija Uroš Predić']);
    // The polygon's box reaches into this one even though its centroid does not.
    const east = (await (await fetch(`${server.url}/api/receptors?bbox=21.2,44.9,21.5,45.1`)).json()) as {
      items: { name: string }[];
    };
    expect(east.items.map((r) => r.name)).toEqual(['Deliblato Sands (test outline)']);
    const byKind = (await (
      await fetch(`${server.url}/api/receptors?kind=protected_area,hospital`)
    ).json()) as {
      items: { kind: string }[];
    };
    expect(byKind.items.every((r) => r.kind === 'protected_area')).toBe(true);

    const before = count();
    expect(
      (
        await fetch(`${server.url}/api/receptors/${created.id}`, {
          method: 'DELETE',
          headers: authHeaders(server.editorToken),
        })
      ).status,
    ).toBe(204);
    expect(count()).toBe(before - 1);
    expect(rtreeCount()).toBe(count());
    expect(
      (
        await fetch(`${server.url}/api/receptors/${created.id}`, {
          method: 'DELETE',
          headers: authHeaders(server.editorToken),
        })
      ).status,
    ).toBe(404);
  });

  it('refuses an invalid receptor with every field that needs fixing', async () => {
    const before = count();
    const res = await postJson('/api/receptors', {
      kind: 'castle',
      name: '',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [20, 44],
            [20.1, 44],
            [20.1, 44.1],
            [20, 44.1],
          ],
        ],
      },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; details: { path: string; message: string }[] };
    };
    expect(body.error.code).toBe('VALIDATION');
    const paths = body.error.details.map((d) => d.path);
    expect(paths).toContain('kind');
    expect(paths).toContain('name');
    expect(body.error.details.find((d) => d.path.startsWith('geometry'))?.message).toMatch(/closed/);
    expect(count()).toBe(before);
  });

  it('rejects bad list queries', async () => {
    expect((await fetch(`${server.url}/api/receptors?bbox=21,44,20,45`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/receptors?bbox=1,2,3`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/receptors?kind=castle`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/receptors?colour=red`)).status).toBe(400);
  });
});

describe('POST /api/receptors/import', () => {
  const goodCsv = [
    'name,kind,lon,lat,population,operator',
    'Intake Pančevo,water_intake,20.63,44.86,80000,JKP Vodovod',
    'Opšta bolnica Pančevo,hospital,20.65,44.87,,',
  ].join('\n');

  it('stores a CSV layer in one go, keeping extra columns as properties', async () => {
    const res = await postText('/api/receptors/import?format=csv', goodCsv);
    expect(res.status).toBe(200);
    const report = (await res.json()) as ImportReport;
    expect(report).toMatchObject({ dryRun: false, accepted: 2, rejected: 0, errors: [] });
    expect(report.ids).toHaveLength(2);
    const list = (await (await fetch(`${server.url}/api/receptors?kind=water_intake`)).json()) as {
      items: { name: string; population: number; properties: Record<string, unknown> }[];
    };
    const intake = list.items.find((r) => r.name === 'Intake Pančevo');
    expect(intake).toMatchObject({ population: 80000, properties: { operator: 'JKP Vodovod' } });
  });

  it('stores nothing when one row is bad and lists every bad row', async () => {
    const before = count();
    const csv = [
      'name,kind,lon,lat',
      'Good school,school,20.6,44.8',
      'Bad kind,castle,20.6,44.8',
      'No latitude,school,20.6,',
      ',hospital,20.6,44.8',
    ].join('\n');
    const res = await postText('/api/receptors/import?format=csv', csv);
    expect(res.status).toBe(422);
    const report = (await res.json()) as ImportReport;
    expect(report.accepted).toBe(1);
    expect(report.rejected).toBe(3);
    expect(report.ids).toEqual([]);
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(report.errors.find((e) => e.line === 3)?.field).toBe('kind');
    expect(report.errors.find((e) => e.line === 4)?.field).toBe('lat');
    expect(report.errors.find((e) => e.line === 5)?.field).toBe('name');
    expect(count()).toBe(before);
  });

  it('validates a GeoJSON flood layer on a dry run without storing it, then stores it', async () => {
    const before = count();
    const layer = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Tamiš flood plain' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [20.6, 44.85],
                [20.7, 44.85],
                [20.7, 44.9],
                [20.6, 44.9],
                [20.6, 44.85],
              ],
            ],
          },
        },
      ],
    });
    const dry = await postText(
      '/api/receptors/import?format=geojson&kind=flood_zone&dryRun=true',
      layer,
      'application/geo+json',
    );
    expect(dry.status).toBe(200);
    expect(((await dry.json()) as ImportReport).accepted).toBe(1);
    expect(count()).toBe(before);
    const real = await postText(
      '/api/receptors/import?format=geojson&kind=flood_zone',
      layer,
      'application/json',
    );
    expect(real.status).toBe(200);
    expect(count()).toBe(before + 1);
  });

  it('stores a KML protected area (Polygon placemark, kind from ExtendedData) uploaded as a file', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
  <Placemark><name>Deliblato Sands (test)</name>
    <ExtendedData><Data name="kind"><value>protected_area</value></Data></ExtendedData>
    <Polygon><outerBoundaryIs><LinearRing><coordinates>
      21.0,44.85,0 21.2,44.85,0 21.2,44.95,0 21.0,44.95,0 21.0,44.85,0
    </coordinates></LinearRing></outerBoundaryIs></Polygon>
  </Placemark>
</Document></kml>`;
    const form = new FormData();
    form.append('file', new Blob([kml], { type: 'application/vnd.google-earth.kml+xml' }), 'areas.kml');
    // No ?format: the .kml file name says it.
    const res = await fetch(`${server.url}/api/receptors/import`, {
      method: 'POST',
      headers: authHeaders(server.editorToken),
      body: form,
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as ImportReport;
    expect(report).toMatchObject({ accepted: 1, rejected: 0, errors: [] });
    const list = (await (
      await fetch(`${server.url}/api/receptors?kind=protected_area&bbox=21.05,44.88,21.1,44.9`)
    ).json()) as { items: { name: string; geometry: { type: string } }[] };
    expect(list.items.map((r) => [r.name, r.geometry.type])).toContainEqual([
      'Deliblato Sands (test)',
      'Polygon',
    ]);
  });

  it('reports a self-intersecting polygon by feature number', async () => {
    const before = count();
    const layer = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'ok', kind: 'school' },
          geometry: { type: 'Point', coordinates: [20, 44] },
        },
        {
          type: 'Feature',
          properties: { name: 'bow tie', kind: 'protected_area' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [20, 44],
                [20.1, 44.1],
                [20.1, 44],
                [20, 44.1],
                [20, 44],
              ],
            ],
          },
        },
      ],
    });
    const res = await postText('/api/receptors/import?format=geojson', layer, 'application/json');
    expect(res.status).toBe(422);
    const report = (await res.json()) as ImportReport;
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 2, message: expect.stringMatching(/crosses itself/) }),
    ]);
    expect(count()).toBe(before);
  });

  it('answers 413 beyond the 20 MB limit and 400 without a format', async () => {
    const big = `name,kind,lon,lat\n${'x,school,20,44\n'.repeat(1_500_000)}`;
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    const res = await postText('/api/receptors/import?format=csv', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await postText('/api/receptors/import', goodCsv)).status).toBe(400);
  });
});
