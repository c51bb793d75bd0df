// Receptor layers and location screening in Chromium as a logged-in editor: import a GeoJSON layer
// (a water intake on the Danube, a flood zone around HIP Azotara Pančevo, one bad feature) — the dry
// run lists the bad feature, the commit stores the valid two — the map layer and the list show them;
// natech screening flags Azotara inside the flood zone, border screening the sites next to a border
// (as the API answers); a receptor is deleted after confirming. Screenshots in test-artifacts/receptors/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../support/browser.js';
import type { RunningServer } from '../support/server.js';
import { clickLonLat, jumpTo, mapView, renderedCount, waitIdle } from './map-helpers.js';
import { openAppAs } from './session.js';

const EDITOR = { username: 'e2e-receptors', password: 'e2e-receptors-password-1', role: 'editor' as const };
let server: RunningServer;
let b: BrowserSession;

beforeAll(async () => {
  ({ server, b } = await openAppAs(EDITOR, { suite: 'receptors' }));
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const FLOOD_ZONE = 'Tamiš–Danube flood plain (test)';
const INTAKE = 'Danube water intake, Pančevo (test)';
// Around HIP Azotara Pančevo (20.70, 44.82) only: NIS Pančevo refinery (20.69, 44.83) stays outside.
const floodRing = [
  [20.695, 44.812],
  [20.712, 44.812],
  [20.712, 44.826],
  [20.695, 44.826],
  [20.695, 44.812],
];
const LAYER = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: INTAKE, kind: 'water_intake', population: 120000 },
      geometry: { type: 'Point', coordinates: [20.64, 44.835] },
    },
    {
      type: 'Feature',
      properties: { name: FLOOD_ZONE, kind: 'flood_zone' },
      geometry: { type: 'Polygon', coordinates: [floodRing] },
    },
    {
      type: 'Feature',
      properties: { name: 'School beyond the pole (bad)', kind: 'school' },
      geometry: { type: 'Point', coordinates: [20.6, 95] },
    },
  ],
};

const receptorTotal = async () =>
  ((await (await fetch(`${server.url}/api/receptors?limit=1`)).json()) as { total: number }).total;

