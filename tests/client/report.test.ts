// The client's report URLs against the real server: every URL the report view links to is accepted,
// and a release the report route cannot take (substance alone, volume) is not passed on.
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

  it('drops a substance without a mass and a release by volume (the report route takes releaseKg)', () => {
    expect(reportUrl(id, { substance: 'Benzene', format: 'json' })).toBe(
      `/api/sites/${id}/report?format=json`,
    );
    expect(reportParamsFrom({ releaseVolumeM3: 10, releaseConcentrationMgL: 5 })).toEqual({});
    expect(reportParamsFrom({ releaseKg: 7, substance: 'Cyanide', decayPerDay: 0.1 })).toEqual({
      releaseKg: 7,
      substance: 'Cyanide',
    });
    expect(reportParamsFrom(null)).toEqual({});
  });
});
