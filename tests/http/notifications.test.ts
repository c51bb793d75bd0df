// The notification timeline along a trace under a plan, from a real Syr Darya site and a real Danube
// Delta site; notification drafts prefilled from the plan in English and Russian; and a table-top
// exercise through the API: injects in time order, actions, and the after-action report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createToken } from '../support/auth.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer & { editorToken: string };
let viewer: Record<string, string>;
let editor: Record<string, string>;
beforeAll(async () => {
  const db = copyOfBuiltDb();
  server = await startServer(db, { editorToken: true });
  viewer = authHeaders(createToken(db, 'viewer'));
  editor = authHeaders(server.editorToken);
});
afterAll(async () => server?.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api${path}`, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = editor) =>
  fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** A seeded site's id by name (ids are generated at build time). */
function siteIdNamed(name: string): string {
  const id = server.services.db.prepare('SELECT id FROM sites WHERE name = ?').pluck().get(name);
  if (typeof id !== 'string') throw new Error(`no seeded site ${name}`);
  return id;
}

type Pair = { probable: string; bound: string };
type N =
  | {
      kind: 'country';
      iso3: string;
      arrivalAt: Pair;
      notifyBy: string;
      rule: string;
      reason: string;
      contacts: unknown;
    }
  | {
      kind: 'station';
      stationId: string;
      name: string;
      riverKm: number;
      arrivalAt: Pair;
      peakMgL: { probable: number };
    };

const HOUR = 3_600_000;
const RELEASED = '2026-03-01T06:00:00Z';

async function timeline(siteName: string, plan: string, headers: Record<string, string> = {}) {
  const id = siteIdNamed(siteName);
  const res = await get(`/trace?siteId=${id}&releaseKg=1000&releasedAt=${RELEASED}&plan=${plan}`, headers);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    notifications: N[];
    notificationPlan: { plan: { rule: { leadTimeH: number; immediateWithinH: number } }; originIso3: string };
  };
}

function checkTimes(ns: N[], leadTimeH: number, withinH: number) {
  // Ordered by the probable arrival; the maximum-probable (bound) arrival is never later than it.
  const t = ns.map((n) => Date.parse(n.arrivalAt.probable));
  expect(t).toEqual([...t].sort((a, b) => a - b));
  for (const n of ns)
    expect(Date.parse(n.arrivalAt.bound)).toBeLessThanOrEqual(Date.parse(n.arrivalAt.probable));
  for (const n of ns) {
    if (n.kind !== 'country') continue;
    const arrival = Date.parse(n.arrivalAt.probable);
    if (n.rule === 'lead_time') expect(arrival - Date.parse(n.notifyBy)).toBe(leadTimeH * HOUR);
    else expect(Date.parse(n.notifyBy)).toBe(Date.parse(RELEASED) + withinH * HOUR);
    expect(Date.parse(n.notifyBy)).toBeLessThan(arrival);
  }
}

describe('notification timeline on GET /api/trace', () => {
  it('Mailuu-Suu uranium tailings (KGZ): Uzbekistan, Tajikistan, Kazakhstan in order, stations down the Syr Darya', async () => {
    const { notifications: ns, notificationPlan: p } = await timeline(
      'Mailuu-Suu uranium tailings',
      'syr-darya',
    );
    expect(p.originIso3).toBe('KGZ');
    // The Mailuu-Suu drains to the Kara Darya in Uzbekistan's Fergana valley; the Syr Darya then crosses
    // Tajikistan (Khujand, Kayrakkum) and re-enters Uzbekistan before Kazakhstan (UNECE Second Assessment 2011).
    expect(ns.filter((n) => n.kind === 'country').map((n) => (n as { iso3: string }).iso3)).toEqual([
      'UZB',
      'TJK',
      'KAZ',
    ]);
    const stations = ns
      .filter((n) => n.kind === 'station')
      .map((n) => (n as { stationId: string }).stationId);
    // Mailuu-Suu drains by the Mailuu-Suu and the Kara Darya (network supplement), which meets the Naryn
    // below the Uchkurgan post: the first station on its path is on the Syr Darya.
    expect(stations).not.toContain('naryn-uchkurgan');
    expect(stations).toEqual([
      'syrdarya-kayrakkum',
      'syrdarya-bekabad',
      'syrdarya-chinaz',
      'syrdarya-shardara',
      'syrdarya-kyzylorda',
      'syrdarya-kazalinsk',
    ]);
    // Kayrakkum (Tajikistan) before Kazakhstan's border, Shardara after it.
    const at = (key: string) => ns.findIndex((n) => (n.kind === 'country' ? n.iso3 : n.stationId) === key);
    expect(at('syrdarya-kayrakkum')).toBeLessThan(at('KAZ'));
    expect(at('KAZ')).toBeLessThan(at('syrdarya-shardara'));
    checkTimes(ns, p.plan.rule.leadTimeH, p.plan.rule.immediateWithinH);
    // Kazakhstan is days downstream: warned by the plan's 24 h lead time, not at once.
    const kaz = ns.find((n) => n.kind === 'country' && n.iso3 === 'KAZ') as Extract<N, { kind: 'country' }>;
    expect(kaz.rule).toBe('lead_time');
    expect(kaz.reason).toMatch(/24 h before/);
  });

  it('Liberty Galați steel works (ROU): Ukraine, then Reni, Isaccea and the Kilia arm stations', async () => {
    const { notifications: ns, notificationPlan: p } = await timeline(
      'Liberty Galați steel works (former ArcelorMittal Galați)',
      'danube-delta',
    );
    expect(p.originIso3).toBe('ROU');
    // Below Galați the Danube becomes the Romania–Ukraine border (after the Prut mouth, Danube km ≈ 134).
    const countries = ns.filter((n) => n.kind === 'country').map((n) => (n as { iso3: string }).iso3);
    expect(countries[0]).toBe('UKR');
    const stations = ns
      .filter((n) => n.kind === 'station')
      .map((n) => (n as { stationId: string }).stationId);
    expect(stations.slice(0, 2)).toEqual(['danube-reni', 'danube-isaccea']);
    // Reni (Danube km 132) is reached before Isaccea (km 100), which is before Vylkove on the Kilia arm.
    expect(stations.indexOf('danube-isaccea')).toBeLessThan(stations.indexOf('kilia-vilkove'));
    checkTimes(ns, p.plan.rule.leadTimeH, p.plan.rule.immediateWithinH);
    const ukr = ns[0] as Extract<N, { kind: 'country' }>;
    expect(ukr.rule).toBe('lead_time');
  });

  it('asks for notification at once where the peak exceeds the plan’s limit (1,000 t at Galați)', async () => {
    const id = siteIdNamed('Liberty Galați steel works (former ArcelorMittal Galați)');
    const res = await get(`/trace?siteId=${id}&releaseKg=1000000&releasedAt=${RELEASED}&plan=danube-delta`);
    const { notifications } = (await res.json()) as { notifications: N[] };
    const ukr = notifications.find((n) => n.kind === 'country' && n.iso3 === 'UKR') as Extract<
      N,
      { kind: 'country' }
    > & {
      peakMgL: { bound: number };
    };
    // The seeded Delta plan's example limit is 10 mg/L, "at once" meaning within 1 h of the release.
    expect(ukr.peakMgL.bound).toBeGreaterThan(10);
    expect(ukr.rule).toBe('limit_exceeded');
    expect(ukr.notifyBy).toBe('2026-03-01T07:00:00.000Z');
  });

  it('uses the plan covering the start when none is named', async () => {
    const res = await get(`/trace?lon=65.51&lat=44.9&releaseKg=100&releasedAt=${RELEASED}`);
    const body = (await res.json()) as { notificationPlan: { plan: { id: string; chosen: string } } };
    expect(body.notificationPlan.plan).toMatchObject({ id: 'syr-darya', chosen: 'covering' });
  });

  it('leaves the plain trace and the release trace unchanged without releasedAt', async () => {
    const body = (await (await get('/trace?lon=72.45&lat=41.27&releaseKg=1000')).json()) as Record<
      string,
      unknown
    >;
    expect(body.notifications).toBeUndefined();
    expect(body.release).toBeDefined();
  });

  it.each([
    ['releasedAt=2026-03-01T06:00:00&releaseKg=10', /ISO 8601 date-time with a time zone/],
    ['releasedAt=2026-03-01T06:00:00Z', /releasedAt needs a release/],
    ['plan=syr-darya&releaseKg=10', /plan needs releasedAt/],
    ['plan=Bad_Id&releasedAt=2026-03-01T06:00:00Z&releaseKg=10', /plan must be a plan id/],
    ['plan=no-such-plan&releasedAt=2026-03-01T06:00:00Z&releaseKg=10', /No plan has id "no-such-plan"/],
  ])('answers 400 saying what to fix: %s', async (q, message) => {
    const res = await get(`/trace?lon=72.45&lat=41.27&${q}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
  });
});

