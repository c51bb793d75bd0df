// Accessibility and layout in Chromium: laptop and tablet widths without overflow, every control named,
// text contrast (WCAG AA), and the main path — find a site, open it, trace — by keyboard alone.
// Screenshots in test-artifacts/layout/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle } from './map-helpers.js';

let server: RunningServer;
const sessions: BrowserSession[] = [];
beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
});
afterAll(async () => {
  for (const s of sessions) await s.close();
  await server?.close();
});

async function open(viewport: { width: number; height: number }, query = '?lang=en') {
  const s = await openBrowser(server.url, { suite: 'layout', viewport });
  sessions.push(s);
  await s.page.goto(`${server.url}/${query}`);
  await waitForFirstIdle(s.page);
  return s;
}

describe('layout and accessibility', () => {
  for (const [name, viewport] of [
    ['laptop', { width: 1280, height: 720 }],
    ['tablet', { width: 820, height: 1180 }],
    ['tablet-landscape', { width: 1180, height: 820 }],
  ] as const) {
    it(`fits a ${name} screen (${viewport.width}×${viewport.height}) with the map, filters and a site panel`, async () => {
      const s = await open(viewport, '?lang=en&map=6/44.5/21');
      const { page } = s;
      await page.locator('.site-list .site-item').first().click();
      await page.locator('[data-testid=site-panel] h2').filter({ hasText: /\w/ }).waitFor();
      const m = await page.evaluate(() => {
        const map = document.querySelector('.map canvas')?.getBoundingClientRect();
        const panel = document.querySelector('[data-testid=site-panel]')?.getBoundingClientRect();
        // Controls the layout hides on purpose (the phone menu's toggle on a wide screen) are not drawn.
        const buttons = [...document.querySelectorAll('header button, header select')]
          .filter((e) => e.getClientRects().length > 0)
          .map((e) => e.getBoundingClientRect());
        return {
          overflowX: document.documentElement.scrollWidth - window.innerWidth,
          map: map ? { w: map.width, h: map.height } : null,
          panelRight: panel ? panel.right : null,
          buttonsInside: buttons.every((r) => r.right <= window.innerWidth + 1 && r.width > 0),
        };
      });
      expect(m.overflowX).toBeLessThanOrEqual(0);
      expect(m.map?.w).toBeGreaterThan(300);
      expect(m.map?.h).toBeGreaterThan(300);
      expect(m.panelRight).toBeLessThanOrEqual(viewport.width + 1);
      expect(m.buttonsInside).toBe(true);
      await s.screenshot(name);
    });
  }

  it('names every control and keeps text contrast at WCAG AA (4.5:1)', async () => {
    const s = await open({ width: 1280, height: 800 });
    await s.page.locator('.site-list .site-item').first().click();
    await s.page.locator('[data-testid=site-panel] h2').filter({ hasText: /\w/ }).waitFor();
    const r = await s.page.evaluate(() => {
      const unnamed: string[] = [];
      for (const el of document.querySelectorAll('button, input, select, textarea, a[href]')) {
        const e = el as HTMLElement & { labels?: NodeListOf<HTMLLabelElement> | null };
        const labelled =
          e.getAttribute('aria-label') ||
          e.getAttribute('aria-labelledby') ||
          (e.labels && e.labels.length > 0 && [...e.labels].some((l) => l.textContent?.trim())) ||
          (e.tagName !== 'INPUT' && e.tagName !== 'SELECT' && e.textContent?.trim()) ||
          e.getAttribute('title');
        if (!labelled) unnamed.push(e.outerHTML.slice(0, 120));
      }
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
          const x = Number(v) / 255;
          return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
      };
      const background = (el: Element | null): string => {
        for (let e = el; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
        }
        return 'rgb(255, 255, 255)';
      };
      const low: string[] = [];
      let checked = 0;
      for (const el of document.querySelectorAll(
        'header *, .sidebar *, [data-testid=site-panel] *, .legend *',
      )) {
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
        if (!own || (el as HTMLElement).offsetParent === null) continue;
        const fg = lum(getComputedStyle(el).color);
        const bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        checked++;
        if (ratio < 4.5)
          low.push(
            `${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent?.trim().slice(0, 30)}"`,
          );
      }
      return { unnamed, low, checked };
    });
    expect(r.unnamed).toEqual([]);
    expect(r.checked).toBeGreaterThan(50);
    expect(r.low).toEqual([]);
  });

  it('finds a site, opens it and traces it by keyboard alone', async () => {
    const s = await open({ width: 1280, height: 800 });
    const { page } = s;
    // The first Tab stop is the skip link, then the search box.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('Kumtor');
    const item = page.locator('.site-list .site-item', { hasText: 'Kumtor' });
    await item.waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.site-list .site-item').length === 1);
    // Tab on through the header and filters to the one listed site.
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.classList.contains('site-item') ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const panel = page.locator('[data-testid=site-panel]');
    await panel.locator('h2', { hasText: 'Kumtor' }).waitFor();
    // Into the panel: its trace button is reachable and works with Enter.
    await panel.getByRole('button', { name: 'Trace downstream' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=trace-countries] [data-iso3]').first().waitFor();
    const first = await page
      .locator('[data-testid=trace-countries] [data-iso3]')
      .first()
      .getAttribute('data-iso3');
    expect(first).toBe('KGZ');
    // Esc leaves a map mode.
    await page.getByRole('button', { name: 'Trace from map' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Click the map' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('status').filter({ hasText: 'Click the map' }).waitFor({ state: 'detached' });
    await s.screenshot('keyboard-trace');
  });
});
