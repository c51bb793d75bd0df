// "Trace downstream" from a registered site in the real browser: the trace starts at the site's stored
// connection (by siteId, kept in the permalink), and a site far from the river network is told which
// first km are not in the network. Needs the built client (`npm run build:client`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;
let fergana: string;

beforeAll(async () => {
  server = await startServer(builtDbPath());
  fergana = server.services.db
    .prepare('SELECT id FROM sites WHERE name = ?')
    .pluck()
    .get('Fergana oil refinery') as string;
  b = await openBrowser(server.url, { suite: 'site-trace' });
});

afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('site trace in Chromium', () => {
  it('traces the Fergana refinery (≈50 km from the Syr Darya line) and says the first km are not timed', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en&site=${fergana}`);
    await waitForFirstIdle(page);
    await page.locator('[data-testid=site-panel]').getByRole('button', { name: 'Trace downstream' }).click();
    const panel = page.locator('[data-testid=trace-panel]');
    await panel.locator('[data-testid=trace-countries]').waitFor();
    const note = panel.locator('[data-testid=trace-note]').first();
    expect(await note.textContent()).toMatch(
      /^The first \d+ km, from the site to the [^,]+, are not in the river network and are not timed\.$/,
    );
    // Syr Darya: Uzbekistan, Tajikistan (Khujand), Kazakhstan (UNECE Second Assessment, 2011).
    const countries = await panel
      .locator('[data-testid=trace-countries] [data-iso3]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')));
    expect(countries).toEqual(expect.arrayContaining(['UZB', 'TJK', 'KAZ']));
    expect(page.url()).toContain(`traceSite=${fergana}`);
    await b.screenshot('fergana-site-trace');
    expect(b.errors.filter((e) => !/Failed to load resource: .* 404/.test(e))).toEqual([]);
  });
});
