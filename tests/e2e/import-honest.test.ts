// Issue 13 #1 in Chromium: the site import dialog says what the server did — the rows it stored, or
// "nothing was imported" with the reason — offers "import the valid rows" (the server's skipInvalid)
// and a CSV template. Screenshots in test-artifacts/import-honest/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createUser } from '../support/auth.js';
import { axeViolations } from '../support/axe.js';
import { type BrowserSession, logInBrowser, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle } from './map-helpers.js';

const EDITOR = { username: 'e2e-import', password: 'e2e-import-password-1', role: 'editor' as const };
let server: RunningServer & { editorToken: string };
let b: BrowserSession;

beforeAll(async () => {
  const db = copyOfBuiltDb();
  createUser(db, EDITOR);
  server = await startServer(db, { editorToken: true });
  b = await openBrowser(server.url, { suite: 'import-honest' });
  await logInBrowser(b, server.url, EDITOR);
  await b.page.goto(`${server.url}/?lang=en`);
  await waitForFirstIdle(b.page);
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const count = async (q: string) =>
  ((await (await fetch(`${server.url}/api/sites?q=${encodeURIComponent(q)}`)).json()) as { total: number })
    .total;

async function openDialog() {
  const { page } = b;
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  return dialog;
}

async function choose(csv: string, name = 'sites.csv') {
  const dialog = b.page.locator('dialog[open]');
  await dialog
    .locator('#import-file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await dialog.getByRole('button', { name: 'Check file' }).click();
  await dialog.locator('[data-testid=import-report]').waitFor();
}

// Smederevo (44.66 N, 20.93 E) and Kladovo (44.61 N, 22.61 E) are Serbian towns on the Danube (Natural
// Earth populated places); a latitude of 95° and the sector "bakery" are invalid.
const MIXED = [
  'name,kind,sector,status,lon,lat,sources',
  'E2E Smederevo fuel depot,hazardous_activity,oil_gas_storage,operating,20.93,44.66,e2e test',
  'E2E bad latitude,hazardous_activity,chemical,operating,20.5,95,e2e test',
  'E2E bad sector,hazardous_activity,bakery,operating,20.6,44.7,e2e test',
].join('\n');

// A cold first map idle on a loaded machine can take most of a minute: the suite allows two.
describe('honest site import', { timeout: 120_000 }, () => {
  it('after a dry run with rejected rows, offers and stores only the valid rows, then says so', async () => {
    const dialog = await openDialog();
    await choose(MIXED);
    const outcome = dialog.locator('[data-testid=import-outcome]');
    expect(await outcome.textContent()).toBe('1 rows accepted, 2 rejected.');
    // No all-or-nothing "Import 1 sites" that the server would refuse.
    expect(await dialog.getByRole('button', { name: 'Import 1 sites' }).count()).toBe(0);
    expect(await axeViolations(b.page, 'dialog[open]')).toEqual([]);
    await b.screenshot('dry-run-mixed');
    await dialog.getByRole('button', { name: 'Import the 1 valid rows, skip 2' }).click();
    await outcome.getByText('1 sites imported, 2 rejected.').waitFor();
    expect(await outcome.getAttribute('class')).toBe('import-ok');
    expect(await count('E2E Smederevo fuel depot')).toBe(1);
    expect(await count('E2E bad')).toBe(0);
    await b.screenshot('committed-valid-rows');
    await b.page.keyboard.press('Escape');
  });

  it('says "nothing was imported" when the server refuses the commit (a duplicate appeared meanwhile)', async () => {
    const csv = [
      'name,kind,sector,status,lon,lat,sources',
      'E2E Kladovo chemical store,hazardous_activity,chemical,operating,22.61,44.61,e2e test',
    ].join('\n');
    const dialog = await openDialog();
    await choose(csv);
    const outcome = dialog.locator('[data-testid=import-outcome]');
    expect(await outcome.textContent()).toBe('1 rows accepted, 0 rejected.');
    // Another editor imports the same site between the check and the commit.
    const other = await fetch(`${server.url}/api/sites/import?format=csv`, {
      method: 'POST',
      headers: { ...authHeaders(server.editorToken), 'content-type': 'text/csv' },
      body: csv,
    });
    expect(other.status).toBe(200);
    await dialog.getByRole('button', { name: 'Import 1 sites' }).click();
    await outcome.getByText(/^Nothing was imported/).waitFor();
    expect(await outcome.getAttribute('class')).toBe('import-failed');
    // The reason: the duplicate row, by line and field.
    const rows = await dialog.locator('[data-testid=import-report] tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^2name.*duplicates existing site/);
    expect(await count('E2E Kladovo chemical store')).toBe(1); // only the other editor's copy
    await b.screenshot('nothing-imported');
    await b.page.keyboard.press('Escape');
  });

  it('offers a CSV template whose example row passes the check', async () => {
    const { page } = b;
    const dialog = await openDialog();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: 'Download CSV template' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hazatlas-sites-template.csv');
    const file = await download.path();
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\n')[0]).toContain('name,nameLocal,kind,sector');
    await choose(text, 'hazatlas-sites-template.csv');
    expect(await dialog.locator('[data-testid=import-outcome]').textContent()).toBe(
      '1 rows accepted, 0 rejected.',
    );
    await b.screenshot('template-checked');
    await page.keyboard.press('Escape');
  });
});
