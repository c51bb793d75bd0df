// Register editing in Chromium as a logged-in editor: add a site by clicking the map, see the server's
// field errors next to the fields, save, edit, delete with confirmation; add by form too.
// Screenshots in test-artifacts/editing/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../support/browser.js';
import type { RunningServer } from '../support/server.js';
import { clickLonLat, jumpTo } from './map-helpers.js';
import { openAppAs } from './session.js';

const EDITOR = { username: 'e2e-editing', password: 'e2e-editing-password-1', role: 'editor' as const };
let server: RunningServer;
let b: BrowserSession;

beforeAll(async () => {
  ({ server, b } = await openAppAs(EDITOR, { suite: 'editing' }));
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

const count = async (q: string) =>
  ((await (await fetch(`${server.url}/api/sites?q=${encodeURIComponent(q)}`)).json()) as { total: number })
    .total;

describe('editing the register in the browser', () => {
  it('adds a site by clicking the map, showing the server field errors next to the fields first', async () => {
    const { page } = b;
    await jumpTo(page, 21.9, 43.32, 9); // Niš
    await page.getByRole('button', { name: 'Add site' }).click();
    await clickLonLat(page, 21.9, 43.32);
    const form = page.locator('form').filter({ has: page.locator('#form-title') });
    await form.locator('#form-title', { hasText: 'New site' }).waitFor();
    // The click put the coordinates in.
    expect(Number(await form.locator('#f-lon').inputValue())).toBeCloseTo(21.9, 2);
    expect(Number(await form.locator('#f-lat').inputValue())).toBeCloseTo(43.32, 2);
    // Saved without a name: the server's message appears next to the name field.
    await form.getByRole('button', { name: 'Save' }).click();
    const nameError = form.locator('#f-name-err');
    await nameError.waitFor();
    expect((await nameError.textContent())?.length).toBeGreaterThan(3);
    expect(await form.locator('#f-name').getAttribute('aria-invalid')).toBe('true');
    await b.screenshot('field-errors');

    await form.locator('#f-name').fill('E2E Niš chemical depot');
    await form.locator('#f-sourceTitle').fill('End-to-end test');
    await form.getByRole('button', { name: 'Save' }).click();
    const panel = page.locator('[data-testid=site-panel]');
    await panel.locator('h2', { hasText: 'E2E Niš chemical depot' }).waitFor();
    // Derived facts (country, river) come with the stored site.
    await panel.locator('dd', { hasText: 'Serbia' }).waitFor();
    expect(await count('E2E Niš chemical depot')).toBe(1);
    await b.screenshot('added');
  });

  it('edits the site and deletes it after confirming', async () => {
    const { page } = b;
    const panel = page.locator('[data-testid=site-panel]');
    await panel.getByRole('button', { name: 'Edit' }).click();
    const form = page.locator('form').filter({ has: page.locator('#form-title', { hasText: 'Edit site' }) });
    await form.locator('#f-name').fill('E2E Niš depot (renamed)');
    await form.getByRole('button', { name: 'Save' }).click();
    await panel.locator('h2', { hasText: 'E2E Niš depot (renamed)' }).waitFor();
    expect(await count('E2E Niš depot (renamed)')).toBe(1);

    await panel.getByRole('button', { name: 'Delete' }).click();
    const confirm = panel.getByRole('alertdialog');
    await confirm.waitFor();
    // The safe choice has the focus; cancelling keeps the site.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await count('E2E Niš depot (renamed)')).toBe(1);
    await panel.getByRole('button', { name: 'Delete' }).click();
    await b.screenshot('confirm-delete');
    await panel.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await count('E2E Niš depot (renamed)')).toBe(0);
  });

  it('adds a site by form, coordinates typed in', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByRole('button', { name: 'or enter its coordinates' }).click();
    const form = page.locator('form').filter({ has: page.locator('#form-title', { hasText: 'New site' }) });
    await form.locator('#f-name').fill('E2E typed-in site');
    await form.locator('#f-lon').fill('26.1');
    await form.locator('#f-lat').fill('44.43');
    await form.locator('#f-sourceTitle').fill('End-to-end test');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-testid=site-panel] h2', { hasText: 'E2E typed-in site' }).waitFor();
    await page.locator('[data-testid=site-panel] dd', { hasText: 'Romania' }).waitFor();
    await b.screenshot('added-by-form');
  });
});
