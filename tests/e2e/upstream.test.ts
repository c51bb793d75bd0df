// Upstream threats in the real browser: the map mode, a click near Izmail on the Danube Delta, the
// ranked list as the API gives it, the limit, and a site opened from the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { clickLonLat, jumpTo, waitForFirstIdle } from './map-helpers.js';

let server: RunningServer;
let session: BrowserSession;
beforeAll(async () => {
  server = await startServer(builtDbPath());
  session = await openBrowser(server.url, { suite: 'upstream' });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('upstream threats panel', () => {
  it('lists the Danube sites upstream of a clicked point, by arrival and by hazard', async () => {
    const { page } = session;
    await page.goto(`${server.url}/?lang=en`);
    await waitForFirstIdle(page);
    await jumpTo(page, 28.83, 45.35, 9);
    await page.getByRole('button', { name: 'Upstream threats' }).click();
    await clickLonLat(page, 28.83, 45.35);
    const panel = page.getByTestId('upstream-panel');
    const summary = panel.getByTestId('upstream-summary');
    await summary.waitFor();
    const api = (await (await fetch(`${server.url}/api/upstream?lon=28.83&lat=45.35&limit=100`)).json()) as {
      total: number;
      sites: { id: string; name: string }[];
      rankedByArrival: string[];
      rankedByHazard: string[];
    };
    expect(await summary.textContent()).toContain(`${api.total} registered sites`);
    expect(await summary.textContent()).toMatch(/SRB/);
    const names = () => panel.locator('tbody tr td:first-child button').allTextContents();
    const nameOf = (id: string) => api.sites.find((s) => s.id === id)!.name;
    // Clicked a few pixels off the exact point: compare the first ranks, which lie far apart.
    expect((await names())[0]).toBe(nameOf(api.rankedByArrival[0]!));
    await session.screenshot('by-arrival');
    await panel.getByLabel('By hazard').check();
    expect((await names())[0]).toBe(nameOf(api.rankedByHazard[0]!));

    await panel.getByLabel('Within km').fill('100');
    await expect.poll(async () => (await names()).length, { timeout: 10_000 }).toBeLessThan(api.total);
    expect(await summary.textContent()).not.toContain(`${api.total} registered sites`);
    await session.screenshot('within-100-km');

    const first = (await names())[0]!;
    await panel.locator('tbody tr td:first-child button').first().click();
    await page.getByRole('heading', { name: first }).waitFor();
    expect(session.errors).toEqual([]);
  });
});
