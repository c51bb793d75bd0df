// Issue 13 #5 in Chromium: the place finder (sites, countries with their sites, Natural Earth places,
// rivers) with Enter to zoom, the country filter as names, the grouped basin picker, the legend docked
// on the map, and a default view holding both the Danube Delta and the Syr Darya.
// Screenshots in test-artifacts/finding/ at desktop and phone size.
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
  b = await openBrowser(server.url, { suite: 'finding', viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const view = () =>
  b.page.evaluate(() => {
    const map = window.__hazatlas?.map;
    const bounds = map?.getBounds();
    const c = map?.getCenter();
    return {
      w: bounds?.getWest() ?? 0,
      e: bounds?.getEast() ?? 0,
      s: bounds?.getSouth() ?? 0,
      n: bounds?.getNorth() ?? 0,
      lon: c?.lng ?? 0,
      lat: c?.lat ?? 0,
      zoom: map?.getZoom() ?? 0,
    };
  });
const inView = (v: { w: number; e: number; s: number; n: number }, lon: number, lat: number) =>
  lon > v.w && lon < v.e && lat > v.s && lat < v.n;
const settle = async () => {
  await b.page.waitForFunction(() => !window.__hazatlas?.map.isMoving());
  await b.page.waitForTimeout(300);
};

// A cold first map idle on a loaded machine can take most of a minute: the suite allows two.
describe('finding things', { timeout: 120_000 }, () => {
  it('opens on both the Danube Delta and the Syr Darya, with the legend docked on the map', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en`);
    await waitForFirstIdle(page);
    const v = await view();
    // Danube Delta at Sulina, 29.65 E 45.16 N; the Syr Darya's mouth in the North Aral Sea near
    // 61.0 E 46.1 N and the Fergana Valley near 71.8 E 40.9 N (Natural Earth rivers).
    expect(inView(v, 29.65, 45.16)).toBe(true);
    expect(inView(v, 61.0, 46.1)).toBe(true);
    expect(inView(v, 71.8, 40.9)).toBe(true);

    const legend = page.getByRole('region', { name: 'Legend' });
    await legend.waitFor();
    const box = await legend.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 9999) + (box?.height ?? 0)).toBeLessThanOrEqual(900); // on screen, not 4,300 px down
    const mapBox = await page.locator('#map').boundingBox();
    expect(box?.x ?? 0).toBeGreaterThanOrEqual(mapBox?.x ?? 0); // docked on the map, not in the list
    const toggle = legend.getByRole('button', { name: 'Hide legend' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await legend.getByRole('checkbox').count()).toBeGreaterThan(3);
    expect(await axeViolations(page, '[data-testid=legend-dock]')).toEqual([]);
    await b.screenshot('default-view-legend');
    await toggle.click();
    expect(await legend.getByRole('button', { name: 'Show legend' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect(await legend.getByRole('checkbox').count()).toBe(0);
    await legend.getByRole('button', { name: 'Show legend' }).click();
    await legend.getByRole('checkbox').first().waitFor();
  });

  it('"Tajikistan" lists the country with its sites; Enter filters the list to them and zooms', async () => {
    const { page } = b;
    const search = page.getByRole('combobox', { name: 'Search sites, places, rivers and countries' });
    await search.fill('Tajikistan');
    const first = page.locator('[data-testid=search-results] [role=option]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-kind')).toBe('country');
    expect(await first.textContent()).toMatch(/^Country Tajikistan \d+ registered sites?$/);
    const count = Number(/(\d+) registered/.exec((await first.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    // Its sites follow in the list of results.
    expect(
      await page.locator('[data-testid=search-results] [role=option][data-kind=site]').count(),
    ).toBeGreaterThanOrEqual(count);
    expect(await axeViolations(page, 'header')).toEqual([]);
    await b.screenshot('search-tajikistan');
    await search.press('Enter');
    expect(await page.getByTestId('country-select').inputValue()).toBe('TJK');
    await page.getByText(count === 1 ? '1 site' : `${count} sites`, { exact: true }).waitFor();
    await settle();
    const v = await view();
    // Dushanbe, 68.78 E 38.56 N, is in view; Vienna is not.
    expect(inView(v, 68.78, 38.56)).toBe(true);
    expect(inView(v, 16.37, 48.21)).toBe(false);
    await waitIdle(page);
    await b.screenshot('tajikistan-sites');
  });

  it('finds a populated place by keyboard (arrows, Enter) and flies to it', async () => {
    const { page } = b;
    await page.getByTestId('country-select').selectOption('');
    const search = page.getByRole('combobox', { name: 'Search sites, places, rivers and countries' });
    await search.fill('Timisoara');
    await page.locator('[data-testid=search-results] [role=option][data-kind=place]').first().waitFor();
    const kinds = await page
      .locator('[data-testid=search-results] [role=option]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    const placeAt = kinds.indexOf('place');
    for (let i = 0; i <= placeAt; i++) await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBeTruthy();
    await search.press('Enter');
    await settle();
    const v = await view();
    // Timișoara: 21.23 E, 45.76 N (Natural Earth populated places).
    expect(v.lon).toBeCloseTo(21.23, 1);
    expect(v.lat).toBeCloseTo(45.76, 1);
    expect(v.zoom).toBeGreaterThan(9);
  });

  it('finds rivers too, and offers countries and basins by name', async () => {
    const { page } = b;
    const search = page.getByRole('combobox', { name: 'Search sites, places, rivers and countries' });
    await search.fill('Syr Darya');
    const river = page.locator('[data-testid=search-results] [role=option][data-kind=river]').first();
    await river.waitFor();
    expect(await river.textContent()).toMatch(/^River Syr Darya [\d,]+ km of river$/);
    await search.press('Escape');
    expect(await page.locator('[data-testid=search-results]').isHidden()).toBe(true);

    const options = await page.getByTestId('country-select').locator('option').allTextContents();
    expect(options[0]).toBe('Any country');
    expect(options.some((o) => /^Tajikistan \(\d+\)$/.test(o))).toBe(true);
    expect(options.some((o) => /^Romania \(\d+\)$/.test(o))).toBe(true);
    const groups = await page
      .getByTestId('basin-select')
      .locator('optgroup')
      .evaluateAll((els) => els.map((g) => g.getAttribute('label')));
    expect(groups[0]).toBe('Focus basins');
    const focus = await page
      .getByTestId('basin-select')
      .locator('optgroup')
      .first()
      .locator('option')
      .allTextContents();
    expect(focus.some((o) => o.startsWith('Danube'))).toBe(true);
    expect(focus.some((o) => o.startsWith('Syr Darya'))).toBe(true);
  });

  it('on a phone the legend starts collapsed and the search still works', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/?lang=ru`);
    await waitForFirstIdle(page);
    const legend = page.getByRole('region', { name: 'Легенда' });
    expect(await legend.getByRole('button', { name: 'Показать легенду' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    const search = page.getByRole('combobox', { name: 'Поиск объектов, населённых пунктов, рек и стран' });
    await search.fill('Tajik');
    await page.locator('[data-testid=search-results] [role=option]').first().waitFor();
    await b.screenshot('phone-search-ru');
  });
});
