// The water-intake rule on real geography and saved planning reviews over real HTTP: an intake just
// below the Pančevo plants is advised against (citing them and the rule), one a day's travel down
// gets conditions, Belgrade's intake on the Sava is not weighed down by them; saving needs an editor,
// stores the server's own answer with an audit row, and lists, reopens and prints it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REVIEW_POSITIONS } from '../../server/http/routes/planning.js';
import { authHeaders, createToken } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer & { editorToken: string };
let viewerToken = '';
beforeAll(async () => {
  const dbPath = copyOfBuiltDb();
  server = await startServer(dbPath, { editorToken: true });
  viewerToken = createToken(dbPath, 'viewer');
});
afterAll(async () => {
  await server?.close();
});

interface Review {
  verdict: string;
  decidingRule: {
    id: string;
    source: string;
    siteIds: string[];
    text: { en: string; ru: string };
    explanation: { en: string; ru: string };
    policyChoice: boolean;
  };
  upstream: {
    ok: boolean;
    sites: { id: string; name: string; arrivalH: number; ruleId: string | null }[];
  } | null;
  citedSites: { id: string; name: string }[];
  citedZones: { features: { properties: { siteId: string; zone: string } }[] };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const review = async (lon: number, lat: number) =>
  (await (
    await fetch(
      `${server.url}/api/planning/review`,
      json({ geometry: { type: 'Point', coordinates: [lon, lat] }, developmentType: 'water_intake' }),
    )
  ).json()) as Review;

// The Pančevo industrial zone on the left bank of the Danube below Belgrade: HIP Azotara, HIP
// Petrohemija and the NIS refinery, Annex I hazardous activities in the seeded register (data/seed).
const PANCEVO_PLANTS = ['HIP Azotara Pančevo', 'HIP Petrohemija Pančevo', 'NIS Pančevo oil refinery'];
// A point on the Danube between Starčevo and Omoljica, ~11 river km below the plants.
const BELOW_PANCEVO = [20.75, 44.79] as const;
// The Danube at Smederevo, ~35 river km below the plants.
const SMEDEREVO = [20.93, 44.67] as const;
// Belgrade Waterworks' Makiš intake area on the Sava, upstream of the Sava–Danube confluence
// (Beogradski vodovod: the Makiš plant treats Sava water), so upstream of Pančevo's outfalls.
const MAKIS_SAVA = [20.4, 44.77] as const;

describe('the water-intake rule on real geography', () => {
  it('advises against an intake a few hours below three Annex I plants, citing them and the rule', async () => {
    const r = await review(...BELOW_PANCEVO);
    expect(r.verdict).toBe('advise_against');
    expect(r.decidingRule).toMatchObject({
      id: 'intake-high-hazard-near',
      source: 'water_intake',
      policyChoice: true,
    });
    expect(r.decidingRule.text.en).toContain('within 6 h');
    const cited = r.citedSites.filter((s) => r.decidingRule.siteIds.includes(s.id)).map((s) => s.name);
    expect(cited.sort()).toEqual([...PANCEVO_PLANTS].sort());
    for (const name of PANCEVO_PLANTS) {
      expect(r.decidingRule.explanation.en).toContain(name);
      expect(r.decidingRule.explanation.ru).toContain(`«${name}»`);
      const s = r.upstream?.sites.find((x) => x.name === name);
      expect(s?.arrivalH).toBeLessThan(6);
      expect(s?.ruleId).toBe('intake-high-hazard-near');
    }
    // The zones of every cited site come with the answer (three zones each).
    for (const id of r.decidingRule.siteIds)
      expect(
        r.citedZones.features.filter((f) => f.properties.siteId === id).map((f) => f.properties.zone),
      ).toEqual(['inner', 'middle', 'outer']);
  });

  it('advises with conditions at Smederevo, a day’s travel limit, and not against Belgrade’s Sava intake', async () => {
    const s = await review(...SMEDEREVO);
    expect(s.verdict).toBe('advise_with_conditions');
    expect(s.decidingRule.id).toBe('intake-upstream-conditions');
    for (const name of PANCEVO_PLANTS) {
      const site = s.upstream?.sites.find((x) => x.name === name);
      expect(site?.arrivalH).toBeGreaterThan(6);
      expect(site?.arrivalH).toBeLessThan(24);
    }
    const m = await review(...MAKIS_SAVA);
    expect(m.upstream?.ok).toBe(true);
    expect(m.upstream?.sites.map((x) => x.name)).not.toContain('HIP Azotara Pančevo');
    expect(m.verdict).toBe('do_not_advise_against');
    expect(m.decidingRule.id).toBe('outside-zones');
    expect(m.decidingRule.explanation.en).toMatch(/"Do not advise against" means .* not a permit/);
    expect(m.decidingRule.explanation.en).toContain('the water-intake rule does not apply');
  });
});

describe('saved planning reviews', () => {
  const body = {
    title: 'Starčevo intake, application 2026/41',
    reference: 'SRB-PA-2026/41',
    geometry: { type: 'Point', coordinates: [...BELOW_PANCEVO] },
    developmentType: 'water_intake',
    name: 'Proposed drinking-water intake',
  };
  const count = () =>
    server.services.db.prepare('SELECT COUNT(*) FROM planning_reviews').pluck().get() as number;
  let id = '';

  it('refuses anonymous (401) and viewer (403) saves, and saves nothing', async () => {
    const anon = await fetch(`${server.url}/api/planning/reviews`, json(body));
    expect(anon.status).toBe(401);
    const viewer = await fetch(`${server.url}/api/planning/reviews`, json(body, authHeaders(viewerToken)));
    expect(viewer.status).toBe(403);
    expect(count()).toBe(0);
  });

  it('refuses bad requests with a 400 that says what to fix', async () => {
    const post = (b: unknown) =>
      fetch(`${server.url}/api/planning/reviews`, json(b, authHeaders(server.editorToken)));
    const noTitle = await post({ ...body, title: undefined });
    expect(noTitle.status).toBe(400);
    expect(((await noTitle.json()) as { error: { message: string } }).error.message).toMatch(
      /title is required/,
    );
    const badType = await post({ ...body, developmentType: 'castle' });
    expect(badType.status).toBe(400);
    const extra = await post({ ...body, verdict: 'do_not_advise_against' });
    expect(extra.status).toBe(400);
    const open = await post({
      ...body,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [20, 44],
            [20.01, 44],
            [20.01, 44.01],
          ],
        ],
      },
    });
    expect(open.status).toBe(400);
    expect(((await open.json()) as { error: { code: string } }).error.code).toBe('INVALID_GEOMETRY');
    // More vertices than a review accepts (the planning route's cap).
    const ring = Array.from({ length: MAX_REVIEW_POSITIONS + 1 }, (_, i) => {
      const a = (2 * Math.PI * i) / (MAX_REVIEW_POSITIONS + 1);
      return [20.75 + 0.01 * Math.cos(a), 44.79 + 0.01 * Math.sin(a)];
    });
    const huge = await post({ ...body, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] } });
    expect(huge.status).toBe(400);
    expect(count()).toBe(0);
  });

  it('saves as an editor: the server’s own verdict, author, time and an audit row', async () => {
    const res = await fetch(
      `${server.url}/api/planning/reviews`,
      json(body, authHeaders(server.editorToken)),
    );
    expect(res.status).toBe(201);
    const saved = (await res.json()) as {
      id: string;
      verdict: string;
      author: string;
      createdAt: string;
      answer: Review;
    };
    id = saved.id;
    expect(res.headers.get('location')).toBe(`/api/planning/reviews/${id}`);
    expect(saved.verdict).toBe('advise_against');
    expect(saved.answer.decidingRule.id).toBe('intake-high-hazard-near');
    expect(saved.author).toMatch(/^test-editor \(token \d+\)$/);
    expect(Date.now() - Date.parse(saved.createdAt)).toBeLessThan(60_000);
    const audit = server.services.db
      .prepare("SELECT actor, target, outcome FROM audit_log WHERE action = 'planning_review.save'")
      .all();
    expect(audit).toEqual([{ actor: saved.author, target: `planning_review:${id}`, outcome: 'ok' }]);
  });

  it('lists with paging and reopens the stored answer', async () => {
    await fetch(
      `${server.url}/api/planning/reviews`,
      json({ ...body, title: 'Second case' }, authHeaders(server.editorToken)),
    );
    const page = (await (await fetch(`${server.url}/api/planning/reviews?limit=1`)).json()) as {
      total: number;
      limit: number;
      items: { id: string; title: string; verdict: string; reference: string | null }[];
    };
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.title)).toEqual(['Second case']);
    const next = (await (
      await fetch(`${server.url}/api/planning/reviews?limit=1&offset=1`)
    ).json()) as typeof page;
    expect(next.items).toMatchObject([
      { id, title: body.title, reference: body.reference, verdict: 'advise_against' },
    ]);
    expect((await fetch(`${server.url}/api/planning/reviews?limit=0`)).status).toBe(400);

    const one = (await (await fetch(`${server.url}/api/planning/reviews/${id}`)).json()) as {
      request: { geometry: unknown; developmentType: string };
      answer: Review;
    };
    expect(one.request).toEqual({
      geometry: body.geometry,
      developmentType: 'water_intake',
      name: body.name,
    });
    expect(one.answer.decidingRule.siteIds.length).toBe(3);
    expect(one.answer.citedZones.features.length).toBe(9);
    expect(
      (await fetch(`${server.url}/api/planning/reviews/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
  });

  it('prints the saved review as a styled page under the CSP, in English and Russian', async () => {
    const res = await fetch(`${server.url}/api/planning/reviews/${id}/print`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    const page = await res.text();
    expect(page).toContain('Starčevo intake, application 2026/41');
    expect(page).toContain('data-verdict="advise_against"');
    expect(page).toContain('<svg class="sketch"');
    for (const name of PANCEVO_PLANTS) expect(page).toContain(name);
    const ru = await (await fetch(`${server.url}/api/planning/reviews/${id}/print?lang=ru`)).text();
    expect(ru).toContain('Не рекомендуется');
    expect(ru).toContain('Решающее правило');
    expect((await fetch(`${server.url}/api/planning/reviews/${id}/print?lang=de`)).status).toBe(400);
  });
});
