// Issue 13 #6 in Chromium: the trace panel from Belgrade down the Danube — one colour per country by
// ISO3 (never river blue, the same in every trace and on the map), border stretches worded as such, the
// Delta's outlets with their arms, clean km figures in both languages. Screenshots in
// test-artifacts/trace-panel/ at desktop and phone size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryColor } from '../../client/src/lib/colors.js';
import { axeViolations } from '../support/axe.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle, waitIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  b = await openBrowser(server.url, { suite: 'trace-panel', viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

// Belgrade, at the Sava–Danube confluence (44.81 N, 20.47 E): below it the Danube runs along the
// Serbian–Romanian border (Iron Gates), then the Bulgarian–Romanian one, and reaches the Black Sea
// through the Chilia, Sulina and St George arms (ICPDR, Danube River Basin Management Plan).
const BELGRADE = '20.47,44.81';
// Budapest (47.50 N, 19.05 E): the Danube flows on through Serbia.
const BUDAPEST = '19.05,47.5';

const panel = () => b.page.locator('[data-testid=trace-panel]');
const rgbOf = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

async function openTrace(start: string, lang: 'en' | 'ru') {
  await b.page.goto(`${server.url}/?lang=${lang}&trace=${start}`);
  await waitForFirstIdle(b.page);
  await panel().locator('[data-testid=trace-countries] [data-iso3]').first().waitFor();
}

async function swatchOf(iso3: string): Promise<string> {
  return panel()
    .locator(`[data-testid=trace-countries] li:has([data-iso3=${iso3}]) .swatch`)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
}

// A cold first map idle on a loaded machine can take most of a minute: the suite allows two.
describe('trace panel', { timeout: 120_000 }, () => {
  it('words the border stretches, names the Delta arms and writes clean km figures', async () => {
    await openTrace(BELGRADE, 'en');
    const borders = panel().locator('[data-testid=trace-borders] li');
    const first = borders.first();
    expect(await first.getAttribute('data-kind')).toBe('stretch_start');
    expect(await first.textContent()).toMatch(/^begins to run along the SRB\/ROU border at 9\d km$/);
    // The start of a stretch is never listed as a crossing into Romania.
    const texts = await borders.allTextContents();
    expect(texts.join('|')).not.toMatch(/SRB → ROU|into ROU/);
    expect(texts.some((x) => /leaves the BGR\/ROU border and flows on in ROU/.test(x))).toBe(true);

    const outlets = await panel().locator('[data-testid=trace-outlets] li').allTextContents();
    expect(outlets).toHaveLength(3);
    // Each names its Delta arm (reviewed names: Chilia/Kiliya, Sulina, Sfântu Gheorghe arms).
    expect(outlets.every((o) => /^Black Sea via \S/.test(o))).toBe(true);
    expect(new Set(outlets.map((o) => o.replace(/ at .*/, ''))).size).toBe(3);
    expect(outlets.filter((o) => / main$/.test(o))).toHaveLength(1);

    const text = (await panel().textContent()) ?? '';
    expect(text).not.toMatch(/km [\d.,]+ km/); // "km 0.0 km – 58 km"
    expect(text).not.toMatch(/kmmain|\d\.0 km/);
    const countries = await panel().locator('[data-testid=trace-countries] li').allTextContents();
    expect(countries[0]).toMatch(/^Serbia 0–9\d km$/);
    expect(await axeViolations(b.page, '[data-testid=trace-panel]')).toEqual([]);
    await waitIdle(b.page);
    await b.screenshot('belgrade-en');
  });

  it('gives Serbia and Romania the same fixed colours in two different traces, neither of them blue', async () => {
    const serbia = await swatchOf('SRB');
    const romania = await swatchOf('ROU');
    expect(serbia).toBe(rgbOf(countryColor('SRB')));
    expect(romania).toBe(rgbOf(countryColor('ROU')));
    for (const c of [serbia, romania]) {
      const [r, g, bl] = (c.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      expect(bl > r + 30 && bl > g, c).toBe(false);
    }
    // The map paints the path with the same colour as the panel's swatch.
    const mapColours = await b.page.evaluate(() => {
      const map = window.__hazatlas?.map;
      const feats = map?.querySourceFeatures('trace') ?? [];
      const out: Record<string, string> = {};
      for (const f of feats) {
        const p = f.properties as { country?: string; color?: string };
        if (p.country && p.color) out[p.country] = p.color;
      }
      return out;
    });
    expect(mapColours.SRB).toBe(countryColor('SRB'));
    expect(mapColours.ROU).toBe(countryColor('ROU'));

    await openTrace(BUDAPEST, 'en');
    expect(await swatchOf('SRB')).toBe(serbia);
    expect(await swatchOf('ROU')).toBe(romania);
  });

  it('reads in Russian with Russian number formats', async () => {
    await openTrace(BELGRADE, 'ru');
    const first = await panel().locator('[data-testid=trace-borders] li').first().textContent();
    expect(first).toMatch(/^начинает течь по границе SRB\/ROU на 9\d км$/);
    const outlets = await panel().locator('[data-testid=trace-outlets] li').allTextContents();
    // Russian groups thousands with a no-break space: "1 139 км".
    expect(outlets.some((o) => /на 1\s1\d\d км/.test(o))).toBe(true);
    expect(await axeViolations(b.page, '[data-testid=trace-panel]')).toEqual([]);
    await b.screenshot('belgrade-ru');
  });

  it('keeps the panel usable on a phone', async () => {
    await b.page.setViewportSize({ width: 390, height: 844 });
    await openTrace(BELGRADE, 'en');
    await panel().locator('[data-testid=trace-borders]').scrollIntoViewIfNeeded();
    await b.screenshot('belgrade-phone');
    expect(await panel().locator('[data-testid=trace-borders] li').count()).toBeGreaterThanOrEqual(3);
  });
});
