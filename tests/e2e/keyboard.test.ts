// Issue 13 #10 in Chromium, by keyboard alone: the skip target puts the map before the list, the focused
// map shows a ring, "trace at map centre" and typed coordinates replace the click, a newly opened panel
// takes the focus, Esc closes it; axe is clean on the panels and on the basin matrix's scroll region.
// Screenshots in test-artifacts/keyboard/.
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
  b = await openBrowser(server.url, { suite: 'keyboard', viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const active = () =>
  b.page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName ?? '',
      cls: typeof el?.className === 'string' ? el.className : '',
      id: el?.id ?? '',
      text: el?.textContent?.slice(0, 60) ?? '',
      inPanel: el?.closest('[data-testid$=-panel]')?.getAttribute('data-testid') ?? null,
      outline: el ? getComputedStyle(el).outlineStyle : '',
      outlineWidth: el ? getComputedStyle(el).outlineWidth : '',
    };
  });

// A cold first map idle on a loaded machine can take most of a minute: the suite allows two.
describe('keyboard', { timeout: 120_000 }, () => {
  it('skips to the map, whose focus is visible, before the 71 list buttons', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en&map=6/44.8/20.5`);
    await waitForFirstIdle(page);
    await page.keyboard.press('Tab');
    expect((await active()).cls).toContain('skip');
    await page.keyboard.press('Enter'); // the skip link → the map region
    await page.keyboard.press('Tab'); // → the map canvas, before any list button
    const a = await active();
    expect(a.cls).toContain('maplibregl-canvas');
    expect(a.outline).toBe('solid');
    expect(Number.parseFloat(a.outlineWidth)).toBeGreaterThanOrEqual(3);
    // Arrow keys pan the focused map.
    const before = await page.evaluate(() => window.__hazatlas?.map.getCenter().lng ?? 0);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => window.__hazatlas?.map.getCenter().lng ?? 0)).toBeGreaterThan(before);
    await waitIdle(page);
    await b.screenshot('map-focused');
  });

  it('traces at the map centre and at typed coordinates, without the mouse', async () => {
    const { page } = b;
    // Belgrade, 20.47 E 44.81 N, at the Sava–Danube confluence (Natural Earth populated places).
    await page.evaluate(() => window.__hazatlas?.map.jumpTo({ center: [20.47, 44.81], zoom: 9 }));
    await page.getByRole('button', { name: 'Trace from map' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Use the map centre' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-testid=trace-panel]');
    await panel.locator('[data-testid=trace-countries] [data-iso3]').first().waitFor();
    const at = new URL(page.url()).searchParams.get('trace')?.split(',').map(Number) ?? [];
    expect(at[0]).toBeCloseTo(20.47, 1);
    expect(at[1]).toBeCloseTo(44.81, 1);
    // The new panel took the focus.
    expect((await active()).inPanel).toBe('trace-panel');
    expect(await axeViolations(page, '[data-testid=trace-panel]')).toEqual([]);
    await b.screenshot('trace-at-centre');

    // Typed coordinates: Vienna, 16.37 E 48.21 N, on the Danube.
    await page.getByRole('button', { name: 'Trace from map' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Longitude').fill('16.37');
    await page.getByLabel('Latitude').fill('48.21');
    await page.getByLabel('Latitude').press('Enter');
    await page.waitForFunction(
      () => new URL(window.location.href).searchParams.get('trace') === '16.37,48.21',
    );
    await panel.locator('[data-iso3=AUT]').first().waitFor();
    // A coordinate out of range says what to fix.
    await page.getByRole('button', { name: 'Trace from map' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Longitude').fill('16.37');
    await page.getByLabel('Latitude').fill('95');
    await page.getByLabel('Latitude').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'latitude (−90 to 90)' }).waitFor();
    await page.keyboard.press('Escape'); // leaves the mode
    expect(await page.getByLabel('Latitude').count()).toBe(0);
  });

  it('moves the focus into a site panel opened from the list, and Esc closes it back to the map', async () => {
    const { page } = b;
    await page.locator('.site-list .site-item').first().focus();
    await page.keyboard.press('Enter');
    const site = page.locator('[data-testid=site-panel]');
    await site.locator('h2').filter({ hasText: /\w/ }).waitFor();
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid=site-panel]') !== null);
    expect(await axeViolations(page, '[data-testid=site-panel]')).toEqual([]);
    await b.screenshot('site-panel-focused');
    await page.keyboard.press('Escape');
    await site.waitFor({ state: 'detached' });
    expect((await active()).cls).toContain('maplibregl-canvas');
    // The trace panel is still open; Esc again closes it.
    expect(await page.locator('[data-testid=trace-panel]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=trace-panel]').waitFor({ state: 'detached' });
    // The planning panel opens with the focus in it and closes with Esc too.
    await page.getByTestId('planning-open').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.activeElement?.closest('[data-testid=planning-panel]') !== null,
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('planning-panel').waitFor({ state: 'detached' });
  });

  it('keeps the basin matrix axe-clean, its scroll region reachable by Tab', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Basin matrix' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transboundary matrix' });
    await dialog.waitFor();
    await dialog.getByLabel('Basin').selectOption({ label: 'Danube' });
    await dialog.locator('[data-cell="SRB-ROU"]').waitFor();
    const region = dialog.getByRole('region', { name: 'Matrix (scrolls sideways)' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await b.screenshot('matrix');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('is axe-clean in Russian on the main view and the trace panel', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=ru&trace=20.47,44.81`);
    await waitForFirstIdle(page);
    await page.locator('[data-testid=trace-countries] [data-iso3]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await b.screenshot('ru-main');
  });
});
