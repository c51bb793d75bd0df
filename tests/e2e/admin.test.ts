// Recycle bin and account administration in the browser (Chromium, offline, real server on a copy of
// the database): an editor deletes a site, finds it among the deleted sites, restores it and sees it
// back with its delete and restore in the history; an admin adds a viewer and creates and revokes a
// token; the viewer sees no editing controls; a request refused by the server shows the server's message.
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chirchiq } from '../fixtures/site-bodies.js';
import { authHeaders, createToken, createUser } from '../support/auth.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle } from './map-helpers.js';
import { logInThroughForm } from './session.js';

const EDITOR = { username: 'e2e-bin-editor', password: 'e2e-bin-password-1', role: 'editor' as const };
const ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password-1', role: 'admin' as const };
const VIEWER = { username: 'e2e-new-viewer', password: 'e2e-viewer-password-1' };
const SITE_NAME = 'E2E recycle bin plant';
let server: RunningServer;
let b: BrowserSession;
let dbPath = '';
let siteId = '';

beforeAll(async () => {
  dbPath = copyOfBuiltDb();
  createUser(dbPath, EDITOR);
  createUser(dbPath, ADMIN);
  const token = createToken(dbPath, 'editor');
  server = await startServer(dbPath);
  const res = await fetch(`${server.url}/api/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(token) },
    body: JSON.stringify({ ...chirchiq, name: SITE_NAME }),
  });
  expect(res.status).toBe(201);
  siteId = ((await res.json()) as { id: string }).id;
  b = await openBrowser(server.url, { suite: 'admin' });
}, 60_000);

afterAll(async () => {
  await b?.close();
  await server?.close();
});

const panel = () => b.page.locator('[data-testid=site-panel]');
const header = () => b.page.locator('header');

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
}

/** Names in the sources the map draws its site symbols from. */
const sitesOnMap = (page: Page) =>
  page.evaluate(async () => {
    const src = window.__hazatlas?.map.getSource('sites') as unknown as {
      getData(): Promise<{ features: { properties: { name: string } }[] }>;
    };
    return (await src.getData()).features.map((f) => f.properties.name);
  });

describe('deleted sites in the web app', () => {
  it('is hidden from anonymous users and offered to a logged-in editor', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en&site=${siteId}`);
    await waitForFirstIdle(page);
    await panel().getByRole('heading', { name: SITE_NAME }).waitFor();
    expect(await header().getByRole('button', { name: 'Deleted sites' }).count()).toBe(0);
    await logInThroughForm(page, EDITOR);
    await header().getByRole('button', { name: 'Deleted sites' }).waitFor();
    // Editors do not administer accounts.
    expect(await header().getByRole('button', { name: 'Users and tokens' }).count()).toBe(0);
  });

  it('an editor deletes a site, finds it among the deleted sites and restores it', async () => {
    const { page } = b;
    await panel().getByRole('button', { name: 'Delete' }).click();
    await panel().getByRole('button', { name: 'Yes, delete' }).click();
    await panel().waitFor({ state: 'detached' });
    await page.waitForFunction(
      (name) => ![...document.querySelectorAll('.site-item-name')].some((e) => e.textContent === name),
      SITE_NAME,
    );
    expect(await sitesOnMap(page)).not.toContain(SITE_NAME);

    // Opened from the keyboard: the header button takes Enter.
    await header().getByRole('button', { name: 'Deleted sites' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Deleted sites' });
    const row = dialog.getByRole('row', { name: new RegExp(SITE_NAME) });
    await row.waitFor();
    expect(await row.textContent()).toContain(EDITOR.username);
    expect(await dialog.getByRole('status').first().textContent()).toMatch(/^1–1 of 1$/);
    await b.screenshot('deleted-sites');
    // Its history can be read before restoring: created, then deleted.
    await dialog.getByRole('button', { name: `History of ${SITE_NAME}` }).click();
    const before = dialog.locator('[data-testid=site-history] li');
    await before.filter({ hasText: 'Deleted' }).waitFor();
    expect((await before.allTextContents()).map((e) => e.split(' ')[0])).toEqual(['Deleted', 'Created']);

    await dialog.getByRole('button', { name: `Restore ${SITE_NAME}` }).click();
    await dialog.waitFor({ state: 'detached' });
    // Back in the panel, the list and the map, with the delete and the restore in its history.
    await panel().getByRole('heading', { name: SITE_NAME }).waitFor();
    await page.locator('.site-item-name', { hasText: SITE_NAME }).waitFor();
    await page.waitForFunction(async (name) => {
      const src = window.__hazatlas?.map.getSource('sites') as unknown as {
        getData(): Promise<{ features: { properties: { name: string } }[] }>;
      };
      return (await src.getData()).features.some((f) => f.properties.name === name);
    }, SITE_NAME);
    const history = panel().locator('[data-testid=site-history] li');
    await history.filter({ hasText: 'Restored' }).waitFor();
    const entries = await history.allTextContents();
    expect(entries.map((e) => e.split(' ')[0])).toEqual(['Restored', 'Deleted', 'Created']);
    expect(entries[0]).toContain(`by ${EDITOR.username}`);
    expect(entries[1]).toContain(`by ${EDITOR.username}`);
    await b.screenshot('restored');

    const live = await fetch(`${server.url}/api/sites/${siteId}`);
    expect(live.status).toBe(200);
    expect(((await live.json()) as { version: number }).version).toBe(2);
    await logOut(page);
  });
});

