// Release scenario in the real browser: trace from a seeded site (the Aurul tailings pond at Baia
// Mare, source of the 2000 cyanide spill), enter a release, read the concentration plot with its
// border markers and limit, and move the plume along the river with the time slider.
// Screenshots land in test-artifacts/concentration/. Needs the built client (`npm run build:client`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle, waitIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;
let aurul: { id: string; location: { lon: number; lat: number } };
const failed: string[] = [];

/**
 * Console errors other than failed glyph ranges: the trace's crossing labels ("ROU → HUN") ask
 * the basemap for the arrows' glyph range, which the offline glyph set does not have.
 */
const unexpectedErrors = () => {
  const glyphMisses = failed.filter((f) => /^404 \/api\/glyphs\//.test(f)).length;
  const other = b.errors.filter((e) => !/Failed to load resource: .* 404/.test(e));
  const missing404 = b.errors.length - other.length;
  return {
    other,
    unexplained404: Math.max(0, missing404 - glyphMisses),
    failed: failed.filter((f) => !f.startsWith('404 /api/glyphs/')),
  };
};

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  const res = await fetch(`${server.url}/api/sites?q=${encodeURIComponent('Aurul')}`);
  const list = (await res.json()) as {
    items: { id: string; name: string; location: { lon: number; lat: number } }[];
  };
  const site = list.items.find((s) => s.name.startsWith('Aurul tailings pond'));
  if (!site) throw new Error('seeded site Aurul tailings pond not found');
  aurul = site;
  b = await openBrowser(server.url, { suite: 'concentration' });
  b.page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
});

afterAll(async () => {
  await b?.close();
  await server?.close();
});

const tracePanel = () => b.page.locator('[data-testid=trace-panel]');
const plot = () => tracePanel().locator('[data-testid=concentration-plot]');

const plumeFeatures = () =>
  b.page.evaluate(async () => {
    const src = window.__hazatlas?.map.getSource('plume') as unknown as
      | { getData(): Promise<{ features: { properties: { role: string } }[] }> }
      | undefined;
    return src ? (await src.getData()).features.map((f) => f.properties.role) : [];
  });

