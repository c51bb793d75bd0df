// Accounts in the browser (Chromium, offline): anonymous users see no add/import/edit/delete controls,
// the header login form logs an editor in (controls appear), a delete from the panel goes through
// with the session's CSRF token and is recorded under the user, and the panel lists the site history.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chirchiq } from '../fixtures/site-bodies.js';
import { authHeaders, createToken, createUser } from '../support/auth.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

const EDITOR = { username: 'e2e-auth-editor', password: 'e2e-auth-password-1', role: 'editor' as const };
let server: RunningServer;
let b: BrowserSession;
let dbPath = '';
let siteId = '';

beforeAll(async () => {
  dbPath = copyOfBuiltDb();
  createUser(dbPath, EDITOR);
  const token = createToken(dbPath, 'editor');
  server = await startServer(dbPath);
  const res = await fetch(`${server.url}/api/sites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(token) },
    body: JSON.stringify({ ...chirchiq, name: 'E2E history plant' }),
  });
  expect(res.status).toBe(201);
  siteId = ((await res.json()) as { id: string }).id;
  b = await openBrowser(server.url, { suite: 'auth' });
}, 60_000);

afterAll(async () => {
  await b?.close();
  await server?.close();
});

const panel = () => b.page.locator('[data-testid=site-panel]');

describe('accounts in the web app', () => {
  it('shows an anonymous user the site, but not its history (editors only: it names accounts), and no add, import, edit or delete', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?site=${siteId}`);
    await panel().getByRole('heading', { name: 'E2E history plant' }).waitFor();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await panel().locator('[data-testid=site-history]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add site' }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await panel().getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await b.screenshot('anonymous');
  });

  it('says so when the password is wrong, and logs in through the header form', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Log in' }).click();
    const form = page.getByRole('form', { name: 'Log in' });
    await form.getByLabel('User name').fill(EDITOR.username);
    await form.getByLabel('Password').fill('wrong password');
    await form.getByRole('button', { name: 'Log in' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toMatch(/Wrong username or password/);
    await form.getByLabel('Password').fill(EDITOR.password);
    await form.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('auth-user').waitFor();
    expect(await page.getByTestId('auth-user').textContent()).toBe('e2e-auth-editor (editor)');
    await page.getByRole('button', { name: 'Import' }).waitFor();
    await panel().getByRole('button', { name: 'Edit' }).waitFor();
    await b.screenshot('editor');
  });

  it('deletes from the panel with the session (CSRF header sent) and records the user', async () => {
    const { page } = b;
    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'DELETE') answers.push(r.status());
    });
    await panel().getByRole('button', { name: 'Delete' }).click();
    await panel().getByRole('button', { name: 'Yes, delete' }).click();
    await panel().waitFor({ state: 'detached' });
    expect(answers).toEqual([204]);
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT deleted_by FROM sites_deleted WHERE id = ?').pluck().get(siteId)).toBe(
        'e2e-auth-editor',
      );
      expect(
        db
          .prepare("SELECT actor FROM site_history WHERE site_id = ? AND action = 'delete'")
          .pluck()
          .get(siteId),
      ).toBe('e2e-auth-editor');
    } finally {
      db.close();
    }
  });

  it('logs out: the editing controls disappear again', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await page.getByRole('button', { name: 'Import' }).count()).toBe(0);
    const me = await (await fetch(`${server.url}/api/auth/me`)).json();
    expect(me).toMatchObject({ user: null });
    expect(b.errors.filter((e) => !/401|403/.test(e))).toEqual([]);
  });
});