describe('account administration in the web app', () => {
  it('an admin adds a viewer, creates a token shown once and revokes it', async () => {
    const { page } = b;
    await logInThroughForm(page, ADMIN);
    await header().getByRole('button', { name: 'Users and tokens' }).click();
    const dialog = page.getByRole('dialog', { name: 'Users and API tokens' });
    const users = dialog.getByTestId('admin-users');
    await users.getByRole('row', { name: new RegExp(EDITOR.username) }).waitFor();

    // The server's field message for a short password, then the real thing.
    const add = users.getByRole('form', { name: 'Add a user' });
    await add.getByLabel('User name').fill(VIEWER.username);
    await add.getByLabel('Password').fill('short');
    await add.getByLabel('Role').selectOption('viewer');
    // The browser's own checks stay out of the way: the server decides.
    await add.getByRole('button', { name: 'Add user' }).click();
    await users.getByRole('alert').waitFor();
    expect(await users.getByRole('alert').textContent()).toMatch(/password/i);
    await add.getByLabel('Password').fill(VIEWER.password);
    await add.getByRole('button', { name: 'Add user' }).click();
    await users.getByText(`User ${VIEWER.username} added (viewer).`).waitFor();
    const viewerRow = users.getByRole('row', { name: new RegExp(VIEWER.username) });
    await viewerRow.waitFor();
    expect(await viewerRow.getByLabel(`Role of ${VIEWER.username}`, { exact: true }).inputValue()).toBe(
      'viewer',
    );
    // A role change is saved only when confirmed: promote, see it stored, and set it back.
    for (const role of ['editor', 'viewer'] as const) {
      await viewerRow.getByLabel(`Role of ${VIEWER.username}`, { exact: true }).selectOption(role);
      await viewerRow.getByRole('button', { name: `Save the role of ${VIEWER.username}` }).click();
      await users.getByText(`${VIEWER.username} is now ${role}.`).waitFor();
      // The list reloaded with the stored role (the Save button goes with the difference).
      await viewerRow
        .getByRole('button', { name: `Save the role of ${VIEWER.username}` })
        .waitFor({ state: 'detached' });
      const db = new Database(dbPath, { readonly: true });
      try {
        expect(db.prepare('SELECT role FROM users WHERE username = ?').pluck().get(VIEWER.username)).toBe(
          role,
        );
      } finally {
        db.close();
      }
    }

    const tokens = dialog.getByTestId('admin-tokens');
    const create = tokens.getByRole('form', { name: 'Create an API token' });
    await create.getByLabel('For user').selectOption(VIEWER.username);
    await create.getByLabel('Token name').fill('e2e reader');
    await create.getByRole('button', { name: 'Create token' }).click();
    const secret = tokens.getByLabel('New API token');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token).toMatch(/^hza_/);
    // The token works until it is revoked.
    expect((await fetch(`${server.url}/api/sites?limit=1`, { headers: authHeaders(token) })).status).toBe(
      200,
    );
    await b.screenshot('admin-token-once');
    // On a tablet in portrait the dialog fits the width (its tables wrap, nothing scrolls sideways).
    await page.setViewportSize({ width: 768, height: 1024 });
    const overflow = await page
      .locator('[data-testid=admin-dialog]')
      .evaluate((d) => d.scrollWidth - d.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await b.screenshot('admin-tablet');
    await page.setViewportSize({ width: 1366, height: 800 });
    await tokens.getByRole('button', { name: 'Done' }).click();
    expect(await tokens.getByLabel('New API token').count()).toBe(0);
    await tokens.getByRole('button', { name: `Revoke token e2e reader of ${VIEWER.username}` }).click();
    await tokens
      .getByRole('row', { name: /e2e reader/ })
      .getByText(/^revoked /)
      .waitFor();
    expect((await fetch(`${server.url}/api/sites?limit=1`, { headers: authHeaders(token) })).status).toBe(
      401,
    );

    // The last admin cannot demote themselves: the server's 409 message, and the select keeps the role.
    const self = users.getByLabel(`Role of ${ADMIN.username}`, { exact: true });
    await self.selectOption('viewer');
    await users.getByRole('button', { name: `Save the role of ${ADMIN.username}` }).click();
    await users
      .getByRole('alert')
      .getByText(/last active admin/)
      .waitFor();
    await expect.poll(() => self.inputValue()).toBe('admin');

    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT role FROM users WHERE username = ?').pluck().get(VIEWER.username)).toBe(
        'viewer',
      );
      // Only the hash of the token is stored.
      expect(db.prepare('SELECT COUNT(*) FROM api_tokens WHERE token_hash = ?').pluck().get(token)).toBe(0);
    } finally {
      db.close();
    }
  });

  it("shows the server's message when the session has ended under an open dialog", async () => {
    const { page } = b;
    const dialog = page.getByRole('dialog', { name: 'Users and API tokens' });
    const db = new Database(dbPath);
    try {
      db.prepare('DELETE FROM sessions').run();
    } finally {
      db.close();
    }
    const row = dialog.getByRole('row', { name: new RegExp(EDITOR.username) });
    await row.getByRole('button', { name: `Disable ${EDITOR.username}` }).click();
    const alert = dialog.getByTestId('admin-users').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Log in as an admin to do this.');
    expect(await dialog.getByRole('alert').count()).toBe(1);
    await b.screenshot('admin-session-ended');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // The header knows the session is gone and opens its login form; nothing was disabled.
    await page.getByRole('form', { name: 'Log in' }).waitFor();
    expect(await page.getByTestId('auth-user').count()).toBe(0);
    expect(await header().getByRole('button', { name: 'Users and tokens' }).count()).toBe(0);
    const check = new Database(dbPath, { readonly: true });
    try {
      expect(
        check.prepare('SELECT disabled FROM users WHERE username = ?').pluck().get(EDITOR.username),
      ).toBe(0);
    } finally {
      check.close();
    }
  });

  it('the new viewer logs in and sees no editing or admin controls', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en&site=${siteId}`);
    await panel().getByRole('heading', { name: SITE_NAME }).waitFor();
    await logInThroughForm(page, VIEWER);
    expect(await page.getByTestId('auth-user').textContent()).toBe(`${VIEWER.username} (viewer)`);
    // The site is readable; its history (account names, old values) is for editors (the server answers a
    // viewer 403), so the panel does not show it; nothing that writes is offered.
    await panel().getByRole('heading', { name: SITE_NAME }).waitFor();
    expect(await panel().locator('[data-testid=site-history]').count()).toBe(0);
    for (const name of ['Add site', 'Import', 'Deleted sites', 'Users and tokens'])
      expect(await header().getByRole('button', { name }).count(), name).toBe(0);
    for (const name of ['Edit', 'Delete'])
      expect(await panel().getByRole('button', { name }).count(), name).toBe(0);
    await b.screenshot('viewer');
    // Only the refusals this suite provoked (short password, last admin, ended session) were logged.
    expect(b.errors.filter((e) => !/status of (400|401|409)\b/.test(e))).toEqual([]);
    expect(b.blocked).toEqual([]);
  });
});
