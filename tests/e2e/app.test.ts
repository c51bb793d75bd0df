// The web app in a real browser (Debian Chromium, every request outside the test server refused)
// against the real server and a copy of the built database. Screenshots of each step land in
// test-artifacts/app/. Needs the built client (`npm run build:client`).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/auth.js';
import { ARTIFACTS, type BrowserSession, logInBrowser, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import {
  canvasStats,
  clickLonLat,
  jumpTo,
  mapView,
  renderedCount,
  waitForFirstIdle,
  waitIdle,
} from './map-helpers.js';

interface SiteRow {
  id: string;
  name: string;
  location: { lon: number; lat: number };
}

let server: RunningServer;
let b: BrowserSession;
const glyphStatuses: number[] = [];
const tileStatuses: number[] = [];
const timings: Record<string, number> = {};
let pancevo: SiteRow;

const EDITOR = { username: 'e2e-editor', password: 'e2e-editor-password-1', role: 'editor' as const };

beforeAll(async () => {
  const db = copyOfBuiltDb();
  createUser(db, EDITOR);
  server = await startServer(db);
  const res = await fetch(`${server.url}/api/sites?q=${encodeURIComponent('NIS Pančevo')}`);
  const list = (await res.json()) as { items: SiteRow[] };
  const site = list.items.find((s) => s.name === 'NIS Pančevo oil refinery');
  if (!site) throw new Error('seeded site NIS Pančevo oil refinery not found');
  pancevo = site;
  b = await openBrowser(server.url, { suite: 'app' });
  // Writes (the import dry run) need an editor's session.
  await logInBrowser(b, server.url, EDITOR);
  b.page.on('response', (r) => {
    if (r.url().includes('/api/glyphs/')) glyphStatuses.push(r.status());
    if (r.url().includes('/api/tiles/')) tileStatuses.push(r.status());
  });
});

afterAll(async () => {
  fs.mkdirSync(path.join(ARTIFACTS, 'app'), { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'app/timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  await b?.close();
  await server?.close();
});

const panel = () => b.page.locator('[data-testid=site-panel]');
const tracePanel = () => b.page.locator('[data-testid=trace-panel]');

describe('web app in Chromium, offline', () => {
  it('draws the offline basemap with labels, basins and sites, fetching nothing from outside', async () => {
    const { page } = b;
    const started = Date.now();
    await page.goto(`${server.url}/?lang=en&map=5/45.3/24`);
    timings.firstIdleColdServerMs = await waitForFirstIdle(page);
    timings.firstIdleColdServerWallMs = Date.now() - started;
    console.log(`first map idle with all layers (cold server): ${timings.firstIdleColdServerMs} ms`);
    await b.screenshot('basemap');

    const px = await canvasStats(page);
    expect(px.width).toBeGreaterThan(500);
    expect(px.distinctColours).toBeGreaterThan(50);
    expect(px.landShare).toBeGreaterThan(0.3); // the Balkans and the Carpathians…
    expect(px.oceanShare).toBeGreaterThan(0.02); // …and the Black Sea and the Adriatic
    expect(px.nonBackgroundShare).toBeGreaterThan(0.5);

    // Every basemap layer the issue lists has something on screen, labels included.
    for (const layers of [
      ['countries-fill'],
      ['lakes'],
      ['boundaries'],
      ['rivers-major', 'rivers-medium'],
      ['country-labels'],
      ['place-labels'],
      ['basin-fill'],
      ['basin-labels'],
      ['site-points', 'site-clusters'],
    ]) {
      expect(await renderedCount(page, layers), layers.join()).toBeGreaterThan(0);
    }
    expect(b.blocked).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(glyphStatuses.length).toBeGreaterThan(0);
    expect(glyphStatuses.every((s) => s === 200)).toBe(true);
    expect(tileStatuses.length).toBeGreaterThan(0);
    expect(tileStatuses.every((s) => s === 200)).toBe(true);

    // A second visit to the now-warm server, as a user opening the app would see it.
    const again = Date.now();
    await page.reload();
    timings.firstIdleWarmServerMs = await waitForFirstIdle(page);
    timings.firstIdleWarmServerWallMs = Date.now() - again;
    console.log(`first map idle with all layers (warm server): ${timings.firstIdleWarmServerMs} ms`);
  });

  it('fits the map to the Danube Delta from the basin selector, list and map in step', async () => {
    const { page } = b;
    await page.selectOption('[data-testid=basin-select]', { label: 'Danube Delta' });
    await page.waitForFunction(() => !document.querySelector('.site-list h2')?.textContent?.includes('…'));
    await page.waitForTimeout(800); // the fit animation
    await waitIdle(page);
    await b.screenshot('danube-delta');
    const view = await mapView(page);
    expect(view.lon).toBeGreaterThan(28.3);
    expect(view.lon).toBeLessThan(30);
    expect(view.lat).toBeGreaterThan(44.6);
    expect(view.lat).toBeLessThan(45.7);
    const listed = await page.locator('.site-list .site-item-name').allTextContents();
    expect(listed).toContain('Alum Tulcea alumina refinery and red mud ponds');
    expect(listed).not.toContain('Petrobrazi refinery');
    const onMap = await page.evaluate(async () => {
      const src = window.__hazatlas?.map.getSource('sites') as unknown as {
        getData(): Promise<{ features: { properties: { name: string } }[] }>;
      };
      return (await src.getData()).features.map((f) => f.properties.name);
    });
    expect(onMap.sort()).toEqual([...listed].sort());
    expect(page.url()).toContain('delta=1');
    // Back to every basin.
    await page.selectOption('[data-testid=basin-select]', '');
  });

  it('opens the side panel of a seeded site clicked on the map', async () => {
    const { page } = b;
    const { lon, lat } = pancevo.location;
    await jumpTo(page, lon, lat, 12);
    await clickLonLat(page, lon, lat);
    await panel().locator('h2', { hasText: 'NIS Pančevo oil refinery' }).waitFor();
    const text = (await panel().textContent()) ?? '';
    for (const fact of ['Refinery', 'Operating', 'Serbia', 'Annex I', 'WRI', 'Substances', 'Sources'])
      expect(text, fact).toContain(fact);
    // Its downstream summary names the countries its spill would reach.
    expect(text).toMatch(/countries downstream: Serbia, Romania, Bulgaria, Ukraine\./);
    expect(page.url()).toContain(`site=${pancevo.id}`);
    await b.screenshot('site-panel');
  });

  it('traces from the panel: progress, then the path by country, crossings and the ordered results', async () => {
    const { page } = b;
    // Hold the trace answer briefly so the progress indicator can be seen.
    await page.route('**/api/trace?**', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await panel().getByRole('button', { name: 'Trace downstream' }).click();
    await tracePanel().locator('.progress').waitFor();
    await b.screenshot('trace-running');
    await tracePanel().locator('[data-testid=trace-countries]').waitFor();
    await page.unroute('**/api/trace?**');
    await page.waitForTimeout(800); // the fit to the trace
    await waitIdle(page);
    await b.screenshot('trace');

    const iso = await tracePanel()
      .locator('[data-testid=trace-countries] [data-iso3]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')));
    const countriesText = (await tracePanel().locator('[data-testid=trace-countries]').textContent()) ?? '';
    expect(iso[0]).toBe('SRB');
    expect(iso).toContain('ROU');
    // Serbia, the Serbian–Romanian stretch, Bulgaria/Romania, Romania, the Romanian–Ukrainian stretch.
    for (const name of ['Romania', 'Bulgaria', 'UKR']) expect(countriesText).toContain(name);
    expect(countriesText.indexOf('Serbia')).toBeLessThan(countriesText.indexOf('Bulgaria'));
    expect(countriesText.indexOf('Bulgaria')).toBeLessThan(countriesText.indexOf('UKR'));
    expect(await tracePanel().locator('[data-testid=trace-length]').textContent()).toMatch(/\d+ km/);
    expect(await tracePanel().textContent()).toContain('Black Sea');

    expect(await renderedCount(page, ['trace-line', 'trace-border'])).toBeGreaterThan(0);
    const roles = await page.evaluate(async () => {
      const src = window.__hazatlas?.map.getSource('trace-points') as unknown as {
        getData(): Promise<{ features: { properties: { role: string } }[] }>;
      };
      return (await src.getData()).features.map((f) => f.properties.role);
    });
    expect(roles).toContain('crossing');
    expect(roles).toContain('outlet');
    expect(page.url()).toMatch(/trace=20\.\d+,44\.\d+/);

    // Clicking a country in the results zooms the map to its stretch.
    const before = await mapView(page);
    await tracePanel()
      .getByRole('button', { name: /Zoom to Serbia/ })
      .first()
      .click();
    await page.waitForTimeout(900);
    const after = await mapView(page);
    expect(after.zoom).toBeGreaterThan(before.zoom);
  });

  it('restores the view, the site, the trace and the filters from a permalink', async () => {
    const { page } = b;
    await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption('hazardous_activity'); // Kind
    await page.waitForTimeout(400);
    await waitIdle(page);
    const view = await mapView(page);
    const url = page.url();
    expect(url).toContain('kind=hazardous_activity');

    // Open the link afresh (a new document: nothing carried over but the URL).
    await page.goto('about:blank');
    await page.goto(url);
    await waitForFirstIdle(page);
    await panel().locator('h2', { hasText: 'NIS Pančevo oil refinery' }).waitFor();
    await tracePanel().locator('[data-testid=trace-countries]').waitFor();
    const restored = await mapView(page);
    expect(restored.lon).toBeCloseTo(view.lon, 2);
    expect(restored.lat).toBeCloseTo(view.lat, 2);
    expect(restored.zoom).toBeCloseTo(view.zoom, 1);
    expect(await page.getByRole('combobox', { name: 'Kind', exact: true }).inputValue()).toBe(
      'hazardous_activity',
    );
    expect(page.url()).toBe(url);
    await b.screenshot('permalink-restored');
  });

  it('shows the server message when a trace starts in the sea', async () => {
    const { page } = b;
    await jumpTo(page, 31, 43.2, 6);
    await page.getByRole('button', { name: 'Trace from map' }).click();
    await clickLonLat(page, 31, 43.2);
    const alert = tracePanel().getByRole('alert');
    await alert.waitFor();
    // The panel shows what the server answered for the clicked point (kept in the URL).
    const at = new URL(page.url()).searchParams.get('trace') ?? '';
    const [lon, lat] = at.split(',');
    const expected = (await (await fetch(`${server.url}/api/trace?lon=${lon}&lat=${lat}`)).json()) as {
      error: { code: string; message: string };
    };
    expect(expected.error.code).toBe('POINT_IN_SEA');
    expect(await alert.textContent()).toBe(expected.error.message);
    await b.screenshot('trace-error');
  });

  it('switches the interface to Russian', async () => {
    const { page } = b;
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('button', { name: 'Трассировка с карты' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    expect(await page.locator('.filters label span').first().textContent()).toBe('Бассейн');
    expect(await page.locator('#legend-title').textContent()).toBe('Слои');
    expect(page.url()).toContain('lang=ru');
    await waitIdle(page);
    await b.screenshot('russian');
  });

  it('reports a bad row in the import dry run, before anything is committed', async () => {
    const { page } = b;
    const before = ((await (await fetch(`${server.url}/api/sites?limit=1`)).json()) as { total: number })
      .total;
    await page.getByRole('button', { name: 'Импорт' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    const csv = [
      'name,kind,sector,status,lon,lat,sources',
      'Test depot,hazardous_activity,oil_gas_storage,operating,20.47,44.81,e2e test',
      'Bad row,hazardous_activity,chemical,operating,20.5,95,e2e test',
    ].join('\n');
    await dialog
      .locator('#import-file')
      .setInputFiles({ name: 'sites.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    expect(await dialog.locator('#import-format').inputValue()).toBe('csv');
    await dialog.locator('#import-crs').selectOption('EPSG:4326');
    await dialog.getByRole('button', { name: 'Проверить файл' }).click();
    const report = dialog.locator('[data-testid=import-report]');
    await report.waitFor();
    const rows = await report.locator('tbody tr').allTextContents();
    expect(rows.length).toBe(1);
    expect(rows[0]).toMatch(/^3/); // line 3 of the file: the header is line 1
    expect(rows[0]).toMatch(/lat/);
    expect(await report.locator('p').first().textContent()).toMatch(/1.*1/);
    await b.screenshot('import-dry-run');
    // A dry run commits nothing.
    const after = ((await (await fetch(`${server.url}/api/sites?limit=1`)).json()) as { total: number })
      .total;
    expect(after).toBe(before);
  });
});

describe('optional online layer', () => {
  it('asks OpenStreetMap for raster tiles only once the OSM layer is switched on', async () => {
    const { page } = b;
    await page.keyboard.press('Escape'); // close the import dialog
    const osmBlocked = () => b.blocked.filter((u) => u.startsWith('https://tile.openstreetmap.org/'));
    expect(osmBlocked()).toEqual([]);
    await page.getByRole('checkbox', { name: 'OpenStreetMap (онлайн)' }).check();
    // Offline here, so the requests were refused: the map says so (issue 13), takes the layer and its
    // attribution off, and the basemap underneath still draws.
    await page.getByTestId('online-failed').waitFor();
    expect(osmBlocked().length).toBeGreaterThan(0);
    expect(await page.evaluate(() => Boolean(window.__hazatlas?.map.getLayer('osm')))).toBe(false);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain('OpenStreetMap');
    expect(page.url()).toContain('osm');
    await page.getByRole('checkbox', { name: 'OpenStreetMap (онлайн)' }).uncheck();
    await page.getByTestId('online-failed').waitFor({ state: 'detached' });
    await page.waitForFunction(() => !window.__hazatlas?.map.getLayer('osm'));
  });
});
