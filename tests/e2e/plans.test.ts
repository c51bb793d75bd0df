// The plans panel in the real browser for an anonymous reader: both seeded plans with their example
// rules, contact points withheld until login, and each plan's history; the stations layer drawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { jumpTo, renderedCount, waitForFirstIdle, waitIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  b = await openBrowser(server.url, { suite: 'plans' });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('plans panel and stations layer', () => {
  it('shows the plans to an anonymous reader without their contact points, and draws the Delta stations', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en`);
    await waitForFirstIdle(page);
    // The Danube Delta: Reni, Isaccea, Izmail, Tulcea, Vylkove, Sulina, Sfântu Gheorghe (ICPDR TNMN and gauges).
    await jumpTo(page, 29.0, 45.25, 8);
    await waitIdle(page);
    expect(await renderedCount(page, ['station-points'])).toBeGreaterThanOrEqual(5);

    await page.getByTestId('plans-open').click();
    const panel = page.getByTestId('plans-panel');
    await panel.locator('[data-plan=syr-darya]').getByRole('button').first().click();
    const plan = panel.locator('[data-plan=syr-darya]');
    await expect(plan.textContent()).resolves.toMatch(/KAZ, KGZ, TJK, UZB/);
    await expect(plan.textContent()).resolves.toMatch(
      /24 h before the probable leading edge.*example, to be set by the countries/,
    );
    await plan.getByText('Log in to see the contact points.').waitFor();
    await plan.getByText('History').click();
    await plan.getByTestId('history-syr-darya').locator('li').first().waitFor();
    expect(await plan.getByTestId('history-syr-darya').textContent()).toMatch(/create · system:seed · v1/);
    // No edit controls for a reader.
    expect(await plan.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await b.screenshot('plans-panel');
    expect(b.errors).toEqual([]);
  }, 180_000);
});
