// Safety zones and planning review on the real database and HTTP server: zones of a seeded site in
// metres with the places and receptors inside, reviews of polygons drawn into known zones of the
// Pančevo plants, the water-intake upstream check, and geometry errors that say what to fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localProjection } from '../../server/core/planning/local-projection.js';
import { vincentyM } from '../core/planning/vincenty.js';
import { ajka } from '../fixtures/site-bodies.js';
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

interface SiteItem {
  id: string;
  name: string;
  location: { lon: number; lat: number };
}

async function siteNamed(q: string): Promise<SiteItem> {
  const body = (await (await fetch(`${server.url}/api/sites?q=${encodeURIComponent(q)}`)).json()) as {
    items: SiteItem[];
  };
  const site = body.items[0];
  if (!site) throw new Error(`seed site ${q} missing`);
  return site;
}

/** The review is a read-only computation: sent without credentials, as any reader would. */
const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
/** Receptor writes carry an editor's token. */
const postAsEditor = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { ...authHeaders(server.editorToken), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A closed rectangle x0..x1 m east, y0..y1 m north of a point, in WGS84. */
function rectangle(lon: number, lat: number, x0: number, x1: number, y0: number, y1: number) {
  const p = localProjection(lon, lat);
  const ring = [
    p.toWgs84(x0, y0),
    p.toWgs84(x1, y0),
    p.toWgs84(x1, y1),
    p.toWgs84(x0, y1),
    p.toWgs84(x0, y0),
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

interface ReviewBody {
  verdict: string;
  verdictReason: string;
  development: { sensitivityLevel: number };
  sites: { name: string; zone: string; distanceM: number; advice: string; rule: string; kasClass: string }[];
  upstream: null | {
    ok: boolean;
    maxHours: number;
    sites: { name: string; arrivalH: number }[];
  };
}

describe('GET /api/sites/:id/zones', () => {
  it('draws 500/1,000/1,500 m zones around an Annex I fertiliser plant, true to the metre', async () => {
    const azotara = await siteNamed('Azotara');
    const res = await fetch(`${server.url}/api/sites/${azotara.id}/zones`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      zoneRule: { id: string; kasClass: string };
      zones: {
        features: {
          properties: { zone: string; radiusM: number };
          geometry: { coordinates: number[][][] };
        }[];
      };
    };
    expect(body.zoneRule).toMatchObject({ id: 'fertiliser-annex-i', kasClass: 'IV' });
    expect(body.zones.features.map((f) => [f.properties.zone, f.properties.radiusM])).toEqual([
      ['inner', 500],
      ['middle', 1000],
      ['outer', 1500],
    ]);
    const { lon, lat } = azotara.location;
    for (const f of body.zones.features) {
      for (const [x, y] of f.geometry.coordinates[0]!) {
        const d = vincentyM(lon, lat, x!, y!);
        expect(Math.abs(d - f.properties.radiusM) / f.properties.radiusM).toBeLessThan(0.01);
      }
    }
  });

  it('lists Olmaliq (Natural Earth) in the outer zone of Ammofos-Maxam Almalyk', async () => {
    const plant = await siteNamed('Ammofos');
    const body = (await (await fetch(`${server.url}/api/sites/${plant.id}/zones`)).json()) as {
      receptors: Record<string, { name: string; source: string; population: number; distanceM: number }[]>;
    };
    const olmaliq = body.receptors.outer?.find((r) => r.name === 'Olmaliq');
    expect(olmaliq).toMatchObject({ source: 'place', population: 121207 });
    expect(olmaliq!.distanceM).toBeGreaterThan(1000);
    expect(olmaliq!.distanceM).toBeLessThan(1500);
    expect(body.receptors.inner).toEqual([]);
  });

  it('puts imported receptors in their zone and leaves out those beyond it', async () => {
    const azotara = await siteNamed('Azotara');
    const { lon, lat } = azotara.location;
    const p = localProjection(lon, lat);
    const ids: string[] = [];
    for (const [name, kind, x] of [
      ['Test school 300 m', 'school', 300],
      ['Test hospital 1,200 m', 'hospital', 1200],
      ['Test intake 2 km', 'water_intake', 2000],
    ] as const) {
      const res = await postAsEditor('/api/receptors', {
        kind,
        name,
        geometry: { type: 'Point', coordinates: p.toWgs84(0, -x) },
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    const body = (await (await fetch(`${server.url}/api/sites/${azotara.id}/zones`)).json()) as {
      receptors: Record<string, { name: string; kind: string; distanceM: number }[]>;
    };
    expect(body.receptors.inner?.map((r) => r.name)).toContain('Test school 300 m');
    expect(body.receptors.outer?.map((r) => r.name)).toContain('Test hospital 1,200 m');
    const all = Object.values(body.receptors).flat();
    expect(all.map((r) => r.name)).not.toContain('Test intake 2 km');
    expect(body.receptors.inner?.find((r) => r.kind === 'school')?.distanceM).toBeCloseTo(300, 0);
    for (const id of ids)
      expect(
        (
          await fetch(`${server.url}/api/receptors/${id}`, {
            method: 'DELETE',
            headers: authHeaders(server.editorToken),
          })
        ).status,
      ).toBe(204);
  });

  it('answers 404 for an unknown site and 400 for a query parameter', async () => {
    expect((await fetch(`${server.url}/api/sites/00000000-0000-4000-8000-000000000000/zones`)).status).toBe(
      404,
    );
    const azotara = await siteNamed('Azotara');
    expect((await fetch(`${server.url}/api/sites/${azotara.id}/zones?radius=5`)).status).toBe(400);
  });
});

describe('footprints', () => {
  it('buffers a drawn footprint from its edges: zones and reviews measure from the reservoir, not its centre', async () => {
    // Ajka red mud reservoirs (TMF, class III: 300 / 600 / 900 m) with a 2 km × 1 km footprint.
    const { lon, lat } = ajka.location;
    const footprint = rectangle(lon, lat, -1000, 1000, -500, 500);
    const created = await postAsEditor('/api/sites', { ...ajka, footprint });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const zones = (await (await fetch(`${server.url}/api/sites/${id}/zones`)).json()) as {
      site: { hasFootprint: boolean };
      zoneRule: { kasClass: string };
      zones: { features: { properties: { radiusM: number }; geometry: { coordinates: number[][][] } }[] };
    };
    expect(zones.site.hasFootprint).toBe(true);
    expect(zones.zoneRule.kasClass).toBe('III');
    const outer = zones.zones.features[2]!;
    expect(outer.properties.radiusM).toBe(900);
    const ring = outer.geometry.coordinates[0]!;
    // The outer zone reaches 900 m beyond the footprint's west edge: 1,900 m west of the centre.
    const [westEdgeLon] = localProjection(lon, lat).toWgs84(-1000, 0);
    const west = Math.min(...ring.map((p) => p[0]!));
    expect(vincentyM(west, lat, westEdgeLon!, lat)).toBeGreaterThan(890);
    expect(vincentyM(west, lat, westEdgeLon!, lat)).toBeLessThan(910);
    // A school 1,500 m east of the centre is 500 m from the footprint: middle zone, advised against.
    const review = (await (
      await post('/api/planning/review', {
        geometry: { type: 'Point', coordinates: localProjection(lon, lat).toWgs84(1500, 0) },
        developmentType: 'school_hospital',
      })
    ).json()) as ReviewBody;
    const hit = review.sites.find((s) => s.name === ajka.name);
    expect(hit).toMatchObject({ zone: 'middle', advice: 'advise_against' });
    expect(hit!.distanceM).toBeCloseTo(500, -1);
  });
});

describe('POST /api/planning/review', () => {
  it('a housing estate 700–900 m east of Azotara lies in its middle zone: do not advise against', async () => {
    const { lon, lat } = (await siteNamed('Azotara')).location;
    const res = await post('/api/planning/review', {
      geometry: rectangle(lon, lat, 700, 900, -100, 100),
      developmentType: 'housing',
      name: 'Estate East',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReviewBody;
    expect(body.sites.map((s) => [s.name, s.zone, s.advice])).toEqual([
      ['HIP Azotara Pančevo', 'middle', 'do_not_advise_against'],
    ]);
    expect(Math.abs(body.sites[0]!.distanceM - 700) / 700).toBeLessThan(0.01);
    expect(body.verdict).toBe('do_not_advise_against');
    expect(body.upstream).toBeNull();
  });

  it('a school on the same polygon is advised against (PADHI level 3 in the middle zone)', async () => {
    const { lon, lat } = (await siteNamed('Azotara')).location;
    const body = (await (
      await post('/api/planning/review', {
        geometry: rectangle(lon, lat, 700, 900, -100, 100),
        developmentType: 'school_hospital',
      })
    ).json()) as ReviewBody;
    expect(body.verdict).toBe('advise_against');
    expect(body.development.sensitivityLevel).toBe(3);
    expect(body.sites[0]?.rule).toMatch(/level 3 .* middle zone/);
  });

  it('a polygon spanning the Azotara and NIS refinery zones is advised against, worst site first', async () => {
    const { lon, lat } = (await siteNamed('Azotara')).location;
    // From 400 m east of Azotara to 200 m short of the refinery (790 m west, 1,112 m north of it).
    const body = (await (
      await post('/api/planning/review', {
        geometry: rectangle(lon, lat, -600, 400, 300, 900),
        developmentType: 'housing',
      })
    ).json()) as ReviewBody;
    const byName = Object.fromEntries(body.sites.map((s) => [s.name, s]));
    expect(byName['HIP Azotara Pančevo']).toMatchObject({ zone: 'inner', advice: 'advise_against' });
    expect(byName['NIS Pančevo oil refinery']).toMatchObject({ zone: 'inner', kasClass: 'III' });
    expect(body.verdict).toBe('advise_against');
    expect(body.sites[0]?.advice).toBe('advise_against');
    expect(body.verdictReason).toContain('most restrictive of');
  });

  it('checks a water intake for upstream sites within 24 h of travel', async () => {
    const { lon, lat } = (await siteNamed('Azotara')).location;
    const body = (await (
      await post('/api/planning/review', {
        geometry: { type: 'Point', coordinates: [lon + 0.005, lat] },
        developmentType: 'water_intake',
      })
    ).json()) as ReviewBody;
    expect(body.upstream?.ok).toBe(true);
    expect(body.upstream?.maxHours).toBe(24);
    const refinery = body.upstream?.sites.find((s) => s.name === 'NIS Pančevo oil refinery');
    expect(refinery).toBeDefined();
    expect(refinery!.arrivalH).toBeLessThanOrEqual(24);
  });

  it('answers nothing to advise on far from every site', async () => {
    const body = (await (
      await post('/api/planning/review', {
        geometry: { type: 'Point', coordinates: [10.0, 47.0] },
        developmentType: 'large_venue',
      })
    ).json()) as ReviewBody;
    expect(body.sites).toEqual([]);
    expect(body.verdict).toBe('do_not_advise_against');
  });

  it('refuses bad geometry with a 400 that says what to fix', async () => {
    const open = await post('/api/planning/review', {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [20, 44],
            [20.01, 44],
            [20.01, 44.01],
            [20, 44.01],
          ],
        ],
      },
      developmentType: 'housing',
    });
    expect(open.status).toBe(400);
    const openBody = (await open.json()) as { error: { code: string; message: string } };
    expect(openBody.error.code).toBe('INVALID_GEOMETRY');
    expect(openBody.error.message).toMatch(/closed: repeat the first position/);

    const bowtie = await post('/api/planning/review', {
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [20, 44],
            [20.01, 44.01],
            [20.01, 44],
            [20, 44.01],
            [20, 44],
          ],
        ],
      },
      developmentType: 'housing',
    });
    expect(bowtie.status).toBe(400);
    expect(((await bowtie.json()) as { error: { message: string } }).error.message).toMatch(/crosses itself/);

    const range = await post('/api/planning/review', {
      geometry: { type: 'Point', coordinates: [200, 44] },
      developmentType: 'housing',
    });
    expect(((await range.json()) as { error: { message: string } }).error.message).toMatch(/outside WGS84/);

    const line = await post('/api/planning/review', {
      geometry: {
        type: 'LineString',
        coordinates: [
          [20, 44],
          [20.1, 44],
        ],
      },
      developmentType: 'housing',
    });
    expect(((await line.json()) as { error: { message: string } }).error.message).toMatch(/Point or Polygon/);

    const type = await post('/api/planning/review', {
      geometry: { type: 'Point', coordinates: [20, 44] },
      developmentType: 'castle',
    });
    expect(type.status).toBe(400);
    const typeBody = (await type.json()) as { error: { code: string; details: { path: string }[] } };
    expect(typeBody.error.code).toBe('VALIDATION');
    expect(typeBody.error.details[0]?.path).toBe('developmentType');
  });
});

describe('screening', () => {
  it('flags sites near a border or whose river soon crosses one, with reasons', async () => {
    const res = await fetch(`${server.url}/api/screening/border?withinKm=50`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      screened: number;
      sites: { name: string; reasons: { code: string }[]; affectedCountries: string[] }[];
    };
    expect(body.screened).toBeGreaterThanOrEqual(71);
    const byName = Object.fromEntries(body.sites.map((s) => [s.name, s]));
    // Slovnaft (Bratislava): the Danube reaches the Slovak–Hungarian border 16.5 km downstream.
    expect(byName['Slovnaft refinery, Bratislava']?.reasons.map((r) => r.code)).toEqual([
      'river_crosses_border',
      'near_land_border',
    ]);
    expect(byName['Slovnaft refinery, Bratislava']?.affectedCountries[0]).toBe('HUN');
    // Burghausen stands 0.9 km from the Austrian border, but its river reaches it only after 96 km.
    expect(byName['Wacker Chemie Burghausen']?.reasons.map((r) => r.code)).toEqual(['near_land_border']);
    // Azomureș (Târgu Mureș) is 135 km from a border and 364 river km from Hungary.
    expect(byName['Azomureș fertiliser plant']).toBeUndefined();
    const wide = (await (await fetch(`${server.url}/api/screening/border?withinKm=400`)).json()) as {
      sites: { name: string }[];
    };
    expect(wide.sites.map((s) => s.name)).toContain('Azomureș fertiliser plant');
    expect((await fetch(`${server.url}/api/screening/border?withinKm=-3`)).status).toBe(400);
  });

  it('flags sites within a distance of a river and inside imported flood zones', async () => {
    const near = (await (await fetch(`${server.url}/api/screening/natech?riverWithinM=500`)).json()) as {
      sites: { name: string; reasons: { code: string; distanceM?: number }[] }[];
    };
    const duslo = near.sites.find((s) => s.name === 'Duslo Šaľa');
    expect(duslo?.reasons[0]).toMatchObject({ code: 'near_river' });
    expect(duslo!.reasons[0]!.distanceM).toBeLessThanOrEqual(500);
    const { lon, lat } = (await siteNamed('Azotara')).location;
    expect(near.sites.map((s) => s.name)).not.toContain('HIP Azotara Pančevo');
    const zone = await postAsEditor('/api/receptors', {
      kind: 'flood_zone',
      name: 'Danube 100-year flood plain (test)',
      geometry: rectangle(lon, lat, -2000, 2000, -2000, 2000),
    });
    expect(zone.status).toBe(201);
    const flagged = (await (await fetch(`${server.url}/api/screening/natech?riverWithinM=500`)).json()) as {
      sites: { name: string; reasons: { code: string; name?: string }[] }[];
    };
    const azotara = flagged.sites.find((s) => s.name === 'HIP Azotara Pančevo');
    expect(azotara?.reasons).toEqual([
      expect.objectContaining({ code: 'in_flood_zone', name: 'Danube 100-year flood plain (test)' }),
    ]);
    const { id } = (await zone.json()) as { id: string };
    await fetch(`${server.url}/api/receptors/${id}`, {
      method: 'DELETE',
      headers: authHeaders(server.editorToken),
    });
  });
});