/** The deadline as the drafts print it ("2026-03-13 04:24 UTC"): Kazakhstan's, from the trace's own timeline. */
async function kazakhDeadline(): Promise<string> {
  const { notifications } = await timeline('Mailuu-Suu uranium tailings', 'syr-darya');
  const kaz = notifications.find((n) => n.kind === 'country' && n.iso3 === 'KAZ') as { notifyBy: string };
  return `${kaz.notifyBy.slice(0, 10)} ${kaz.notifyBy.slice(11, 16)} UTC`;
}

describe('notification drafts prefilled from the plan', () => {
  const q = (lang: string) =>
    `/sites/${siteIdNamed('Mailuu-Suu uranium tailings')}/notifications?plan=syr-darya&releaseKg=1000&accidentAt=${RELEASED}&format=html&lang=${lang}`;

  it('in English: both countries’ contact points and the deadline, for a logged-in reader', async () => {
    const html = await (await get(q('en'), viewer)).text();
    expect(html).toMatch(/Joint contingency plan and deadline/);
    // The notified Kazakhstan's and the notifying Kyrgyzstan's 24/7 points of contact, from the plan.
    expect(html).toMatch(/Ministry of Emergency Situations of the Republic of Kazakhstan/);
    expect(html).toMatch(/Ministry of Emergency Situations of the Kyrgyz Republic/);
    expect(html).toContain(`class="deadline">${await kazakhDeadline()}`);
  });

  it('in Russian, with the same deadline', async () => {
    const html = await (await get(q('ru'), viewer)).text();
    expect(html).toMatch(/Совместный план действий/);
    expect(html).toMatch(/Уведомить до/);
    expect(html).toMatch(/Контактные пункты уведомляемой страны/);
    expect(html).toContain(await kazakhDeadline());
  });

  it('as JSON: the deadline equals the trace timeline’s; contacts hidden from anonymous readers', async () => {
    const json = q('en').replace('format=html', 'format=json');
    const drafts = (await (await get(json, viewer)).json()) as {
      notifiedCountry: { iso3: string };
      plan: { notifyBy: string; notifiedContacts: unknown[] | null };
      notifyingCountry: { pointOfContact: { organisation: string } };
    }[];
    const { notifications } = await timeline('Mailuu-Suu uranium tailings', 'syr-darya');
    for (const d of drafts) {
      const n = notifications.find((x) => x.kind === 'country' && x.iso3 === d.notifiedCountry.iso3) as {
        notifyBy: string;
      };
      expect(d.plan.notifyBy).toBe(n.notifyBy);
      expect(d.plan.notifiedContacts?.length).toBeGreaterThan(0);
      expect(d.notifyingCountry.pointOfContact.organisation).toBe(
        'Ministry of Emergency Situations of the Kyrgyz Republic',
      );
    }
    const anon = (await (await get(json)).json()) as typeof drafts;
    expect(anon.every((d) => d.plan.notifiedContacts === null)).toBe(true);
  });
});

