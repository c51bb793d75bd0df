// The release scenario in the permalink (Chromium, offline, real server): a link with a trace and a
// release opens the release view (form filled in, arrival table computed with those parameters), and
// running or removing a release in the form rewrites the link.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { waitForFirstIdle } from './map-helpers.js';

let server: RunningServer;
let b: BrowserSession;
const VIENNA = { lon: 16.37, lat: 48.21 };

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  b = await openBrowser(server.url, { suite: 'release-permalink' });
}, 60_000);

afterAll(async () => {
  await b?.close();
  await server?.close();
});

const tracePanel = () => b.page.locator('[data-testid=trace-panel]');
const form = () => tracePanel().locator('[data-testid=release-form]');
const params = () => new URL(b.page.url()).searchParams;

describe('release scenario in the permalink', () => {
  it('a link with a release by volume opens the release view computed with it', async () => {
    const { page } = b;
    const traces: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/trace?')) traces.push(r.url());
    });
    await page.goto(
      `${server.url}/?lang=en&trace=${VIENNA.lon},${VIENNA.lat}&releaseVolumeM3=2000&releaseConcentrationMgL=500&substance=Cyanide&dischargeFactor=0.5&limitMgL=0.001`,
    );
    await waitForFirstIdle(page);
    await tracePanel().locator('[data-testid=release-arrival]').waitFor();
    // The trace was asked for with exactly the link's release.
    const q = new URL(traces.at(-1) ?? '').searchParams;
    expect(Object.fromEntries(q)).toMatchObject({
      releaseVolumeM3: '2000',
      releaseConcentrationMgL: '500',
      substance: 'Cyanide',
      dischargeFactor: '0.5',
      limitMgL: '0.001',
    });
    expect(q.has('releaseKg')).toBe(false);
    // The form shows it as the link gave it.
    expect(await form().getByLabel('Amount given as').inputValue()).toBe('volume');
    expect(await form().getByLabel('Released volume (m³)').inputValue()).toBe('2000');
    expect(await form().getByLabel('Concentration in it (mg/L)').inputValue()).toBe('500');
    expect(await form().getByLabel('Substance').inputValue()).toBe('Cyanide');
    expect(await form().getByLabel('Limit (mg/L)').inputValue()).toBe('0.001');
    expect(await form().getByLabel('Released mass (kg)').count()).toBe(0);
    await tracePanel().locator('[data-testid=release-threshold]').waitFor();
    await b.screenshot('from-link');
  });

  it('running a release by mass from the form puts it in the link, and the link reproduces it', async () => {
    const { page } = b;
    await form().getByLabel('Amount given as').selectOption('mass');
    await form().getByLabel('Released mass (kg)').fill('25000');
    await form().getByLabel('Decay rate (1/day)').fill('0.2');
    const arrival = tracePanel().locator('[data-testid=release-arrival]');
    const before = await arrival.textContent();
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/trace?') && r.url().includes('releaseKg=25000'),
    );
    await form().getByRole('button', { name: 'Compute arrival' }).click();
    await answered;
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('releaseKg') === '25000');
    const p = params();
    expect(p.get('decayPerDay')).toBe('0.2');
    expect(p.get('substance')).toBe('Cyanide');
    expect(p.has('releaseVolumeM3')).toBe(false);
    // The table of the new release, not the one it replaces (a loaded machine may show that a moment longer).
    await page.waitForFunction((old) => {
      const t = document.querySelector('[data-testid=release-arrival]')?.textContent;
      return typeof t === 'string' && t !== old;
    }, before);
    const table = await arrival.textContent();

    // The copied link, opened afresh, shows the same arrival table.
    const link = page.url();
    await page.goto('about:blank');
    await page.goto(link);
    await tracePanel().locator('[data-testid=release-arrival]').waitFor();
    expect(await tracePanel().locator('[data-testid=release-arrival]').textContent()).toBe(table);
    expect(await form().getByLabel('Released mass (kg)').inputValue()).toBe('25000');
  });

  it('removing the release takes it out of the link; the trace stays', async () => {
    const { page } = b;
    await form().getByRole('button', { name: 'Remove release' }).click();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('releaseKg'));
    const p = params();
    for (const k of ['substance', 'decayPerDay', 'limitMgL', 'dischargeFactor'])
      expect(p.has(k), k).toBe(false);
    expect(p.get('trace')).toBe(`${VIENNA.lon},${VIENNA.lat}`);
    await tracePanel().locator('[data-testid=trace-countries]').waitFor();
    expect(await tracePanel().locator('[data-testid=release-arrival]').count()).toBe(0);
    expect(b.errors).toEqual([]);
    expect(b.blocked).toEqual([]);
  });
});
