// Issue 13 #9 (the part done here) in Chromium: the map's own controls speak the UI language and follow
// a language switch; Russian number formats in the trace panel. Screenshots in test-artifacts/russian/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  b = await openBrowser(server.url, { suite: 'russian', viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

// A cold first map idle on a loaded machine can take most of a minute: the suite allows two.
describe('Russian', { timeout: 120_000 }, () => {
  it('names the zoom buttons and the map in Russian, and in English after a switch', async () => {
    const { page } = b;
    // Belgrade, 20.47 E 44.81 N: ~1,160 km of Danube to the Black Sea.
    await page.goto(`${server.url}/?lang=ru&trace=20.47,44.81`);
    await waitForFirstIdle(page);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('Приблизить');
    expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('title')).toBe('Отдалить');
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(1);
    expect(await page.locator('#map .maplibregl-canvas').getAttribute('aria-label')).toMatch(/^Карта/);
    // Russian numbers: "1 203 км" (no-break space groups; Danube km 1,170 at Belgrade plus the Delta arm),
    // never "1,203 km".
    const total = (await page.getByTestId('trace-length').textContent()) ?? '';
    expect(total.replace(/\s/g, ' ')).toMatch(/^1 [12]\d{2} км$/);
    expect(await axeViolations(page)).toEqual([]);
    await b.screenshot('ru');

    await page.getByLabel('Язык').selectOption('en');
    await page.locator('.maplibregl-ctrl-zoom-in[title="Zoom in"]').waitFor();
    expect(await page.locator('.maplibregl-ctrl-zoom-in').count()).toBe(1);
    expect(await page.getByTestId('trace-length').textContent()).toMatch(/^1,[12]\d{2} km$/);
  });
});