describe('receptor layers in the browser', () => {
  it('imports a GeoJSON layer: the dry run lists the bad feature, the commit stores the two valid ones', async () => {
    const { page } = b;
    const before = await receptorTotal();
    await page.getByTestId('receptors-open').click();
    const panel = page.getByTestId('receptors-panel');
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Import layer…' }).click();
    const dialog = page.getByTestId('receptor-import-dialog');
    await dialog.waitFor();
    await dialog.locator('#receptor-import-file').setInputFiles({
      name: 'receptors.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(LAYER)),
    });
    expect(await dialog.locator('#receptor-import-format').inputValue()).toBe('geojson');
    await dialog.getByRole('button', { name: 'Check file' }).click();
    const report = dialog.getByTestId('import-report');
    await report.locator('tbody tr').first().waitFor();
    const rows = await report.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^3/); // the third feature
    expect(rows[0]).toMatch(/geometry/);
    await expect(report.locator('p').first().textContent()).resolves.toBe('2 rows accepted, 1 rejected.');
    expect(await receptorTotal()).toBe(before); // a dry run stores nothing
    await b.screenshot('import-dry-run');
    // Another default kind makes that dry run stale: it must be checked again before committing.
    await dialog.locator('#receptor-import-kind').selectOption('school');
    await report.waitFor({ state: 'detached' });
    await dialog.locator('#receptor-import-kind').selectOption('');
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await report.locator('tbody tr').first().waitFor();

    await dialog.getByRole('button', { name: 'Import the 2 valid rows, skip 1' }).click();
    await report.getByText('2 receptors imported; rows skipped: 1.').waitFor();
    expect(await receptorTotal()).toBe(before + 2);
    await b.screenshot('import-committed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The list, by kind.
    await panel.getByTestId('receptor-item').nth(1).waitFor();
    await expect(panel.locator('[data-kind=water_intake]').textContent()).resolves.toContain(INTAKE);
    await expect(panel.locator('[data-kind=flood_zone]').textContent()).resolves.toContain(FLOOD_ZONE);
  });

  it('draws the layer (flood zone as an area, the intake as a point) and the legend toggle hides it', async () => {
    const { page } = b;
    const panel = page.getByTestId('receptors-panel');
    await panel.getByRole('button', { name: FLOOD_ZONE, exact: true }).click();
    await page.waitForFunction(() => (window.__hazatlas?.map.getZoom() ?? 0) > 11);
    await jumpTo(page, 20.68, 44.825, 12.5);
    await page.waitForFunction(() => {
      const map = window.__hazatlas?.map;
      return (
        !!map?.getLayer('receptor-fill') &&
        map.queryRenderedFeatures({ layers: ['receptor-fill'] }).length > 0
      );
    });
    const names = await page.evaluate(() =>
      (
        window.__hazatlas?.map.queryRenderedFeatures({ layers: ['receptor-fill', 'receptor-points'] }) ?? []
      ).map((f) => `${f.properties?.kind}:${f.properties?.name}`),
    );
    expect(names).toContain(`flood_zone:${FLOOD_ZONE}`);
    expect(names).toContain(`water_intake:${INTAKE}`);
    await b.screenshot('layer-drawn');

    const toggle = page.getByRole('checkbox', { name: 'Receptors (imported layers)' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await waitIdle(page);
    expect(await renderedCount(page, ['receptor-fill', 'receptor-points'])).toBe(0);
    expect(new URL(page.url()).searchParams.get('layers')).not.toContain('receptors');
    await toggle.check();
    await waitIdle(page);
    expect(await renderedCount(page, ['receptor-fill', 'receptor-points'])).toBeGreaterThan(1);
  });

  it('names a receptor clicked on the map in a popup', async () => {
    const { page } = b;
    await clickLonLat(page, 20.64, 44.835);
    const popup = page.locator('.maplibregl-popup .receptor-popup');
    await popup.waitFor();
    expect(await popup.locator('strong').textContent()).toBe(INTAKE);
    expect(await popup.textContent()).toContain('Water intake');
    await b.screenshot('receptor-popup');
    await page.locator('.maplibregl-popup-close-button').click();
    await popup.waitFor({ state: 'detached' });
  });
});

describe('location screening in the browser', () => {
  it('natech: with no river distance only Azotara is flagged, inside the imported flood zone', async () => {
    const { page } = b;
    // Opened by keyboard: the focus moves into the panel, the next Tab reaches its first control.
    await page.getByTestId('screening-open').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('screening-panel');
    await panel.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'screening-title');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Border');
    await panel.getByRole('button', { name: 'Natech' }).click();
    await panel.getByTestId('screening-natech').waitFor();
    // The default (500 m of a river) flags many sites; 0 m leaves the flood zone alone.
    await panel.getByLabel('River within, m').fill('0');
    await page.waitForFunction(() =>
      /^1 of \d+ sites flagged/.test(
        document.querySelector('[data-testid=screening-natech] p')?.textContent ?? '',
      ),
    );
    const api = (await (await fetch(`${server.url}/api/screening/natech?riverWithinM=0`)).json()) as {
      sites: { name: string; reasons: { code: string; name?: string }[] }[];
    };
    expect(api.sites.map((s) => s.name)).toEqual(['HIP Azotara Pančevo']);
    const row = panel.locator('tbody tr');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.getAttribute('data-site')).resolves.toBe('HIP Azotara Pančevo');
    await expect(row.locator('[data-code=in_flood_zone]').textContent()).resolves.toBe(
      `Inside the flood zone “${FLOOD_ZONE}”`,
    );
    await b.screenshot('natech');

    // Clicking the site selects it on the map, as the site list does.
    await jumpTo(page, 25, 45, 5);
    await row.getByRole('button', { name: 'HIP Azotara Pančevo' }).click();
    await page.getByTestId('site-panel').locator('h2', { hasText: 'HIP Azotara Pančevo' }).waitFor();
    expect(new URL(page.url()).searchParams.get('site')).toBeTruthy();
    await page.waitForFunction(() => {
      const c = window.__hazatlas?.map.getCenter();
      return !!c && Math.abs(c.lng - 20.7) < 0.05 && Math.abs(c.lat - 44.82) < 0.05;
    });
    expect((await mapView(page)).zoom).toBeGreaterThan(7);
    await b.screenshot('natech-site-selected');
  });

  it('border: the sites within 1 km of a land border, as the API lists them, with their distances', async () => {
    const { page } = b;
    const panel = page.getByTestId('screening-panel');
    await panel.getByRole('button', { name: 'Border' }).click();
    await panel.getByLabel('River reaches a border within, km').fill('0');
    await panel.getByLabel('Land border within, km').fill('1');
    const api = (await (
      await fetch(`${server.url}/api/screening/border?withinKm=0&borderWithinKm=1`)
    ).json()) as {
      total: number;
      sites: { name: string; distanceToBorderKm: number; reasons: { code: string }[] }[];
    };
    const near = api.sites.filter((s) => s.reasons.some((r) => r.code === 'near_land_border'));
    expect(near.map((s) => s.name)).toContain('Giurgiulești International Free Port oil terminal');
    await page.waitForFunction(
      (n) => document.querySelector('[data-testid=screening-border] p')?.textContent?.startsWith(`${n} of `),
      api.total,
    );
    const rows = panel.locator('[data-testid=screening-border] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-site')))).toEqual(
      api.sites.map((s) => s.name),
    );
    const giurgiulesti = rows.filter({ hasText: 'Giurgiulești' });
    await expect(giurgiulesti.locator('[data-code=near_land_border]').textContent()).resolves.toBe(
      '0.2 km from a land border',
    );
    await expect(giurgiulesti.locator('td').nth(1).textContent()).resolves.toBe('0.2 km');
    await expect(giurgiulesti.locator('td').nth(2).textContent()).resolves.toBe('—');
    await b.screenshot('border');

    // Keyboard: focus the site and press Enter.
    await giurgiulesti.getByRole('button', { name: /Giurgiulești/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('site-panel').locator('h2', { hasText: 'Giurgiulești' }).waitFor();
    expect(await giurgiulesti.getAttribute('class')).toBe('selected');
    await page.waitForFunction(() => {
      const c = window.__hazatlas?.map.getCenter();
      return !!c && Math.abs(c.lng - 28.2) < 0.3 && Math.abs(c.lat - 45.47) < 0.3;
    });

    // A parameter out of range is explained and nothing is asked.
    await panel.getByLabel('Land border within, km').fill('9999');
    await panel.getByText('Enter a number from 0 to 5000').waitFor();
    expect(await panel.getByLabel('Land border within, km').getAttribute('aria-invalid')).toBe('true');
    await panel.getByLabel('Land border within, km').fill('1');

    // Russian.
    await page.getByLabel('Language').selectOption('ru');
    await panel.locator('h2', { hasText: 'Скрининг размещения' }).waitFor();
    await expect(giurgiulesti.locator('[data-code=near_land_border]').textContent()).resolves.toBe(
      '0,2 км до сухопутной границы',
    );
    await b.screenshot('border-ru');
    await page.getByLabel('Язык').selectOption('en');
    await panel.getByRole('button', { name: 'Close screening' }).click();
  });
});

