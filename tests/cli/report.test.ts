import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { hazatlas } from '../support/cli.js';
import { builtDbPath } from '../support/database.js';

/** OMV Schwechat refinery: its id is fixed by the seed register. */
const SCHWECHAT = '067024cb-5838-4df0-bfb7-08fec0a1b0a7';
let db: string;
beforeAll(() => {
  db = builtDbPath();
});

const cli = (...args: string[]) => hazatlas(db, args);

describe('hazatlas report', () => {
  it('prints the JSON report with arrival times for --release-kg', () => {
    const r = cli('report', SCHWECHAT, '--format', 'json', '--release-kg', '5000', '--substance', 'Benzene');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      site: { name: string };
      release: { massKg: number; substance: string };
      trace: { countries: { iso3: string; arrival: { peakH: { probable: number } } | null }[] };
    };
    expect(report.site.name).toBe('OMV Schwechat refinery');
    expect(report.release).toMatchObject({ massKg: 5000, substance: 'Benzene' });
    expect(report.trace.countries[1]).toMatchObject({ iso3: 'SVK' });
    expect(report.trace.countries[1]!.arrival!.peakH.probable).toBeGreaterThan(0);
  });

  it('writes HTML (default) and CSV to --out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-report-'));
    const html = path.join(dir, 'r.html');
    expect(cli('report', SCHWECHAT, '--out', html).status).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toMatch(
      /^<!doctype html>[\s\S]*Transboundary report: OMV Schwechat refinery/,
    );
    const csv = path.join(dir, 'r.csv');
    expect(cli('report', SCHWECHAT, '--format', 'csv', '--release-kg', '100', '--out', csv).status).toBe(0);
    const rows = parse(fs.readFileSync(csv, 'utf8'), { columns: true }) as { item: string; code: string }[];
    expect(rows.filter((x) => x.item === 'country')[0]!.code).toBe('AUT');
  });

  it('exits 2 on an unknown site, a bad format or a bad release', () => {
    for (const args of [
      ['report', '00000000-0000-4000-8000-000000000000'],
      ['report', SCHWECHAT, '--format', 'pdf'],
      ['report', SCHWECHAT, '--substance', 'Benzene'],
    ]) {
      const r = cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^hazatlas: /);
    }
  });
});

describe('hazatlas notify', () => {
  it('prints one JSON draft per downstream country in order of arrival', () => {
    const r = cli('notify', SCHWECHAT, '--release-kg', '10000', '--accident-at', '2026-03-01T06:30:00Z');
    expect(r.status, r.stderr).toBe(0);
    const drafts = JSON.parse(r.stdout) as {
      notifiedCountry: { iso3: string };
      accident: { dateTime: string };
    }[];
    expect(drafts.map((d) => d.notifiedCountry.iso3)).toEqual([
      'SVK',
      'HUN',
      'HRV',
      'SRB',
      'ROU',
      'BGR',
      'UKR',
    ]);
    expect(drafts[0]!.accident.dateTime).toBe('2026-03-01T06:30:00.000Z');
  });

  it('prints HTML (here in Russian) with --format html and refuses a bad --accident-at', () => {
    const r = cli('notify', SCHWECHAT, '--format', 'html', '--lang', 'ru', '--release-kg', '100');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/<section class="notification"/g)).toHaveLength(7);
    expect(r.stdout).toContain('Доклад о раннем оповещении и информации — ПРОЕКТ');
    const bad = cli('notify', SCHWECHAT, '--accident-at', 'tomorrow');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--accident-at/);
  });
});
