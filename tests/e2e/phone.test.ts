// Issue 13 #7 in Chromium at 390×844 (a current phone): a one-row header whose actions fold into a
// menu, the map starting within the top 160 px, panels as a bottom sheet that leaves the map visible.
// Screenshots in test-artifacts/phone/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle, waitIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  b = await openBrowser(server.url, { suite: 'phone', viewport: { width: 390, height: 844 } });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const rect = (sel: string) =>
  b.page.evaluate((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height } : null;
  }, sel);

// A cold first map idle on a loaded machine can take most of a minute: the suite allows two.
describe('phone', { timeout: 120_000 }, () => {
  it('starts the map within the top 160 px, the actions in a menu', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en`);
    await waitForFirstIdle(page);
    const map = await rect('#map .maplibregl-canvas');
    expect(map?.top).toBeLessThanOrEqual(160); // issue 13: 492 px
    expect(map?.height).toBeGreaterThan(400);
    expect(await page.getByRole('button', { name: 'Basin matrix' }).isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await waitIdle(page);
    await b.screenshot('start');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Basin matrix' }).waitFor();
    await b.screenshot('menu-open');
    // Choosing an action closes the menu.
    await page.getByRole('button', { name: 'Trace from map' }).click();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
  });

  it('opens a trace as a bottom sheet that leaves the map visible above it', async () => {
    const { page } = b;
    // Belgrade (20.47 E, 44.81 N) down the Danube to the Black Sea.
    await page.goto(`${server.url}/?lang=en&trace=20.47,44.81`);
    await waitForFirstIdle(page);
    await page.locator('[data-testid=trace-countries] [data-iso3]').first().waitFor();
    const sheet = await rect('.panels');
    const map = await rect('#map .maplibregl-canvas');
    expect(sheet?.bottom).toBeCloseTo(844, -1);
    expect(sheet?.top).toBeGreaterThanOrEqual(844 * 0.45);
    expect(sheet?.left).toBe(0);
    // At least 250 px of map between the header and the sheet.
    expect((sheet?.top ?? 0) - (map?.top ?? 0)).toBeGreaterThan(250);
    expect(await axeViolations(page, '[data-testid=trace-panel]')).toEqual([]);
    await waitIdle(page);
    await b.screenshot('trace-sheet');
  });

  it('reads in Russian on the phone too', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=ru`);
    await waitForFirstIdle(page);
    await page.getByRole('button', { name: 'Меню' }).click();
    await page.getByRole('button', { name: 'Матрица бассейна' }).waitFor();
    expect((await rect('#map .maplibregl-canvas'))?.top).toBeLessThanOrEqual(400);
    await b.screenshot('menu-ru');
  });
});