describe('concentration plot and plume slider in Chromium', () => {
  it('computes arrival from a seeded site and plots concentration and time with borders and the limit', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en&site=${aurul.id}`);
    await waitForFirstIdle(page);
    await page.locator('[data-testid=site-panel]').getByRole('button', { name: 'Trace downstream' }).click();
    await tracePanel().locator('[data-testid=trace-countries]').waitFor();

    const form = tracePanel().locator('[data-testid=release-form]');
    await form.getByLabel('Released mass (kg)').fill('100000');
    await form.getByLabel('Substance').fill('cyanide');
    await form.getByLabel('Limit (mg/L)').fill('0.1');
    await form.getByRole('button', { name: 'Compute arrival' }).click();
    await plot().waitFor();
    await page.waitForTimeout(800); // the fit to the trace
    await waitIdle(page);
    await b.screenshot('release-plot');

    // The same trace from the API: one border marker per crossing, in the plot.
    const api = (await (
      await fetch(
        `${server.url}/api/trace?lon=${aurul.location.lon}&lat=${aurul.location.lat}&releaseKg=100000&limitMgL=0.1`,
      )
    ).json()) as { crossings: { from: string; to: string }[]; countries: { iso3: string }[] };
    const borders = plot().locator('[data-testid=plot-border]');
    expect(api.crossings.length).toBeGreaterThanOrEqual(4); // ROU→HUN, …, SRB, BGR/ROU, UKR
    expect(await borders.count()).toBe(api.crossings.length);
    expect(await borders.first().locator('title').textContent()).toMatch(/^ROU → HUN · km \d+/);
    expect(await plot().locator('[data-testid=plot-limit]').count()).toBe(1);
    // Four curves: concentration and time, each most probable and maximum probable.
    expect(await plot().locator('svg > path').count()).toBe(4);
    for (const d of await plot()
      .locator('svg > path')
      .evaluateAll((els) => els.map((e) => e.getAttribute('d'))))
      expect(d?.split('L').length).toBeGreaterThan(50);

    // Arrival by country and the threshold summary.
    const rows = tracePanel().locator('[data-testid=release-arrival] tbody tr');
    expect(await rows.count()).toBe(api.countries.length);
    expect(await rows.first().locator('th').textContent()).toBe('ROU');
    expect(await tracePanel().locator('[data-testid=release-threshold]').textContent()).toMatch(
      /Peak falls below 0\.1 mg\/L at [\d,. ]+ km after [\d.]+ (h|d).*Countries receiving water above the limit: ROU, HUN/,
    );
    expect(unexpectedErrors()).toEqual({ other: [], unexplained404: 0, failed: [] });
    expect(b.blocked).toEqual([]);
  });

  it('moves the plume along the river on the map with the time slider, and plays it', async () => {
    const { page } = b;
    expect(await plumeFeatures()).toEqual([]);
    const slider = plot().getByRole('slider', { name: 'Time after the release' });
    const max = Number(await slider.getAttribute('max'));
    await slider.fill(String(max * 0.3));
    await plot().locator('[data-testid=plot-cursor]').waitFor({ state: 'attached' });
    const first = (await plot().locator('[data-testid=plume-state]').textContent()) ?? '';
    expect(first).toMatch(/Peak at km (\d+): [\d.,]+ mg\/L/); // Intl-formatted, never 1.48e+3
    const kmEarly = Number(/km (\d+)/.exec(first)![1]);
    expect(await plumeFeatures()).toEqual(['plume', 'peak']);
    const x1 = Number(await plot().locator('[data-testid=plot-cursor]').getAttribute('x1'));
    // The maximum-probable (fast) case has the plume further down the river at the same time.
    await plot().getByRole('radio', { name: 'maximum probable' }).check();
    const fast = (await plot().locator('[data-testid=plume-state]').textContent()) ?? '';
    expect(Number(/Peak at km (\d+)/.exec(fast)?.[1])).toBeGreaterThan(kmEarly);
    await plot().getByRole('radio', { name: 'most probable' }).check();
    await waitIdle(page);
    await b.screenshot('plume-30pc');

    await slider.fill(String(max * 0.6));
    const later = (await plot().locator('[data-testid=plume-state]').textContent()) ?? '';
    const kmLate = Number(/km (\d+)/.exec(later)![1]);
    expect(kmLate).toBeGreaterThan(kmEarly + 100);
    expect(Number(await plot().locator('[data-testid=plot-cursor]').getAttribute('x1'))).toBeGreaterThan(x1);
    const peak = await page.evaluate(async () => {
      const src = window.__hazatlas?.map.getSource('plume') as unknown as {
        getData(): Promise<{
          features: { properties: { role: string }; geometry: { coordinates: number[] } }[];
        }>;
      };
      return (await src.getData()).features.find((f) => f.properties.role === 'peak')?.geometry.coordinates;
    });
    // Halfway through, the peak is on the Tisza or the Danube: south-west of Baia Mare.
    expect(peak![1]).toBeLessThan(aurul.location.lat);
    await waitIdle(page);
    await b.screenshot('plume-60pc');

    // Play advances the clock.
    await slider.fill('0');
    const t0 = await plot().locator('[data-testid=plume-time]').textContent();
    await plot().getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(600);
    await plot().getByRole('button', { name: 'Pause' }).click();
    expect(await plot().locator('[data-testid=plume-time]').textContent()).not.toBe(t0);
    expect(unexpectedErrors()).toEqual({ other: [], unexplained404: 0, failed: [] });
  });

  it('clears the release and its plume', async () => {
    await tracePanel().getByRole('button', { name: 'Remove release' }).click();
    await tracePanel().locator('[data-testid=trace-countries]').waitFor();
    // The trace without a release is fetched again; the plot goes when it arrives.
    await plot().waitFor({ state: 'detached' });
    await b.page.waitForFunction(async () => {
      const src = window.__hazatlas?.map.getSource('plume') as unknown as
        | { getData(): Promise<{ features: unknown[] }> }
        | undefined;
      return !src || (await src.getData()).features.length === 0;
    });
  });
});
