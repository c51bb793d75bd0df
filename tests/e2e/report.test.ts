// The site report in the real browser: opened from the site panel, a release entered, the map snapshot
// drawn offscreen from MapLibre (a non-empty image), the trace table filled with arrival times; the
// print layout shows only the report, and the browser prints it to an A4 PDF.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
let session: BrowserSession;
let siteId: string;

beforeAll(async () => {
  server = await startServer(copyOfBuiltDb());
  const list = (await (await fetch(`${server.url}/api/sites?q=Schwechat`)).json()) as {
    items: { id: string; name: string }[];
  };
  siteId = list.items.find((s) => s.name === 'OMV Schwechat refinery')!.id;
  session = await openBrowser(server.url, { suite: 'report' });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('report view', () => {
  it('shows a map snapshot and the trace table with arrival times, and prints only the report', async () => {
    const { page } = session;
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}/?lang=en&site=${siteId}`);
    const panel = page.getByTestId('site-panel');
    await panel.getByRole('heading', { name: 'OMV Schwechat refinery' }).waitFor({ timeout: 60_000 });
    await panel.getByRole('button', { name: 'Report', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Site report' });
    await dialog.waitFor();
    await dialog.getByRole('heading', { name: 'Transboundary report: OMV Schwechat refinery' }).waitFor();

    await dialog.getByLabel('Release (kg)').fill('10000');
    await dialog.getByLabel('Substance').fill('Benzene');
    await dialog.getByRole('button', { name: 'Update' }).click();
    await dialog.getByText('Release scenario: 10,000 kg of Benzene').waitFor();

    // The trace table: the Danube countries in order, with hours and concentrations filled in.
    const table = dialog.getByTestId('report-trace-table');
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(10);
    await expect(rows.nth(0).locator('td').nth(1).textContent()).resolves.toBe('Austria (AUT)');
    await expect(rows.nth(1).locator('td').nth(1).textContent()).resolves.toBe('Slovakia (SVK)');
    await expect(rows.nth(9).locator('td').nth(1).textContent()).resolves.toBe('Romania (ROU/UKR)');
    const peak = await rows.nth(1).locator('td').nth(5).textContent();
    expect(peak).toMatch(/^\d+(\.\d)? \(\d+(\.\d)?\)$/);

    // The snapshot: a real PNG from the MapLibre canvas, with more than a flat background in it.
    const img = dialog.getByTestId('report-snapshot');
    await img.waitFor({ timeout: 60_000 });
    const stats = await img.evaluate(async (el: HTMLImageElement) => {
      await el.decode();
      const c = document.createElement('canvas');
      c.width = el.naturalWidth;
      c.height = el.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(el, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const colours = new Set<number>();
      let traceLike = 0;
      for (let i = 0; i < data.length; i += 16) {
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        // Country colours of the trace are saturated; the basemap is pale.
        const max = Math.max(data[i]!, data[i + 1]!, data[i + 2]!);
        const min = Math.min(data[i]!, data[i + 1]!, data[i + 2]!);
        if (max - min > 90) traceLike++;
      }
      return {
        src: el.src.slice(0, 22),
        w: el.naturalWidth,
        h: el.naturalHeight,
        colours: colours.size,
        traceLike,
      };
    });
    expect(stats.src).toBe('data:image/png;base64,');
    expect(stats.w).toBeGreaterThan(500);
    expect(stats.h).toBeGreaterThan(300);
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.traceLike).toBeGreaterThan(100);
    await session.screenshot('report-view');

    // Print layout: only the report is laid out.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.sidebar').isVisible()).resolves.toBe(false);
    await expect(page.locator('.report-toolbar').isVisible()).resolves.toBe(false);
    await expect(dialog.getByTestId('report-print').isVisible()).resolves.toBe(true);
    await session.screenshot('report-print-media');
    const pdf = path.join(ARTIFACTS, 'report', 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const bytes = fs.readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });

    // Links to the server's printable forms carry the same release.
    const notify = await dialog.getByRole('link', { name: 'Notification drafts' }).getAttribute('href');
    expect(notify).toBe(`/api/sites/${siteId}/notifications?format=html&releaseKg=10000&substance=Benzene`);
    await dialog.getByRole('button', { name: 'Close report' }).click();
    await expect(page.getByRole('dialog', { name: 'Site report' }).count()).resolves.toBe(0);
    expect(missing).toEqual([]);
    expect(session.errors).toEqual([]);
    expect(session.blocked.filter((u) => !u.includes('openstreetmap'))).toEqual([]);
  });
});
