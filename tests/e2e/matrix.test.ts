// The basin matrix in the real browser: opened from the header, basin chosen, metric switched,
// CSV link pointing at the same basin; Russian labels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
let session: BrowserSession;
beforeAll(async () => {
  server = await startServer(builtDbPath());
  session = await openBrowser(server.url, { suite: 'matrix' });
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('matrix view', () => {
  it('shows the Danube matrix with Serbian sites reaching Romania, and exports CSV', async () => {
    const { page } = session;
    await page.goto(`${server.url}/?lang=en`);
    await page.getByRole('button', { name: 'Basin matrix' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transboundary matrix' });
    await dialog.waitFor();
    await dialog.getByLabel('Basin').selectOption({ label: 'Danube' });
    const cell = dialog.locator('[data-cell="SRB-ROU"]');
    await cell.waitFor();
    const count = Number(await cell.textContent());
    expect(count).toBeGreaterThan(0);
    const api = (await (await fetch(`${server.url}/api/matrix?basin=Danube`)).json()) as {
      basin: { id: number };
      cells: { origin: string; affected: string; sites: number; minArrivalH: number }[];
    };
    expect(count).toBe(api.cells.find((c) => c.origin === 'SRB' && c.affected === 'ROU')!.sites);
    await expect(dialog.getByText(/sites on the river network reach another country/).count()).resolves.toBe(
      1,
    );
    await session.screenshot('danube-sites');

    await dialog.getByLabel('Show').selectOption('minArrivalH');
    const hours = api.cells.find((c) => c.origin === 'DEU' && c.affected === 'UKR')!.minArrivalH;
    await expect(dialog.locator('[data-cell="DEU-UKR"]').textContent()).resolves.toBe(hours.toFixed(1));
    const href = await dialog.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe(`/api/matrix.csv?basin=${api.basin.id}`);
    await session.screenshot('danube-arrival');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
    expect(session.blocked.filter((u) => !u.includes('openstreetmap'))).toEqual([]);
  });

  it('speaks Russian', async () => {
    const { page } = session;
    await page.goto(`${server.url}/?lang=ru`);
    await page.getByRole('button', { name: 'Матрица бассейна' }).click();
    const dialog = page.getByRole('dialog', { name: 'Трансграничная матрица' });
    await dialog.waitFor();
    await dialog.getByText(/объектов на речной сети влияют на другую страну/).waitFor();
    await session.screenshot('all-data-ru');
  });
});
