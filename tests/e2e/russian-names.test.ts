// Issue 13 #9 in Chromium: in Russian, the main views name countries, seas, delta arms and places in
// Russian (countries from Natural Earth's name_ru or CLDR, seas from data/water-names-ru.json, arms from
// data/river-names.json), the map's labels and scale bar follow, no English UI words leak into the trace
// panel, site panel, search, legend, planning panel or matrix, and axe finds nothing serious in either
// language. Screenshots in test-artifacts/russian-names/.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle, waitIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;
/** HIP Azotara Pančevo (Serbia, on the Danube), a seed site. */
let azotara: string;

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  b = await openBrowser(server.url, { suite: 'russian-names', viewport: { width: 1440, height: 900 } });
  const r = (await (await fetch(`${server.url}/api/sites?q=Azotara`)).json()) as { items: { id: string }[] };
  azotara = r.items[0]?.id ?? '';
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

/** Text of the element's text nodes, outside select options (basin and country names are data). */
async function texts(l: Locator): Promise<string[]> {
  return l.evaluate((root) => {
    const out: string[] = [];
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const t = (n.textContent ?? '').trim();
      if (t && !n.parentElement?.closest('option, select, datalist')) out.push(t);
    }
    return out;
  });
}

/** Lower-case Latin words of three letters or more: English UI text (codes like SRB are upper case). */
const englishWords = (lines: string[]) =>
  lines.flatMap((s) => s.match(/\b[a-z]{3,}\b/g) ?? []).filter((w) => w !== 'csv');

/** UI strings that used to stay English in Russian (issue 13 #9). */
const KNOWN_ENGLISH = ['Black Sea', 'Serbia', 'Romania', 'Bulgaria', 'Ukraine', ' arm', 'Zoom', 'km', 'mg/L'];

async function noEnglish(page: Page, l: Locator): Promise<void> {
  const lines = await texts(l);
  const all = lines.join('\n');
  for (const s of KNOWN_ENGLISH) expect(all, `"${s}" in ${all}`).not.toContain(s);
  expect(englishWords(lines)).toEqual([]);
  void page;
}

