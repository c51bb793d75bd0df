// Real-browser harness for end-to-end tests: Chromium (Debian's, or the npm-packaged one) driven by
// playwright-core (never a browser downloaded at run time), with every request outside the test server
// blocked so "works offline" is actually checked.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { findChromium } from './chromium-binary.js';
import { ROOT } from './database.js';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CLIENT_INDEX = path.join(ROOT, 'dist/client/index.html');

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to fetch from anywhere but the test server (all were refused). */
  blocked: string[];
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The e2e tests serve the built client; build it once if a checkout has none. */
export function assertClientBuilt(): void {
  if (!fs.existsSync(CLIENT_INDEX)) {
    throw new Error(
      'dist/client is missing: run `npm run build:client` (npm install does it) before e2e tests.',
    );
  }
}

export async function openBrowser(
  serverUrl: string,
  options: { suite: string; viewport?: { width: number; height: number }; locale?: string },
): Promise<BrowserSession> {
  assertClientBuilt();
  const binary = await findChromium();
  const browser = await chromium.launch({
    executablePath: binary.executablePath,
    env: { ...process.env, ...binary.env },
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 800 },
    locale: options.locale ?? 'en-GB',
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(serverUrl) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  const dir = path.join(ARTIFACTS, options.suite);
  fs.mkdirSync(dir, { recursive: true });
  let step = 0;
  return {
    browser,
    context,
    page,
    blocked,
    errors,
    async screenshot(name: string) {
      step += 1;
      const file = path.join(dir, `${String(step).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    close: () => browser.close(),
  };
}

/**
 * Logs the browser context in through the API (the session cookie then belongs to the context); the
 * app picks up the user and CSRF token from /api/auth/me when it loads.
 */
export async function logInBrowser(
  b: BrowserSession,
  serverUrl: string,
  user: { username: string; password: string },
): Promise<void> {
  const login = await b.page.request.post(`${serverUrl}/api/auth/login`, {
    data: { username: user.username, password: user.password },
  });
  if (!login.ok()) throw new Error(`login as ${user.username} failed: ${login.status()}`);
}
