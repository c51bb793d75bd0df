// Logging in for the browser suites: a fresh copy of the built database with one user, the app server on
// it and Chromium logged in as that user on the English map; or the log-in form itself, as a user types it.
import type { Page } from 'playwright-core';
import type { Role } from '../../server/auth/roles.js';
import { createUser } from '../support/auth.js';
import { type BrowserSession, logInBrowser, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle } from './map-helpers.js';

export interface E2eUser {
  username: string;
  password: string;
  role: Role;
}

export interface LoggedInApp {
  server: RunningServer;
  b: BrowserSession;
}

/** Server and browser for a suite, logged in as `user` (through the API), the map loaded and idle. */
export async function openAppAs(
  user: E2eUser,
  options: { suite: string; viewport?: { width: number; height: number } },
): Promise<LoggedInApp> {
  const db = copyOfBuiltDb();
  createUser(db, user);
  const server = await startServer(db);
  const b = await openBrowser(server.url, options);
  await logInBrowser(b, server.url, user);
  await b.page.goto(`${server.url}/?lang=en`);
  await waitForFirstIdle(b.page);
  return { server, b };
}

/** Logs in through the header's form, as a user does, and waits for the user's name in the header. */
export async function logInThroughForm(page: Page, u: { username: string; password: string }): Promise<void> {
  await page.getByRole('button', { name: 'Log in' }).click();
  const form = page.getByRole('form', { name: 'Log in' });
  await form.getByLabel('User name').fill(u.username);
  await form.getByLabel('Password').fill(u.password);
  await form.getByRole('button', { name: 'Log in' }).click();
  await page.getByTestId('auth-user').waitFor();
}