describe('table-top exercise over the API', () => {
  let id = '';
  it('refuses anonymous callers and bad scenarios with what to fix', async () => {
    const body = {
      name: 'TTX',
      lon: 72.45,
      lat: 41.27,
      releaseKg: 1000,
      startAt: RELEASED,
      plan: 'syr-darya',
    };
    expect((await post('/exercises', body, {})).status).toBe(401);
    const noStart = await post('/exercises', { ...body, startAt: undefined });
    expect(noStart.status).toBe(400);
    expect(JSON.stringify(await noStart.json())).toMatch(/startAt must be an ISO 8601 date-time/);
    const noPoint = await post('/exercises', { ...body, lon: undefined });
    expect(noPoint.status).toBe(400);
    expect(JSON.stringify(await noPoint.json())).toMatch(/give both lon and lat/);
    const badPlan = await post('/exercises', { ...body, plan: 'no-such-plan' });
    expect(badPlan.status).toBe(400);
    // A point in the Aral Sea's open water is not on land.
    const sea = await post('/exercises', { ...body, lon: 59.5, lat: 45.3 });
    expect(sea.status).toBe(400);
    expect(server.services.db.prepare('SELECT COUNT(*) FROM exercises').pluck().get()).toBe(0);
  });

  it('creates an exercise from a registered site and plays its injects in time order', async () => {
    const res = await post('/exercises', {
      name: 'Syr Darya table-top 2026',
      siteId: siteIdNamed('Mailuu-Suu uranium tailings'),
      releaseKg: 1000,
      substance: 'uranium',
      startAt: RELEASED,
      plan: 'syr-darya',
    });
    expect(res.status).toBe(201);
    id = ((await res.json()) as { id: string }).id;
    expect((await get(`/exercises/${id}`)).status).toBe(200);
    const t = (await (await get(`/exercises/${id}/timeline`)).json()) as {
      injects: { at: string; kind: string; iso3?: string; first?: boolean }[];
    };
    const times = t.injects.map((i) => Date.parse(i.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(t.injects[0]).toMatchObject({ kind: 'release', at: '2026-03-01T06:00:00.000Z' });
    const kinds = new Set(t.injects.map((i) => i.kind));
    for (const k of ['station_detection', 'border_arrival', 'notification_due']) expect(kinds).toContain(k);
    expect(t.injects.filter((i) => i.kind === 'station_detection' && i.first)).toHaveLength(1);
    expect(t.injects.filter((i) => i.kind === 'notification_due').map((i) => i.iso3)).toEqual([
      'UZB',
      'TJK',
      'KAZ',
    ]);
    expect((await get('/exercises/nope/timeline')).status).toBe(404);
  });

  it('logs actions and reports each against its deadline: on time, late, missing', async () => {
    const on = await post(`/exercises/${id}/actions`, {
      kind: 'notification_sent',
      iso3: 'UZB',
      at: '2026-03-01T06:40:00Z',
    });
    expect(on.status).toBe(201);
    // Tajikistan is due 24 h before the probable arrival (the exercise's own timeline); sent 2 h late.
    const injects = (
      (await (await get(`/exercises/${id}/timeline`)).json()) as {
        injects: { at: string; kind: string; iso3?: string }[];
      }
    ).injects;
    const due = injects.find((i) => i.kind === 'notification_due' && i.iso3 === 'TJK');
    expect(due).toBeDefined();
    await post(`/exercises/${id}/actions`, {
      kind: 'notification_sent',
      iso3: 'TJK',
      at: new Date(Date.parse(due!.at) + 2 * HOUR).toISOString(),
    });
    // The first station the plume reaches, sampled in time (the exercise's own first detection inject).
    const firstStation = injects.find((i) => i.kind === 'station_detection') as {
      stationId?: string;
      at: string;
    };
    await post(`/exercises/${id}/actions`, {
      kind: 'station_sampled',
      stationId: firstStation.stationId,
      at: firstStation.at,
    });
    const bad = await post(`/exercises/${id}/actions`, {
      kind: 'notification_sent',
      at: '2026-03-01T07:00:00Z',
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/say which country was notified/);
    const early = await post(`/exercises/${id}/actions`, { kind: 'other', at: '2026-02-28T07:00:00Z' });
    expect(early.status).toBe(400);

    const report = (await (await get(`/exercises/${id}/report`)).json()) as {
      counts: Record<string, number>;
      items: { iso3: string | null; verdict: string; delayMin: number | null }[];
    };
    const verdict = (iso3: string) => report.items.find((i) => i.iso3 === iso3);
    expect(verdict('UZB')).toMatchObject({ verdict: 'on_time' });
    expect(verdict('TJK')).toMatchObject({ verdict: 'late', delayMin: 120 });
    expect(verdict('KAZ')).toMatchObject({ verdict: 'missing', delayMin: null });
    expect(report.counts).toEqual({ on_time: 2, late: 1, missing: 1 });

    const html = await (await get(`/exercises/${id}/report?format=html`)).text();
    expect(html).toMatch(/<tr data-verdict="late"><td>Notify Tajikistan \(TJK\)/);
    expect(html).toMatch(/<tr data-verdict="missing"><td>Notify Kazakhstan \(KAZ\)/);
    expect((await get(`/exercises/${id}/report?format=pdf`)).status).toBe(400);
  });
});
