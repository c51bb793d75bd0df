// Issue 13 #4 in Chromium: the release amount in tonnes, a release date-time giving arrival clock
// times per country, one time unit per column with readable numbers, a two-panel plot with one y-axis
// each and non-colliding border labels, and "follow the plume". Screenshots in
// test-artifacts/release-units/ at desktop and phone size.
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
  b = await openBrowser(server.url, { suite: 'release-units', viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

// Belgrade, at the Sava–Danube confluence (44.81 N, 20.47 E): ~1,160 km of Danube to the Black Sea
// through Serbia, the SRB/ROU and BGR/ROU border stretches, Romania and the ROU/UKR Delta border.
const BELGRADE = { lon: 20.47, lat: 44.81 };
const panel = () => b.page.locator('[data-testid=trace-panel]');
const plot = () => panel().locator('[data-testid=concentration-plot]');

interface ApiTrace {
  countries: { iso3: string; arrival: { leadingEdgeH: { probable: number } } }[];
}

// A cold first map idle on a loaded machine can take most of a minute: the suite allows two.
describe('release units and times', { timeout: 120_000 }, () => {
  it('takes 100 t as 100,000 kg and gives clock times of arrival per country', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en&trace=${BELGRADE.lon},${BELGRADE.lat}`);
    await waitForFirstIdle(page);
    await panel().locator('[data-testid=trace-countries]').waitFor();
    const form = panel().locator('[data-testid=release-form]');
    await form.getByLabel('Mass unit').selectOption('t');
    await form.getByLabel('Released mass (t)').fill('100');
    await form.getByLabel('Release date and time (local)').fill('2026-12-07T22:00');
    const request = page.waitForRequest(
      (r) => r.url().includes('/api/trace?') && r.url().includes('releaseKg='),
    );
    await form.getByRole('button', { name: 'Compute arrival' }).click();
    const url = new URL((await request).url());
    expect(url.searchParams.get('releaseKg')).toBe('100000');
    expect(url.searchParams.has('releaseAt')).toBe(false); // client-only: the server is not asked
    await plot().waitFor();
    await page.waitForFunction(
      () => new URL(window.location.href).searchParams.get('releaseAt') === '2026-12-07T22:00',
    );

    // The same trace from the API: the first country's leading edge, in hours after the release.
    const api = (await (
      await fetch(`${server.url}/api/trace?lon=${BELGRADE.lon}&lat=${BELGRADE.lat}&releaseKg=100000`)
    ).json()) as ApiTrace;
    const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const rows = panel().locator('[data-testid=release-arrival] tbody tr');
    expect(await rows.count()).toBe(api.countries.length);
    const last = api.countries[api.countries.length - 1];
    const expected = new Date(
      new Date(`2026-12-07T22:00:00`).getTime() + (last?.arrival.leadingEdgeH.probable ?? 0) * 3_600_000,
    );
    // The clock follows the UI language's convention (24 h "15:03" or 12 h "03:03 PM"); the instant is what counts.
    const clockIn = (locale: string) =>
      new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: tz }).format(expected);
    const lastClock = await rows
      .last()
      .locator('td')
      .first()
      .locator('[data-testid=arrival-clock]')
      .textContent();
    expect([clockIn('en-GB'), clockIn('en-US')].some((c) => lastClock?.includes(c))).toBe(true);
    expect(await panel().locator('[data-testid=release-at-note]').textContent()).toMatch(/Dec/);

    // One unit per column, named in the header; numbers without exponents.
    const headers = await panel().locator('[data-testid=release-arrival] thead th').allTextContents();
    expect(headers[1]).toMatch(/^Leading edge \((h|days) after release\)$/);
    expect(headers[2]).toMatch(/^Peak \((h|days) after release\)$/);
    expect(headers[3]).toBe('Peak (mg/L)');
    const body = (await panel().locator('[data-testid=release-arrival] tbody').textContent()) ?? '';
    expect(body).not.toMatch(/e[+-]\d/);
    expect(body).not.toMatch(/\d (h|d)\b/); // the unit is in the header, not in each cell
    expect(await axeViolations(page, '[data-testid=trace-panel]')).toEqual([]);
    await waitIdle(page);
    await b.screenshot('tonnes-clock-times');
  });

  it('draws two panels with one y-axis each and border labels that do not collide', async () => {
    expect(await plot().locator('svg > rect').count()).toBe(2);
    const boxes = await plot()
      .locator('[data-testid=plot-border] text')
      .evaluateAll((els) =>
        els.map((e) => {
          const r = (e as SVGGraphicsElement).getBBox();
          return { x: r.x, y: r.y, w: r.width, h: r.height, text: e.textContent };
        }),
      );
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const c = boxes[j];
        if (!a || !c) continue;
        const overlap = a.x < c.x + c.w && c.x < a.x + a.w && a.y < c.y + c.h && c.y < a.y + a.h;
        expect(overlap, `${a.text} / ${c.text}`).toBe(false);
      }
    await plot().scrollIntoViewIfNeeded();
    await b.screenshot('two-panel-plot');
  });

  it('follows the plume on the map while the time slider moves', async () => {
    const { page } = b;
    await plot().getByTestId('plume-follow').check();
    const slider = plot().getByRole('slider', { name: 'Time after the release' });
    const max = Number(await slider.getAttribute('max'));
    await slider.fill(String(max * 0.5));
    // The map eases to the plume: wait until the centre has arrived (slow under load), at most 20 s.
    const offset = async () =>
      page.evaluate(async () => {
        const map = window.__hazatlas?.map;
        const src = map?.getSource('plume') as unknown as {
          getData(): Promise<{
            features: { properties: { role: string }; geometry: { coordinates: number[] } }[];
          }>;
        };
        const data = await src.getData();
        const c = map?.getCenter();
        const peak = data.features.find((f) => f.properties.role === 'peak')?.geometry.coordinates;
        if (!peak || !c) return 99;
        return Math.max(Math.abs(c.lng - (peak[0] ?? 99)), Math.abs(c.lat - (peak[1] ?? 99)));
      });
    await expect.poll(offset, { timeout: 20_000, interval: 250 }).toBeLessThan(0.05);
    await waitIdle(page);
    await b.screenshot('following-plume');
  });

  it('keeps the release table readable on a phone', async () => {
    await b.page.setViewportSize({ width: 390, height: 844 });
    await panel().locator('[data-testid=release-arrival]').scrollIntoViewIfNeeded();
    await b.screenshot('phone-release-table');
    const w = await panel()
      .locator('[data-testid=release-arrival]')
      .evaluate((el) => el.getBoundingClientRect().width);
    expect(w).toBeLessThanOrEqual(390);
  });
});
