import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { copyOfBuiltDb } from '../support/database.js';

let db: string;
beforeAll(() => {
  db = copyOfBuiltDb();
});

const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas trace --released-at --plan', () => {
  it('prints the notification timeline of the Syr Darya plan from Mailuu-Suu (72.45, 41.27)', () => {
    const r = cli(
      'trace',
      '72.45',
      '41.27',
      '--release-kg',
      '1000',
      '--released-at',
      '2026-03-01T06:00:00Z',
      '--plan',
      'syr-darya',
      '--json',
    );
    expect(r.status, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout) as {
      notifications: { kind: string; iso3?: string }[];
      notificationPlan: { plan: { id: string } };
    };
    expect(t.notificationPlan.plan.id).toBe('syr-darya');
    // Mailuu-Suu → Uzbekistan (Fergana valley) → Tajikistan → Kazakhstan (UNECE Second Assessment 2011).
    expect(t.notifications.filter((n) => n.kind === 'country').map((n) => n.iso3)).toEqual([
      'UZB',
      'TJK',
      'KAZ',
    ]);
    const table = cli(
      'trace',
      '72.45',
      '41.27',
      '--release-kg',
      '1000',
      '--released-at',
      '2026-03-01T06:00:00Z',
    );
    expect(table.stdout).toMatch(/Notification timeline/);
    expect(table.stdout).toMatch(/country KAZ .*lead_time/);
  });

  it('refuses a time without a zone and a plan without a time (exit 2)', () => {
    const a = cli('trace', '72.45', '41.27', '--release-kg', '1', '--released-at', '2026-03-01T06:00');
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/with a zone/);
    const b = cli('trace', '72.45', '41.27', '--release-kg', '1', '--plan', 'syr-darya');
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/--plan needs --released-at/);
  });
});

describe('hazatlas exercise', () => {
  it('creates an exercise, prints its injects, logs actions and reports late and missing ones', () => {
    const created = cli(
      'exercise',
      'create',
      '--name',
      'Delta TTX',
      '--lon',
      '27.97',
      '--lat',
      '45.46',
      '--release-kg',
      '1000',
      '--start-at',
      '2026-05-10T08:00:00Z',
      '--plan',
      'danube-delta',
    );
    expect(created.status, created.stderr).toBe(0);
    const id = created.stdout.trim();
    const timeline = cli('exercise', 'timeline', id);
    expect(timeline.stdout.split('\n')[0]).toMatch(/^2026-05-10 08:00Z\s+release/);
    expect(timeline.stdout).toMatch(/notification_due\s+notification of UKR due/);
    expect(
      cli(
        'exercise',
        'action',
        id,
        '--kind',
        'station_sampled',
        '--station',
        'danube-reni',
        '--at',
        '2026-05-11T00:00:00Z',
      ).status,
    ).toBe(0);
    const report = JSON.parse(cli('exercise', 'report', id).stdout) as {
      items: { iso3: string | null; verdict: string }[];
    };
    expect(report.items.find((i) => i.iso3 === 'UKR')?.verdict).toBe('missing');
    expect(report.items.find((i) => i.iso3 === null)?.verdict).toBe('late');
    const html = cli('exercise', 'report', id, '--format', 'html');
    expect(html.stdout).toMatch(/After-action report: Delta TTX/);
    const bad = cli(
      'exercise',
      'create',
      '--name',
      'x',
      '--lon',
      '27.97',
      '--lat',
      '45.46',
      '--start-at',
      'tomorrow',
      '--plan',
      'danube-delta',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/startAt must be an ISO 8601/);
    // Seven CLI processes, each loading the network: several seconds apiece on a loaded machine.
  }, 240_000);
});

describe('hazatlas stations', () => {
  it('imports a CSV (all rows or none) and lists stations with river and river km', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-stations-'));
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'name,kind,lon,lat,river\nVidin,gauge,22.88,43.99,Danube\nX,buoy,22,43,Danube\n');
    const refused = cli('stations', 'import', bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/line 3 kind: kind must be one of/);
    const good = path.join(dir, 'good.csv');
    // Vidin, Bulgaria: Danube km ≈ 790 (Danube Commission).
    fs.writeFileSync(
      good,
      'name,kind,lon,lat,river,country\nVidin (CLI test),gauge,22.88,43.99,Danube,BGR\n',
    );
    expect(cli('stations', 'import', good).stdout).toMatch(/Imported 1 station/);
    const list = JSON.parse(cli('stations', 'list', '--json').stdout) as {
      name: string;
      river: string;
      riverKm: number;
    }[];
    const vidin = list.find((s) => s.name === 'Vidin (CLI test)');
    expect(vidin?.river).toBe('Danube');
    expect(vidin?.riverKm).toBeGreaterThan(740);
    expect(vidin?.riverKm).toBeLessThan(840);
  }, 120_000);
});