describe('deleting receptors, and a refused write', () => {
  it('deletes a receptor after confirming (Cancel focused first)', async () => {
    const { page } = b;
    const panel = page.getByTestId('receptors-panel');
    const before = await receptorTotal();
    await panel.getByRole('button', { name: `Delete ${INTAKE}` }).click();
    const confirm = panel.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await b.screenshot('confirm-delete');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await receptorTotal()).toBe(before);
    await panel.getByRole('button', { name: `Delete ${INTAKE}` }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete' }).click();
    await panel.locator('[data-kind=water_intake]').waitFor({ state: 'detached' });
    expect(await receptorTotal()).toBe(before - 1);
    await expect(panel.getByTestId('receptor-item').count()).resolves.toBe(1);
  });

  it('when the session has ended on the server, a delete shows the 401 message and the write controls go', async () => {
    const { page } = b;
    const panel = page.getByTestId('receptors-panel');
    // The session ends elsewhere (another tab, an admin): the page still shows editor controls.
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    await page.request.post(`${server.url}/api/auth/logout`, { headers: { 'X-CSRF-Token': me.csrfToken } });
    const before = await receptorTotal();
    await panel.getByRole('button', { name: `Delete ${FLOOD_ZONE}` }).click();
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete' }).click();
    // The server's own message, next to the list; the header asks to log in.
    const anonymous = (await (
      await fetch(`${server.url}/api/receptors/00000000-0000-4000-8000-000000000000`, { method: 'DELETE' })
    ).json()) as { error: { message: string } };
    await panel.getByRole('alert').filter({ hasText: anonymous.error.message }).waitFor();
    await page.getByTestId('auth').getByText('Log in to do this.').waitFor();
    await expect(panel.getByRole('alertdialog').count()).resolves.toBe(0);
    expect(await receptorTotal()).toBe(before);
    // Now anonymous: no import or delete, the list stays readable.
    await panel.getByText('Editors can import and delete receptors after logging in.').waitFor();
    await expect(panel.getByRole('button', { name: 'Import layer…' }).count()).resolves.toBe(0);
    await expect(panel.getByRole('button', { name: /^Delete/ }).count()).resolves.toBe(0);
    await expect(panel.getByTestId('receptor-item').count()).resolves.toBe(1);
    await b.screenshot('session-ended');
    // The refused request is the only console error.
    expect(b.errors.filter((e) => !/401/.test(e))).toEqual([]);
    expect(b.blocked).toEqual([]);
  });
});
