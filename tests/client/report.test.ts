// The client's report URLs against the real server: every URL the report view links to is accepted,
// the whole release scenario of the trace is carried over, and a substance without a mass is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsUrl, reportParamsFrom, reportUrl } from '../../client/src/lib/report.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
let id: string;
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  const list = (await (await fetch(`${server.url}/api/sites?q=Schwechat`)).json()) as {
    items: { id: string }[];
  };
  id = list.items[0]!.id;
});
afterAll(async () => server?.close());

describe('report URLs', () => {
  it('carry the release to the report and notification routes, which accept them', async () => {
    const p = { releaseKg: 500, substance: 'Benzene' };
    const urls = [
      reportUrl(id, { ...p, format: 'html' }),
      reportUrl(id, { ...p, format: 'csv' }),
      reportUrl(id, { format: 'json' }),
      notificationsUrl(id, { ...p, format: 'html', lang: 'ru' }),
      notificationsUrl(id, { ...p, format: 'json', lang: 'en' }),
    ];
    expect(urls[0]).toBe(`/api/sites/${id}/report?format=html&releaseKg=500&substance=Benzene`);
    expect(urls[3]).toBe(
      `/api/sites/${id}/notifications?format=html&releaseKg=500&substance=Benzene&lang=ru`,
    );
    expect(urls[4]).not.toContain('lang=');
    for (const u of urls) expect((await fetch(`${server.url}${u}`)).status, u).toBe(200);
  });

  it('carries the whole release scenario and drops a substance without a mass', async () => {
    expect(reportUrl(id, { substance: 'Benzene', format: 'json' })).toBe(
      `/api/sites/${id}/report?format=json`,
    );
    expect(reportParamsFrom({ substance: 'Benzene', decayPerDay: 0.1 })).toEqual({});
    const byVolume = {
      releaseVolumeM3: 10,
      releaseConcentrationMgL: 5,
      dischargeFactor: 0.5,
      limitMgL: 0.01,
    };
    expect(reportParamsFrom(byVolume)).toEqual(byVolume);
    const url = reportUrl(id, { ...reportParamsFrom(byVolume), format: 'json' });
    expect(url).toBe(
      `/api/sites/${id}/report?format=json&releaseVolumeM3=10&releaseConcentrationMgL=5&dischargeFactor=0.5&limitMgL=0.01`,
    );
    // The server takes the scenario: 10 m³ at 5 mg/L is 0.05 kg, at half the mean flow.
    const res = await fetch(`${server.url}${url}`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as { release: { massKg: number } | null };
    expect(report.release?.massKg).toBeCloseTo(0.05, 6);
    expect(reportParamsFrom(null)).toEqual({});
  });
});
