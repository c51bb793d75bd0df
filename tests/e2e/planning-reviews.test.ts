// Planning reviews as a case record, in real Chromium: a drinking-water intake typed in on the Danube
// just below the Pančevo plants, with the list filtered to Hungary (so the plants are hidden from the
// list): the verdict, the deciding water-intake rule and its explanation are on the page, the zones and
// markers of every cited plant are on the map; an editor saves it, reopens it from the list after a
// reload, and opens its print view (map snapshot and tables); axe on the panel in English and Russian.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/auth.js';
import { axeViolations } from '../support/axe.js';
import { type BrowserSession, logInBrowser, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { jumpTo, renderedCount, waitForFirstIdle, waitIdle } from './map-helpers.js';

let server: RunningServer;
let session: BrowserSession;
const EDITOR = { username: 'planner-e2e', password: 'a long planner password 41' };
beforeAll(async () => {
  const dbPath = copyOfBuiltDb();
  createUser(dbPath, { ...EDITOR, role: 'editor' });
  server = await startServer(dbPath);
  session = await openBrowser(server.url, { suite: 'planning-reviews' });
  await logInBrowser(session, server.url, EDITOR);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

// HIP Azotara, HIP Petrohemija and the NIS refinery at Pančevo: Annex I hazardous activities of the
// seeded register (data/seed), on the Danube's left bank below Belgrade.
const PLANTS = ['HIP Azotara Pančevo', 'HIP Petrohemija Pančevo', 'NIS Pančevo oil refinery'];
// The Danube between Starčevo and Omoljica, ~11 river km below the plants (about 3 h at mean flow).
const INTAKE = { lon: 20.75, lat: 44.79 };
const TITLE = 'Starčevo intake, application 2026/41';

/** Site ids in a map source's features (zones carry siteId). */
const sourceSiteIds = (source: string) =>
  session.page.evaluate(async (src) => {
    const s = window.__hazatlas?.map.getSource(src) as unknown as
      | { getData(): Promise<{ features: { properties: { siteId?: string } }[] }> }
      | undefined;
    const data = s ? await s.getData() : { features: [] };
    return [...new Set(data.features.map((f) => f.properties.siteId).filter(Boolean))].sort();
  }, source);

describe('planning reviews in the browser', () => {
  let plantIds: string[] = [];

  it('shows the water-intake rule on the page and draws the zones of every cited site, filter or not', async () => {
    const { page } = session;
    const ids = await Promise.all(
      PLANTS.map(async (n) => {
        const r = (await (await fetch(`${server.url}/api/sites?q=${encodeURIComponent(n)}`)).json()) as {
          items: { id: string }[];
        };
        return r.items[0]!.id;
      }),
    );
    plantIds = ids.sort();
    // The list filtered to Hungary: the Serbian plants are not in the list.
    await page.goto(`${server.url}/?lang=en&country=HUN`);
    await waitForFirstIdle(page);
    await jumpTo(page, 20.71, 44.81, 11.5);
    await page.getByTestId('planning-open').click();
    const panel = page.getByTestId('planning-panel');
    await panel.getByTestId('planning-type').selectOption('water_intake');
    await panel.getByLabel('Longitude').fill(String(INTAKE.lon));
    await panel.getByLabel('Latitude').fill(String(INTAKE.lat));
    await panel.getByLabel('Latitude').press('Enter');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="planning-verdict"]')?.getAttribute('data-verdict') ===
        'advise_against',
    );
    const rule = panel.getByTestId('planning-rule');
    expect(await rule.isVisible()).toBe(true);
    expect(await rule.getAttribute('data-rule')).toBe('intake-high-hazard-near');
    const ruleText = (await rule.textContent()) ?? '';
    expect(ruleText).toMatch(
      /^Deciding rule: Water intake: a high-hazard site .* within 6 h → advise against/,
    );
    for (const n of PLANTS) expect(ruleText).toContain(n);
    const why = (await panel.getByTestId('planning-why').textContent()) ?? '';
    expect(why).toMatch(/would reach the intake within 6 h — sooner than a warning can be relied on/);
    await expect(panel.getByText(/hour limits are a policy choice/).isVisible()).resolves.toBe(true);
    // Each plant in the upstream list is marked as deciding the verdict.
    for (const n of PLANTS)
      expect(await panel.locator('[data-testid=planning-upstream] li', { hasText: n }).textContent()).toMatch(
        /decides the verdict/,
      );
    // The zones and markers of all three plants are on the map though the filter hides them from the list.
    await expect(page.locator('.site-list').getByText('HIP Azotara Pančevo').count()).resolves.toBe(0);
    await page.waitForFunction(async (want) => {
      const s = window.__hazatlas?.map.getSource('planning-zones') as unknown as
        | { getData(): Promise<{ features: { properties: { siteId?: string } }[] }> }
        | undefined;
      const d = s ? await s.getData() : { features: [] };
      return new Set(d.features.map((f) => f.properties.siteId)).size >= want;
    }, 3);
    expect(await sourceSiteIds('planning-zones')).toEqual(plantIds);
    expect(await sourceSiteIds('planning-cited-sites')).toEqual(plantIds);
    await waitIdle(page);
    expect(await renderedCount(page, ['planning-zones-line'])).toBeGreaterThan(0);
    expect(await renderedCount(page, ['planning-cited-sites'])).toBe(3);
    expect(await axeViolations(page, '[data-testid=planning-panel]')).toEqual([]);
    await session.screenshot('intake-advised-against');
  }, 180_000);

  it('saves the review as an editor and says what the server stored', async () => {
    const { page } = session;
    const panel = page.getByTestId('planning-panel');
    const form = panel.getByTestId('review-save');
    await form.getByLabel('Title').fill(TITLE);
    await form.getByLabel('Reference (case number, optional)').fill('SRB-PA-2026/41');
    await form.getByRole('button', { name: 'Save review' }).click();
    const status = panel.getByTestId('review-record-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(
      new RegExp(
        `^Saved as “${TITLE}” by ${EDITOR.username} at .+ The server re-ran the review when saving; the saved verdict is “Advise against”\\.$`,
      ),
    );
    const list = (await (await fetch(`${server.url}/api/planning/reviews`)).json()) as {
      total: number;
      items: { title: string; verdict: string; author: string }[];
    };
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ title: TITLE, verdict: 'advise_against', author: EDITOR.username });
    // The list reloads after the save and shows the new review.
    await panel
      .getByTestId('saved-reviews')
      .getByRole('button', { name: `Open “${TITLE}”` })
      .waitFor();
  });

  it('reopens it from the list after a reload: the map and the panel as saved, then the print view', async () => {
    const { page } = session;
    await page.goto(`${server.url}/?lang=en`);
    await waitForFirstIdle(page);
    await page.getByTestId('planning-open').click();
    const panel = page.getByTestId('planning-panel');
    await panel.getByRole('button', { name: `Open “${TITLE}”` }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="planning-verdict"]')?.getAttribute('data-verdict') ===
        'advise_against',
    );
    expect(await panel.getByTestId('review-record-status').textContent()).toMatch(
      new RegExp(
        `^Reopened the review saved by ${EDITOR.username} at .+: the answer as saved, not recomputed\\.$`,
      ),
    );
    expect(await panel.getByTestId('planning-type').inputValue()).toBe('water_intake');
    expect(await panel.getByTestId('planning-rule').getAttribute('data-rule')).toBe(
      'intake-high-hazard-near',
    );
    // The map moved to the development and the cited zones, and draws them.
    await waitIdle(page);
    const view = await page.evaluate(() => window.__hazatlas!.map.getCenter());
    expect(Math.abs(view.lng - 20.72)).toBeLessThan(0.1);
    expect(Math.abs(view.lat - 44.8)).toBeLessThan(0.1);
    expect(await sourceSiteIds('planning-zones')).toEqual(plantIds);
    expect(await renderedCount(page, ['planning-draft-points'])).toBe(1);
    expect(await renderedCount(page, ['planning-zones-line'])).toBeGreaterThan(0);

    await panel.getByRole('button', { name: 'Print view' }).click();
    const print = page.getByTestId('planning-print');
    await print.waitFor();
    await print.getByTestId('planning-snapshot').waitFor({ timeout: 60_000 });
    expect(await print.getByTestId('print-verdict').textContent()).toBe('Advise against');
    expect(await print.getByTestId('print-rule').textContent()).toMatch(/within 6 h → advise against/);
    for (const n of PLANTS)
      await expect(
        print
          .getByTestId('print-upstream')
          .getByRole('row', { name: new RegExp(n) })
          .count(),
      ).resolves.toBe(1);
    // In print, only the print view is laid out.
    await page.emulateMedia({ media: 'print' });
    expect(await print.isVisible()).toBe(true);
    expect(await panel.isVisible()).toBe(false);
    await session.screenshot('print-view');
    await page.emulateMedia({ media: 'screen' });
    expect(await axeViolations(page, '[data-testid=planning-print]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(print.count()).resolves.toBe(0);
    expect(session.errors).toEqual([]);
  }, 180_000);

  it('shows the same review in Russian, axe-clean', async () => {
    const { page } = session;
    await page.goto(`${server.url}/?lang=ru`);
    await waitForFirstIdle(page);
    await page.getByTestId('planning-open').click();
    const panel = page.getByTestId('planning-panel');
    await panel.getByRole('button', { name: `Открыть «${TITLE}»` }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="planning-verdict"]')?.getAttribute('data-verdict') ===
        'advise_against',
    );
    expect(await panel.getByTestId('planning-verdict').textContent()).toBe('Не рекомендуется');
    expect(await panel.getByTestId('planning-rule').textContent()).toMatch(
      /^Решающее правило: Водозабор: объект высокой опасности/,
    );
    expect(await panel.getByTestId('planning-why').textContent()).toContain('«HIP Azotara Pančevo»');
    expect(await axeViolations(page, '[data-testid=planning-panel]')).toEqual([]);
    await session.screenshot('reopened-ru');
    expect(session.errors).toEqual([]);
  });
});
