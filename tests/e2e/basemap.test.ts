// Issue 13 #2 in Chromium: with HAZATLAS_BASEMAP set to a PMTiles archive (generated around the Pančevo
// industrial zone by tests/support/basemap-fixture.ts), zoom 14 over a registered site draws buildings,
// roads and the Danube from the archive, named in the UI language; an unreadable archive is taken off the
// map with its attribution and the map says so. Screenshots in test-artifacts/basemap/.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveSummary } from '../../server/basemap/pmtiles-archive.js';
import { loadConfig } from '../../server/config.js';
import { axeViolations } from '../support/axe.js';
import { AZOTARA, buildBasemapFixture } from '../support/basemap-fixture.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { canvasStats, jumpTo, renderedCount, waitForFirstIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;
let file: string;

function archive(path: string): ArchiveSummary {
  const a = loadConfig({ HAZATLAS_BASEMAP: path }).basemap;
  if (!a) throw new Error('no archive');
  return a;
}

beforeAll(async () => {
  const db = copyOfBuiltDb();
  file = buildBasemapFixture(db).file;
  server = await startServer(db, { app: { basemap: archive(file) } });
  b = await openBrowser(server.url, { suite: 'basemap', viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('detailed basemap', { timeout: 120_000 }, () => {
  it('draws buildings, roads and the river at zoom 14 over HIP Azotara Pančevo', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=ru&map=14/${AZOTARA.lat}/${AZOTARA.lon}`);
    await waitForFirstIdle(page);
    // The three registered Pančevo sites have footprints in the archive; the Belgrade road ends at Azotara.
    expect(await renderedCount(page, ['detail-buildings'])).toBeGreaterThan(0);
    expect(await renderedCount(page, ['detail-roads-major', 'detail-roads-minor'])).toBeGreaterThan(0);
    expect(await renderedCount(page, ['detail-landuse'])).toBeGreaterThan(0);
    // Not a blank page of land colour: building, road, land-use and water colours are all drawn.
    expect((await canvasStats(page)).distinctColours).toBeGreaterThan(4);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('HazAtlas test fixture');
    expect(await page.getByTestId('detail-failed').count()).toBe(0);
    await b.screenshot('pancevo-z14');
    // The Danube (20.60 E 44.83 N lies in the river between Belgrade and Pančevo) at zoom 12.
    await jumpTo(page, 20.6, 44.83, 12);
    expect(await renderedCount(page, ['detail-water', 'detail-waterway'])).toBeGreaterThan(0);
    // Below planning scale only Natural Earth is drawn.
    await jumpTo(page, AZOTARA.lon, AZOTARA.lat, 8);
    expect(await renderedCount(page, ['detail-buildings', 'detail-roads-major', 'detail-water'])).toBe(0);
  });

  it('labels places from the archive in the UI language (Белград, then Belgrade)', async () => {
    const { page } = b;
    // Belgrade's centre, 20.47 E 44.82 N (Natural Earth populated places).
    await jumpTo(page, 20.47, 44.82, 11);
    const labels = () =>
      page.evaluate(() => {
        const map = window.__hazatlas?.map;
        return {
          field: JSON.stringify(map?.getLayoutProperty('detail-place-labels', 'text-field')),
          names: (map?.queryRenderedFeatures({ layers: ['detail-place-labels'] }) ?? []).map(
            (f) => f.properties?.['name:ru'] as string,
          ),
        };
      });
    const ru = await labels();
    expect(ru.names).toContain('Белград');
    expect(ru.field).toContain('name:ru');
    await page.getByLabel('Язык').selectOption('en');
    await page.waitForFunction(() =>
      JSON.stringify(window.__hazatlas?.map.getLayoutProperty('detail-place-labels', 'text-field')).includes(
        'name:en',
      ),
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('says so, and drops the attribution, when the archive cannot be read', async () => {
    // A second server on a copy of the archive that is then truncated (a copy in progress, a bad disk).
    const broken = `${file}.broken.pmtiles`;
    fs.copyFileSync(file, broken);
    const second = await startServer(copyOfBuiltDb(), { app: { basemap: archive(broken) } });
    const bad = await openBrowser(second.url, { suite: 'basemap', viewport: { width: 1440, height: 900 } });
    try {
      fs.writeFileSync(broken, fs.readFileSync(broken).subarray(0, 300));
      await bad.page.goto(`${second.url}/?lang=en&map=14/${AZOTARA.lat}/${AZOTARA.lon}`);
      await bad.page.getByTestId('detail-failed').waitFor();
      expect(await bad.page.getByTestId('detail-failed').textContent()).toMatch(
        /detailed basemap could not be read/,
      );
      await bad.page.waitForFunction(() => !window.__hazatlas?.map.getSource('detail'));
      expect(await bad.page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain(
        'HazAtlas test fixture',
      );
      // The Natural Earth basemap still draws underneath.
      expect((await canvasStats(bad.page)).landShare).toBeGreaterThan(0.3);
      await bad.screenshot('unreadable');
    } finally {
      await bad.close();
      await second.close();
    }
  });
});
