// A whole table-top exercise in the real browser: an editor traces a release from the Mailuu-Suu
// uranium tailings (Kyrgyzstan) under the Syr Darya plan, reads the notification timeline and a Russian
// draft, creates the exercise, plays its injects on the map with the clock, records what was done, and
// reads the after-action report with one late and one missing notification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/auth.js';
import { type BrowserSession, openBrowser } from '../support/browser.js';
import { copyOfBuiltDb } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';
import { renderedCount, waitForFirstIdle, waitIdle } from './map-helpers.js';

const EDITOR = {
  username: 'e2e-exercise-editor',
  password: 'e2e-exercise-password-1',
  role: 'editor' as const,
};
// Mailuu-Suu tailings on the Mailuu-Suu river, a Kara Darya tributary above Uzbekistan's Fergana valley.
const MAILUU_SUU = { lon: 72.45, lat: 41.27 };

let server: RunningServer;
let b: BrowserSession;
beforeAll(async () => {
  const db = copyOfBuiltDb();
  createUser(db, EDITOR);
  server = await startServer(db);
  b = await openBrowser(server.url, { suite: 'exercise' });
});
afterAll(async () => {
  await b?.close();
  await server?.close();
});

describe('table-top exercise through the UI', () => {
  it('shows the notification timeline and prefilled drafts, then runs an exercise to its report', async () => {
    const { page } = b;
    await page.goto(`${server.url}/?lang=en`);
    await waitForFirstIdle(page);
    await page.getByRole('button', { name: 'Log in' }).click();
    const form = page.getByRole('form', { name: 'Log in' });
    await form.getByLabel('User name').fill(EDITOR.username);
    await form.getByLabel('Password').fill(EDITOR.password);
    await form.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('auth-user').waitFor();

    // The stations layer has its legend entry.
    await page.getByTestId('station-legend').waitFor();

    await page.goto(
      `${server.url}/?lang=en&trace=${MAILUU_SUU.lon},${MAILUU_SUU.lat}&releaseKg=1000&releasedAt=2026-03-01T06:00:00Z&plan=syr-darya`,
    );
    const timeline = page.getByTestId('notification-timeline');
    await timeline.waitFor({ timeout: 30_000 });
    // Uzbekistan, Tajikistan, Kazakhstan in the order the water reaches them (UNECE Second Assessment 2011).
    const order = await timeline
      .locator('li.tl-country')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-iso3')));
    expect(order).toEqual(['UZB', 'TJK', 'KAZ']);
    // Kazakhstan: 24 h (the plan's example lead time) before its probable arrival, as the API computes it.
    const api = (await (
      await fetch(
        `${server.url}/api/trace?lon=${MAILUU_SUU.lon}&lat=${MAILUU_SUU.lat}&releaseKg=1000&releasedAt=2026-03-01T06:00:00Z&plan=syr-darya`,
      )
    ).json()) as { notifications: { iso3?: string; notifyBy?: string }[] };
    const notifyBy = api.notifications.find((n) => n.iso3 === 'KAZ')!.notifyBy!;
    const deadline = `${notifyBy.slice(0, 10)} ${notifyBy.slice(11, 16)} UTC`;
    expect(Date.parse(notifyBy)).toBeGreaterThan(Date.parse('2026-03-01T06:00:00Z'));
    expect(await page.getByTestId('deadline-KAZ').textContent()).toContain(deadline.slice(5));
    await timeline.locator('li[data-iso3=KAZ]').getByRole('button', { name: 'Draft RU' }).click();
    const draftRu = await page.getByTestId('notification-draft').inputValue();
    expect(draftRu).toMatch(/Кому: Kazakhstan \(KAZ\)/);
    expect(draftRu).toMatch(/Ministry of Emergency Situations of the Republic of Kazakhstan/);
    expect(draftRu).toMatch(/Ministry of Emergency Situations of the Kyrgyz Republic/);
    expect(draftRu).toContain(`Уведомить до (срок по плану): ${deadline}`);
    await timeline.locator('li[data-iso3=KAZ]').getByRole('button', { name: 'Draft EN' }).click();
    expect(await page.getByTestId('notification-draft').inputValue()).toContain(
      `Notify by (plan deadline): ${deadline}`,
    );
    await b.screenshot('timeline-and-draft');

    // Create the exercise from the traced point.
    await page.getByTestId('exercise-open').click();
    const create = page.getByTestId('exercise-create');
    await create.getByLabel('Name').fill('Syr Darya table-top (e2e)');
    await create.getByLabel('Plan').selectOption('syr-darya');
    await create.getByLabel('Scenario start (UTC)').fill('2026-03-01T06:00');
    await create.getByLabel('Released mass (kg)').fill('1000');
    await create.getByRole('button', { name: 'Create exercise' }).click();
    const view = page.getByTestId('exercise-facilitator');
    await view.waitFor({ timeout: 30_000 });
    const clock = view.getByTestId('exercise-clock');
    expect(await clock.textContent()).toBe('2026-03-01 06:00 UTC');

    const action = view.getByTestId('exercise-action');
    const record = async (kind: string, target: { iso3?: string; station?: string }) => {
      const before = await view.getByTestId('exercise-log').locator('li').count();
      await action.locator('select[name=kind]').selectOption(kind);
      if (target.iso3) await action.locator('select[name=iso3]').selectOption(target.iso3);
      if (target.station)
        await action.locator('select[name=stationId]').selectOption({ label: target.station });
      await action.getByRole('button', { name: 'Record at clock time' }).click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid=exercise-log] li').length > n,
        before,
      );
    };
    const next = () => view.getByTestId('clock-next').click();

    // Uzbekistan is notified at once, at the release.
    await record('notification_sent', { iso3: 'UZB' });
    // Jump: UZB notification due, border arrival, first detection at Uchkurgan (13:54).
    await next();
    await next();
    await next();
    expect(await clock.textContent()).toBe('2026-03-01 13:54 UTC');
    await waitIdle(page);
    // The leading edge has come down the Naryn on the map; Uchkurgan is sampled as the plume arrives.
    expect(await renderedCount(page, ['exercise-front'])).toBeGreaterThan(0);
    expect(await view.getByTestId('exercise-injects').locator('li.past').count()).toBe(4);
    await record('station_sampled', { station: 'Uchkurgan (Naryn)' });
    await b.screenshot('first-detection');
    // Jump past Tajikistan's deadline (2 March 11:48) to its border arrival: the notification is late.
    await next();
    await next();
    expect(await clock.textContent()).toBe('2026-03-03 11:48 UTC');
    await record('notification_sent', { iso3: 'TJK' });
    // Kazakhstan is never notified. The clock plays and pauses.
    await view.getByTestId('clock-play').click();
    await page.waitForTimeout(700);
    await view.getByTestId('clock-play').click();
    expect(await clock.textContent()).not.toBe('2026-03-03 11:48 UTC');

    await view.getByTestId('report-show').click();
    const report = view.getByTestId('exercise-report');
    await report.waitFor();
    const verdicts = await report
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('td')?.textContent, r.getAttribute('data-verdict')]),
      );
    expect(verdicts).toEqual([
      ['Notify Uzbekistan (UZB)', 'on_time'],
      ['Sample at Uchkurgan (Naryn)', 'on_time'],
      ['Notify Tajikistan (TJK)', 'late'],
      ['Notify Kazakhstan (KAZ)', 'missing'],
    ]);
    await b.screenshot('after-action-report');
    // The printable report says the same.
    const html = await (
      await fetch(
        `${server.url}${await view.getByRole('link', { name: 'Printable report' }).getAttribute('href')}`,
      )
    ).text();
    expect(html).toMatch(/data-verdict="late"><td>Notify Tajikistan/);
    expect(b.errors).toEqual([]);
    expect(b.blocked).toEqual([]);
  }, 240_000);
});
