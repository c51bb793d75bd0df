// /api/sites/:id/report and /notifications over a real server on a copy of the real database:
// HTML escaped and self-contained, JSON and CSV fields, one draft per affected country in order of
// arrival, zones agreeing with /zones, strict parameters (400) and unknown sites (404).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDraft } from '../../server/core/report/notification-model.js';
import type { SiteReport } from '../../server/core/report/report-model.js';
import { readSeed } from '../../server/storage/site-seed.js';
import { createSite } from '../../server/storage/site-store.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
let schwechat: string;
let evilId: string;
const EVIL_NAME = 'Tank farm <script>alert(1)</script> & "Co"';

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  const list = (await (await fetch(`${server.url}/api/sites?q=Schwechat`)).json()) as {
    items: { id: string; name: string }[];
  };
  schwechat = list.items.find((s) => s.name === 'OMV Schwechat refinery')!.id;
  // A user-named site next to the refinery, written through the storage layer.
  const { id: _id, ...fields } = readSeed().find((s) => s.name === 'OMV Schwechat refinery')!;
  evilId = createSite(server.services.db, server.services.hydrology, { ...fields, name: EVIL_NAME }).id;
});
afterAll(async () => server?.close());

const get = (path: string) => fetch(`${server.url}/api${path}`);
const getJson = async <T>(path: string): Promise<T> => {
  const res = await get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

describe('GET /api/sites/:id/report', () => {
  it('serves printable HTML with the site name escaped, no scripts and the trace table', async () => {
    const res = await get(`/sites/${evilId}/report?releaseKg=2000&substance=Benzene`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const page = await res.text();
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(page.trim().endsWith('</html>')).toBe(true);
    expect(page).toContain('Tank farm &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<h3>Countries in order</h3>');
    expect(page).toContain('Slovakia (SVK)');
    expect(page).toContain('Release scenario: <strong>2,000 kg</strong> of <strong>Benzene</strong>');
    // Balanced sections and tables: well-formed enough to print.
    const count = (re: RegExp) => (page.match(re) ?? []).length;
    expect(count(/<table/g)).toBe(count(/<\/table>/g));
    expect(count(/<tr[\s>]/g)).toBe(count(/<\/tr>/g));
  });

  it('prints the report in Russian with lang=ru', async () => {
    const res = await get(`/sites/${schwechat}/report?lang=ru&releaseKg=2500&limitMgL=0.05`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('<h1>Трансграничный отчёт: OMV Schwechat refinery</h1>');
    expect(page).toMatch(/Сценарий выброса: <strong>2\s500 кг<\/strong>/);
    expect(page).toContain('<h3>Страны по порядку</h3>');
    expect(page).toContain('нефтепереработка');
    // Hours with a decimal comma and Russian units, e.g. "11,3 ч (7,5 ч)".
    expect(page).toMatch(/\d+,\d ч \(\d+,\d ч\)/);
    expect((await get(`/sites/${schwechat}/report?lang=fr`)).status).toBe(400);
  });

  it('answers JSON with countries in river order and arrivals for a release', async () => {
    const r = await getJson<SiteReport>(
      `/sites/${schwechat}/report?format=json&releaseKg=10000&limitMgL=0.05`,
    );
    expect(r.report).toBe('hazatlas-site-report');
    expect(r.site).toMatchObject({ id: schwechat, name: 'OMV Schwechat refinery', countryIso3: 'AUT' });
    if (r.trace.status !== 'ok') throw new Error('no trace');
    expect(r.trace.countries.map((c) => c.iso3)).toEqual([
      'AUT',
      'SVK',
      'SVK',
      'HUN',
      'HRV',
      'SRB',
      'SRB',
      'BGR',
      'ROU',
      'ROU',
    ]);
    expect(r.trace.countries.every((c) => c.arrival !== null)).toBe(true);
    expect(r.release).toMatchObject({ massKg: 10000, limitMgL: 0.05 });
    expect(r.threshold?.countriesAbove).toContain('SVK');
    expect(r.indices.annexI?.hazardous).toBe(true);
    expect(r.trace.path.features.length).toBeGreaterThan(10);
  });

  it('matches the same trace as GET /api/trace from the site', async () => {
    const r = await getJson<SiteReport>(`/sites/${schwechat}/report?format=json&releaseKg=500`);
    const t = await getJson<{ countries: { iso3: string; entryKm: number; arrival: unknown }[] }>(
      `/trace?siteId=${schwechat}&releaseKg=500`,
    );
    if (r.trace.status !== 'ok') throw new Error('no trace');
    expect(r.trace.countries.map((c) => [c.iso3, c.entryKm, c.arrival])).toEqual(
      t.countries.map((c) => [c.iso3, c.entryKm, c.arrival]),
    );
  });

  it('includes the consultation zones and receptors of GET /api/sites/:id/zones', async () => {
    // Almalyk: the town of Olmaliq lies in the outer zone of the fertiliser plant.
    const almalyk = ((await (await get('/sites?q=Ammofos')).json()) as { items: { id: string }[] }).items[0]!
      .id;
    const r = await getJson<SiteReport>(`/sites/${almalyk}/report?format=json`);
    const z = await getJson<{ zoneRule: { kasClass: string }; receptors: Record<string, { id: string }[]> }>(
      `/sites/${almalyk}/zones`,
    );
    expect(r.zones?.kasClass).toBe(z.zoneRule.kasClass);
    expect(r.zones?.receptors.map((p) => [p.name, p.zone])).toContainEqual(['Olmaliq', 'outer']);
    expect(r.zones?.receptors.map((p) => p.id).sort()).toEqual(
      Object.values(z.receptors)
        .flat()
        .map((p) => p.id)
        .sort(),
    );
  });

  it('answers CSV with one row per country, crossing and outlet', async () => {
    const res = await get(`/sites/${schwechat}/report?format=csv&releaseKg=1000`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename=hazatlas-report-${schwechat}.csv`,
    );
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const countries = rows.filter((x) => x.item === 'country');
    expect(countries.map((x) => x.code)).toEqual([
      'AUT',
      'SVK',
      'SVK',
      'HUN',
      'HRV',
      'SRB',
      'SRB',
      'BGR',
      'ROU',
      'ROU',
    ]);
    expect(countries[2]!.shared_with).toBe('HUN');
    expect(Number(countries[1]!.peak_h_probable)).toBeGreaterThan(0);
    expect(rows.some((x) => x.item === 'crossing' && x.code === 'AUT>SVK')).toBe(true);
    expect(rows.some((x) => x.item === 'outlet' && x.name === 'Black Sea')).toBe(true);
  });

  it('refuses bad parameters with 400 saying what to fix', async () => {
    for (const [q, field] of [
      ['format=pdf', 'format'],
      ['releaseKg=-5', 'releaseKg'],
      ['releaseKg=abc', 'releaseKg'],
      ['releaseKg=10&decayPerDay=1000', 'decayPerDay'],
      ['releaseKg=10&dischargeFactor=0', 'dischargeFactor'],
      ['colour=red', ''],
    ] as const) {
      const res = await get(`/sites/${schwechat}/report?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('INVALID_QUERY');
      expect(body.error.message).toContain(field || 'colour');
    }
    const noMass = await get(`/sites/${schwechat}/report?substance=Benzene`);
    expect(noMass.status).toBe(400);
    expect(((await noMass.json()) as { error: { message: string } }).error.message).toMatch(/releaseKg/);
  });

  it('answers 404 for an unknown site', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'no-such-site']) {
      const res = await get(`/sites/${id}/report?format=json`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });
});

describe('GET /api/sites/:id/notifications', () => {
  it('drafts one notification per affected country, ordered by arrival, times after accidentAt', async () => {
    const accidentAt = '2026-03-01T06:30:00Z';
    const drafts = await getJson<NotificationDraft[]>(
      `/sites/${schwechat}/notifications?releaseKg=10000&substance=Benzene&accidentAt=${accidentAt}`,
    );
    expect(drafts.map((d) => d.notifiedCountry.iso3)).toEqual([
      'SVK',
      'HUN',
      'HRV',
      'SRB',
      'ROU',
      'BGR',
      'UKR',
    ]);
    const leading = drafts.map((d) => d.possibleTransboundaryEffects.arrival!.leadingEdgeH.probable);
    expect([...leading].sort((a, b) => a - b)).toEqual(leading);
    for (const d of drafts) {
      expect(d.reportType).toBe('early_warning_and_information');
      expect(d.notifyingCountry.iso3).toBe('AUT');
      expect(d.accident.dateTime).toBe('2026-03-01T06:30:00.000Z');
      expect(d.substances.released).toMatchObject({ substance: 'Benzene', quantityKg: 10000 });
      expect(d.location).toMatchObject({ lon: 16.5, lat: 48.15 });
      const e = d.possibleTransboundaryEffects;
      expect(Date.parse(e.peakAt!.probable)).toBe(
        Math.round(Date.parse(accidentAt) + e.arrival!.peakH.probable * 3_600_000),
      );
    }
  });

  it('serves printable HTML with one section (page) per country and the name escaped', async () => {
    const res = await get(`/sites/${evilId}/notifications?format=html&releaseKg=100`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('Tank farm &lt;script&gt;');
    const countries = [...page.matchAll(/<section class="notification" data-country="([A-Z]{3})"/g)].map(
      (m) => m[1],
    );
    expect(countries).toEqual(['SVK', 'HUN', 'HRV', 'SRB', 'ROU', 'BGR', 'UKR']);
  });

  it('prints the drafts in Russian with lang=ru', async () => {
    const res = await get(
      `/sites/${schwechat}/notifications?format=html&lang=ru&releaseKg=1000&substance=Benzene`,
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain('Доклад о раннем оповещении и информации — ПРОЕКТ');
    expect(page).toContain('<span class="placeholder">[заполняется уведомляющим пунктом связи]</span>');
    expect(page).toMatch(/1\s000 кг \(сценарий\)/);
    expect(page.match(/<section class="notification"/g)).toHaveLength(7);
  });

  it('refuses a bad accident time, format or language and answers 404 for an unknown site', async () => {
    for (const q of [
      'accidentAt=yesterday',
      'accidentAt=2026-03-01T06:30:00',
      'format=csv',
      'releaseKg=0',
      'lang=de',
    ]) {
      const res = await get(`/sites/${schwechat}/notifications?${q}`);
      expect(res.status, q).toBe(400);
    }
    expect((await get('/sites/00000000-0000-4000-8000-000000000000/notifications')).status).toBe(404);
  });
});
