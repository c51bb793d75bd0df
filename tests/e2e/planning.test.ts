// The planning review in the real browser: a planner opens planning mode, draws an area east of
// HIP Azotara Pančevo by clicking the map, picks the development type and reads the verdict (the same
// as the API's); the site's zones are drawn and its receptors listed in the site panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localProjection } from '../../server/core/planning/local-projection.js';
import { axeViolations } from '../support/axe.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { clickLonLat, jumpTo, renderedCount, waitForFirstIdle, waitIdle } from './map-helpers.js';

let server: RunningServer;
let session: BrowserSession;
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  session = await openBrowser(server.url, { suite: 'planning' });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

const AZOTARA = { lon: 20.7, lat: 44.82 };
const at = (x: number, y: number) => localProjection(AZOTARA.lon, AZOTARA.lat).toWgs84(x, y);

describe('planning review', () => {
  it('draws an area in the middle zone of Azotara: a school is advised against, housing is not', async () => {
    const { page } = session;
    await page.goto(`${server.url}/?lang=en`);
    await waitForFirstIdle(page);
    await jumpTo(page, AZOTARA.lon + 0.008, AZOTARA.lat, 13.5);

    await page.getByTestId('planning-open').click();
    const panel = page.getByTestId('planning-panel');
    await panel.waitFor();
    await panel.getByTestId('planning-type').selectOption('school_hospital');
    await panel.getByRole('button', { name: 'Draw area' }).click();
    await page.getByText(/Planning: click the map to add vertices/).waitFor();
    // 700–900 m east of the plant, 200 m tall: in its middle zone (500–1,000 m, KAS-18 class IV).
    const corners = [at(700, -100), at(900, -100), at(900, 100), at(700, 100)];
    for (const [lon, lat] of corners) {
      await clickLonLat(page, lon!, lat!);
      await page.waitForTimeout(350);
    }
    await panel.getByText(/4 so far/).waitFor();
    await panel.getByRole('button', { name: 'Finish' }).click();

    const verdict = panel.getByTestId('planning-verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('data-verdict')).toBe('advise_against');
    expect(await verdict.textContent()).toBe('Advise against');
    // Issue 13 #3: the verdict in plain words and the deciding rule, on the page (not in a tooltip).
    expect(await panel.getByTestId('planning-explain').textContent()).toMatch(
      /^Advise against: the development would stand inside a safety zone/,
    );
    const rule = panel.getByTestId('planning-rule');
    expect(await rule.isVisible()).toBe(true);
    expect(await rule.textContent()).toMatch(/^Deciding rule: .+\(HIP Azotara Pančevo\)$/);
    expect(await axeViolations(page, '[data-testid=planning-panel]')).toEqual([]);
    const row = panel.locator('tr', { hasText: 'HIP Azotara Pančevo' });
    await expect(row.textContent()).resolves.toMatch(/Middle zone/);
    const distance = Number((await row.locator('td').nth(2).textContent())?.replace(/[^\d]/g, ''));
    expect(distance).toBeGreaterThan(680);
    expect(distance).toBeLessThan(730);
    await waitIdle(page);
    expect(await renderedCount(page, ['planning-draft-fill'])).toBeGreaterThan(0);
    // No site was selected by the clicks: they went to the drawing.
    await expect(page.getByTestId('site-panel').count()).resolves.toBe(0);
    // Issue 13 #3: the zones of the site the verdict cites are on the map though no site is selected.
    await page.waitForFunction(async () => {
      const src = window.__hazatlas?.map.getSource('planning-zones') as unknown as
        | { getData(): Promise<{ features: { properties: { siteId?: string } }[] }> }
        | undefined;
      const data = src ? await src.getData() : { features: [] };
      return data.features.filter((f) => f.properties.siteId).length >= 3; // inner, middle, outer
    });
    await waitIdle(page);
    expect(await renderedCount(page, ['planning-zones-line'])).toBeGreaterThan(0);
    await session.screenshot('school-advised-against');

    await panel.getByTestId('planning-type').selectOption('housing');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="planning-verdict"]')?.getAttribute('data-verdict') ===
        'do_not_advise_against',
    );
    await session.screenshot('housing-not-advised-against');

    // The browser's polygon gets the same answer from the API.
    const api = (await (
      await fetch(`${server.url}/api/planning/review`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          geometry: { type: 'Polygon', coordinates: [[...corners, corners[0]]] },
          developmentType: 'housing',
        }),
      })
    ).json()) as { verdict: string; sites: { name: string; zone: string }[] };
    expect(api.verdict).toBe('do_not_advise_against');
    expect(api.sites.map((s) => [s.name, s.zone])).toEqual([['HIP Azotara Pančevo', 'middle']]);
    expect(session.errors).toEqual([]);
  }, 180_000);

  it('picks a point in the inner zone, then shows the site zones and receptors in the site panel', async () => {
    const { page } = session;
    const panel = page.getByTestId('planning-panel');
    await panel.getByRole('button', { name: 'Pick point' }).click();
    const [lon, lat] = at(300, 0);
    await clickLonLat(page, lon!, lat!);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="planning-verdict"]')?.getAttribute('data-verdict') ===
        'advise_against',
    );
    await expect(panel.locator('tr', { hasText: 'HIP Azotara Pančevo' }).textContent()).resolves.toMatch(
      /Inner zone/,
    );

    await panel.getByRole('button', { name: 'HIP Azotara Pančevo' }).click();
    const zones = page.getByTestId('site-zones');
    await zones.waitFor();
    await expect(zones.textContent()).resolves.toMatch(/KAS-18 class IV: 500 \/ 1,000 \/ 1,500 m/);
    await expect(zones.locator('[data-zone="inner"]').textContent()).resolves.toMatch(/Inner zone/);
    await waitIdle(page);
    expect(await renderedCount(page, ['planning-zones-line'])).toBeGreaterThan(0);
    await session.screenshot('site-zones');
    expect(session.errors).toEqual([]);
    expect(session.blocked.filter((u) => !u.includes('openstreetmap'))).toEqual([]);
  });

  it('draws the zones of a site restored from a permalink once the map has loaded', async () => {
    const { page } = session;
    const list = (await (await fetch(`${server.url}/api/sites?q=Ammofos`)).json()) as {
      items: { id: string }[];
    };
    const id = list.items[0]!.id;
    await page.goto(`${server.url}/?lang=en&site=${id}&map=13/40.86/69.59`);
    await waitForFirstIdle(page);
    const zones = page.getByTestId('site-zones');
    await zones.waitFor();
    await expect(zones.locator('[data-zone="outer"]').textContent()).resolves.toMatch(
      /Olmaliq \(populated place, 121,207; 1,1\d\d m\)/,
    );
    await page.waitForFunction(
      () => (window.__hazatlas?.map.getSource('planning-zones') as unknown) !== undefined,
    );
    await waitIdle(page);
    expect(await renderedCount(page, ['planning-zones-line'])).toBeGreaterThan(0);
    await session.screenshot('permalink-zones');
  });

  it('reviews a point by keyboard: typed coordinates in the inner zone of Azotara (issue 13 #10)', async () => {
    const { page } = session;
    await page.goto(`${server.url}/?lang=en`);
    await waitForFirstIdle(page);
    await page.getByTestId('planning-open').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('planning-panel');
    await panel.getByTestId('planning-type').selectOption('school_hospital');
    // 300 m east of the plant: inside its inner zone (0–500 m, KAS-18 class IV).
    const [lon, lat] = at(300, 0);
    await panel.getByLabel('Longitude').fill(lon!.toFixed(6));
    await panel.getByLabel('Latitude').fill(lat!.toFixed(6));
    await panel.getByLabel('Latitude').press('Enter');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="planning-verdict"]')?.getAttribute('data-verdict') ===
        'advise_against',
    );
    await expect(panel.locator('tr', { hasText: 'HIP Azotara Pančevo' }).textContent()).resolves.toMatch(
      /Inner zone/,
    );
    await session.screenshot('keyboard-point');
  });
});
