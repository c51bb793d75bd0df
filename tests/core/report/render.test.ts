// Renderers: user text is escaped in HTML, pages are self-contained (no scripts, no remote URLs),
// the CSV has the documented columns and neutralises formula-like cells.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotificationsHtml } from '../../../server/core/plans/render-notifications-html.js';
import { escapeHtml, html } from '../../../server/core/report/html.js';
import { buildNotifications } from '../../../server/core/report/notification-model.js';
import { REPORT_CSV_COLUMNS, renderReportCsv } from '../../../server/core/report/render-report-csv.js';
import { renderReportHtml } from '../../../server/core/report/render-report-html.js';
import { buildSiteReport, type SiteReport } from '../../../server/core/report/report-model.js';
import { traceFromSite } from '../../../server/core/report/site-trace.js';
import { resolveRelease } from '../../../server/core/transport/release.js';
import { createServices, type Services } from '../../../server/runtime/services.js';
import { builtDbPath } from '../../support/database.js';
import { seedSite } from './seed-site.js';

let services: Services;
let report: SiteReport;
const EVIL = '<script>alert("x")</script> & =HYPERLINK("http://evil")';

beforeAll(() => {
  services = createServices({ dbPath: builtDbPath() });
  const site = { ...seedSite(services, 'OMV Schwechat refinery'), name: EVIL };
  const r = resolveRelease({ releaseKg: 5000, substance: '=cmd|calc' });
  if (!r.ok) throw new Error(r.message);
  report = buildSiteReport({
    site,
    trace: traceFromSite(services.network, services.discharge, site, r.release),
    zones: {
      ruleId: 'test',
      kasClass: 'II',
      assumption: true,
      reason: 'test <b>rule</b>',
      zones: [
        { zone: 'inner', radiusM: 167 },
        { zone: 'middle', radiusM: 333 },
        { zone: 'outer', radiusM: 500 },
      ],
      receptors: [
        {
          source: 'receptor',
          id: 'r1',
          name: '@intake',
          kind: 'water_intake',
          population: null,
          zone: 'middle',
          distanceM: 250,
        },
      ],
    },
    generatedAt: new Date('2026-02-01T12:00:00Z'),
  });
});
afterAll(() => services?.close());

describe('html helper', () => {
  it('escapes interpolated text and passes nested markup through', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<p>${'<i>'}${html`<b>${'&'}</b>`}${null}${['<', 1]}</p>`.value).toBe(
      '<p>&lt;i&gt;<b>&amp;</b>&lt;1</p>',
    );
  });
});

describe('report HTML', () => {
  it('escapes the site name everywhere and contains no script or remote resource', () => {
    const page = renderReportHtml(report);
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('test &lt;b&gt;rule&lt;/b&gt;');
    expect(page).not.toMatch(/<(img|link|script)[^>]+(src|href)="https?:/);
    expect(page).toContain('@page { size: A4');
    expect(page).toContain('<svg class="sketch"');
    // Every country of the trace has a row.
    for (const c of report.trace.status === 'ok' ? report.trace.countries : [])
      expect(page).toContain(`(${c.iso3})`);
  });

  it('embeds a browser map snapshot when given one', () => {
    const page = renderReportHtml(report, { snapshotDataUrl: 'data:image/png;base64,AAAA' });
    expect(page).toContain('<img src="data:image/png;base64,AAAA"');
    expect(page).not.toContain('<svg class="sketch"');
  });
});

describe('report CSV', () => {
  it('has one row per country, crossing, outlet and receptor with the documented columns', () => {
    const text = renderReportCsv(report);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...REPORT_CSV_COLUMNS]);
    if (report.trace.status !== 'ok') throw new Error('no trace');
    const t = report.trace;
    expect(rows.filter((r) => r.item === 'country').map((r) => r.code)).toEqual(
      t.countries.map((c) => c.iso3),
    );
    expect(rows.filter((r) => r.item === 'crossing')).toHaveLength(t.crossings.length);
    expect(rows.filter((r) => r.item === 'outlet')).toHaveLength(t.outlets.length);
    const svk = rows.find((r) => r.item === 'country' && r.code === 'SVK')!;
    expect(Number(svk.peak_h_probable)).toBe(t.countries[1]!.arrival!.peakH.probable);
    expect(Number(svk.peak_mg_l_max)).toBe(t.countries[1]!.arrival!.peakMgL.bound);
    // Formula-like user text is prefixed with a quote.
    expect(svk.site_name!.startsWith('<script>')).toBe(true);
    expect(svk.substance).toBe("'=cmd|calc");
    expect(rows.find((r) => r.item === 'receptor')).toMatchObject({
      name: "'@intake",
      zone: 'middle',
      distance_m: '250',
    });
  });
});

describe('notifications HTML', () => {
  it('has one section per country with page breaks, escaped names and highlighted placeholders', () => {
    const drafts = buildNotifications({
      report,
      accidentAt: null,
      generatedAt: new Date('2026-02-01T12:00:00Z'),
    });
    const page = renderNotificationsHtml(drafts, { siteName: EVIL, generatedAt: report.generatedAt });
    expect(page).not.toContain('<script');
    const sections = page.match(/<section class="notification" data-country="([A-Z]{3})"/g) ?? [];
    expect(sections).toHaveLength(drafts.length);
    expect(page).toContain('page-break-after: always');
    expect(page).toContain('class="placeholder"');
    expect(page).toContain('Early Warning and Information Report');
  });
});