describe('Russian names and no English leaks', { timeout: 180_000 }, () => {
  it('trace panel: countries, the Black Sea and the Delta arms in Russian; map labels and scale too', async () => {
    const { page } = b;
    // Belgrade, 20.47 E 44.81 N: down the Danube through Serbia, along the borders with Romania and
    // Bulgaria, and through the Delta (Romania, Ukraine) to the Black Sea.
    await page.goto(`${server.url}/?lang=ru&trace=20.47,44.81`);
    await waitForFirstIdle(page);
    const panel = page.getByTestId('trace-panel');
    const countries = await panel.getByTestId('trace-countries').locator('[data-iso3]').allTextContents();
    expect(countries[0]).toBe('Сербия');
    for (const c of ['Румыния', 'Болгария']) expect(countries).toContain(c);
    const outlets = (await panel.getByTestId('trace-outlets').textContent()) ?? '';
    expect(outlets).toContain('Чёрное море');
    // data/river-names.json: Килийское, Сулинское, Георгиевское гирло.
    expect(outlets).toMatch(/гирло/);
    await noEnglish(page, panel);
    // Basemap labels: country names from the tiles' name_ru.
    const labels = await page.evaluate(() => {
      const map = window.__hazatlas?.map;
      return {
        field: JSON.stringify(map?.getLayoutProperty('country-labels', 'text-field')),
        ru: (map?.queryRenderedFeatures({ layers: ['country-labels'] }) ?? []).map(
          (f) => f.properties?.name_ru as string,
        ),
      };
    });
    expect(labels.field).toContain('name_ru');
    // Ukraine, the largest country in view, is always labelled; every label drawn has a Russian name.
    expect(labels.ru).toContain('Украина');
    expect(labels.ru.every((n) => /^[А-ЯЁа-яё\s-]+$/.test(n))).toBe(true);
    expect(await page.locator('.maplibregl-ctrl-scale').textContent()).toMatch(/\d+\s(км|м)$/);
    expect(await axeViolations(page)).toEqual([]);
    await b.screenshot('trace-ru');
    // A release: the model's assumptions in Russian (server/core/transport/model-notes.ts).
    await page.goto(`${server.url}/?lang=ru&trace=20.47,44.81&releaseKg=10000`);
    const assumptions = page.getByTestId('trace-panel').locator('details ul li');
    await assumptions.first().waitFor({ state: 'attached' });
    expect(await assumptions.first().textContent()).toMatch(/^Мгновенный выброс/);
  });

  it('site panel: country, river and "Сток в Чёрное море" in Russian', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=ru&site=${azotara}`);
    const panel = page.getByTestId('site-panel');
    await panel.getByText(/Сток в Чёрное море/).waitFor();
    expect(await panel.textContent()).toContain('Сербия');
    // The receiving river by its reviewed Russian name (data/river-names.json: Danube → Дунай).
    expect(await panel.textContent()).toMatch(/РекаДунай/);
    expect(await panel.textContent()).toMatch(/БассейнДунай/);
    const all = (await texts(panel)).join('\n');
    for (const s of ['Black Sea', 'Serbia', 'Drains to', 'mg/L']) expect(all).not.toContain(s);
    expect(await axeViolations(page)).toEqual([]);
    await b.screenshot('site-ru');
  });

  it('search and country select: "Таджикистан" finds Tajikistan, named in Russian', async () => {
    const { page } = b;
    await page.keyboard.press('Escape');
    const search = page.getByRole('combobox').first();
    await search.fill('Таджикистан');
    const first = page.locator('[data-testid=search-results] [role=option]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-kind')).toBe('country');
    expect(await first.textContent()).toMatch(/Таджикистан/);
    expect(await axeViolations(page, 'header')).toEqual([]);
    await search.fill('');
    const options = await page.getByTestId('country-select').locator('option').allTextContents();
    expect(options.some((o) => o.startsWith('Сербия'))).toBe(true);
    expect(options.some((o) => o.startsWith('Serbia'))).toBe(false);
    // The basin picker names the Convention's basins by their rivers' reviewed Russian names, and their
    // seas in Russian (data/river-names.json, data/water-names-ru.json).
    const basinOptions = await page.getByTestId('basin-select').locator('option').allTextContents();
    expect(basinOptions.some((o) => /^Дунай.*Чёрное море/.test(o))).toBe(true);
    expect(basinOptions.some((o) => /^Сырдарья/.test(o))).toBe(true);
    expect(basinOptions.some((o) => o.startsWith('Danube'))).toBe(false);
  });

  it('legend, planning panel and matrix: no English words; axe clean in Russian and English', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=ru`);
    await waitForFirstIdle(page);
    const legend = page.getByRole('region', { name: 'Легенда' });
    const legendLines = await texts(legend);
    // "OpenStreetMap" is a name; WRI/THI are index names (upper case).
    expect(englishWords(legendLines.map((l) => l.replace('OpenStreetMap', '')))).toEqual([]);
    await page.getByTestId('planning-open').click();
    const planning = page.getByTestId('planning-panel');
    await planning.waitFor();
    expect(englishWords(await texts(planning))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Матрица бассейна' }).click();
    const dialog = page.getByRole('dialog', { name: 'Трансграничная матрица' });
    await dialog.getByText(/объектов на речной сети влияют на другую страну/).waitFor();
    expect(englishWords(await texts(dialog))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await b.screenshot('matrix-ru');

    // The same views in English stay axe clean.
    await page.goto(`${server.url}/?lang=en&trace=20.47,44.81`);
    await waitForFirstIdle(page);
    await waitIdle(page);
    expect(await page.getByTestId('trace-countries').locator('[data-iso3]').first().textContent()).toBe(
      'Serbia',
    );
    expect(await page.getByTestId('trace-outlets').textContent()).toContain('Black Sea');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/?lang=en&site=${azotara}`);
    await page
      .getByTestId('site-panel')
      .getByText(/Black Sea/)
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
