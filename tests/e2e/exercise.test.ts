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
import { logInThroughForm } from './session.js';

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
    await logInThroughForm(page, EDITOR);

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

    // The exercise's own timeline (as the API gives it) says when each inject falls.
    type Inject = { at: string; kind: string; iso3?: string; name?: string; first?: boolean };
    const list = (await (await page.request.get(`${server.url}/api/exercises`)).json()) as {
      items: { id: string; name: string }[];
    };
    const exId = list.items.find((e) => e.name === 'Syr Darya table-top (e2e)')!.id;
    const injects = (
      (await (await page.request.get(`${server.url}/api/exercises/${exId}/timeline`)).json()) as {
        injects: Inject[];
      }
    ).injects;
    const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
    /** Jumps inject by inject until the clock shows `iso` (at most 30 jumps). */
    const jumpTo = async (iso: string) => {
      for (let i = 0; i < 30 && (await clock.textContent()) !== utc(iso); i++) await next();
      expect(await clock.textContent()).toBe(utc(iso));
    };

    // Uzbekistan is notified at once, at the release.
    await record('notification_sent', { iso3: 'UZB' });
    // Jump to the first detection at a station; it is sampled as the plume arrives.
    const detection = injects.find((i) => i.kind === 'station_detection' && i.first)!;
    expect(detection.name).toBeTruthy();
    await jumpTo(detection.at);
    await waitIdle(page);
    // The leading edge has come down the rivers on the map.
    expect(await renderedCount(page, ['exercise-front'])).toBeGreaterThan(0);
    expect(await view.getByTestId('exercise-injects').locator('li.past').count()).toBeGreaterThan(1);
    await record('station_sampled', { station: detection.name! });
    await b.screenshot('first-detection');
    // Tajikistan is notified only once the water is there (its border arrival, or now if that has passed:
    // the first station may itself be in Tajikistan), well after its deadline: the notification is late.
    const tjkDue = injects.find((i) => i.kind === 'notification_due' && i.iso3 === 'TJK')!;
    const tjkArrival = injects.find((i) => i.kind === 'border_arrival' && i.iso3 === 'TJK')!;
    const lateAt = Date.parse(tjkArrival.at) > Date.parse(detection.at) ? tjkArrival.at : detection.at;
    expect(Date.parse(lateAt)).toBeGreaterThan(Date.parse(tjkDue.at) + 60_000);
    await jumpTo(lateAt);
    await record('notification_sent', { iso3: 'TJK' });
    // Kazakhstan is never notified. The clock plays and pauses.
    await view.getByTestId('clock-play').click();
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid=exercise-clock]')?.textContent !== t,
      utc(lateAt),
    );
    await view.getByTestId('clock-play').click();
    expect(await clock.textContent()).not.toBe(utc(lateAt));

    await view.getByTestId('report-show').click();
    const report = view.getByTestId('exercise-report');
    await report.waitFor();
    const verdicts = await report
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('td')?.textContent, r.getAttribute('data-verdict')]),
      );
    expect([...verdicts].sort()).toEqual(
      [
        ['Notify Uzbekistan (UZB)', 'on_time'],
        [`Sample at ${detection.name}`, 'on_time'],
        ['Notify Tajikistan (TJK)', 'late'],
        ['Notify Kazakhstan (KAZ)', 'missing'],
      ].sort(),
    );
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
