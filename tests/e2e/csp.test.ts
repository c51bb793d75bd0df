// The map under the server's Content-Security-Policy, in a real browser: the page is served with the CSP
// header, MapLibre's worker, tiles, glyphs and canvas all work, and the browser reports no violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { canvasStats, waitForFirstIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;
let cspHeader = '';

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  b = await openBrowser(server.url, { suite: 'csp' });
  // Every CSP violation fires this DOM event; collect them before any app script runs.
  await b.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  b.page.on('response', (r) => {
    if (r.url() === `${server.url}/`) cspHeader = r.headers()['content-security-policy'] ?? '';
  });
}, 60_000);

afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('Content-Security-Policy in the browser', () => {
  it('the map renders with no CSP violation and no console error', async () => {
    await b.page.goto(`${server.url}/`);
    await waitForFirstIdle(b.page);
    await b.screenshot('map-under-csp');
    expect(cspHeader).toContain("script-src 'self'");
    expect(cspHeader).toContain('worker-src');
    const violations = await b.page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    expect(b.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    // The map actually drew: land and ocean, many colours (a blocked worker leaves a blank canvas).
    const stats = await canvasStats(b.page);
    expect(stats.landShare).toBeGreaterThan(0.05);
    expect(stats.oceanShare).toBeGreaterThan(0.01);
    expect(stats.distinctColours).toBeGreaterThan(20);
  }, 90_000);

  it('a script the policy does not allow is refused (the policy is enforced, not just sent)', async () => {
    const ran = await b.page.evaluate(async () => {
      const w = window as unknown as { __inlineRan?: boolean; __cspViolations: string[] };
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 100));
      return { ran: w.__inlineRan === true, violations: [...w.__cspViolations] };
    });
    expect(ran.ran).toBe(false);
    expect(ran.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });
});
