// The basin transboundary matrix from the seed register's stored positions, and its CSV.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceDownstream } from '../../../server/core/trace/trace.js';
import { findBasin } from '../../../server/core/upstream/basin-lookup.js';
import { basinMatrix, MATRIX_CSV_COLUMNS, matrixCsv } from '../../../server/core/upstream/basin-matrix.js';
import { createServices, type Services } from '../../../server/runtime/services.js';
import { matrixSites } from '../../../server/storage/analysis-read.js';
import { builtDbPath } from '../../support/database.js';

let services: Services;
beforeAll(() => {
  services = createServices({ dbPath: builtDbPath() });
});
afterAll(() => services.close());

const danube = () => {
  const b = findBasin(services.network, 'Danube')!;
  return { basin: b, sites: matrixSites(services.db, b.id) };
};

describe('basin matrix', () => {
  it('finds basins by name, outlet name or id, and nothing for an unknown name', () => {
    const b = findBasin(services.network, 'danube')!;
    expect(b.name).toBe('Danube');
    expect(findBasin(services.network, String(b.id))!.id).toBe(b.id);
    expect(findBasin(services.network, 'Aral Sea')!.name).toMatch(/Syr Darya|Amu Darya/);
    expect(findBasin(services.network, 'Atlantis')).toBeNull();
  });

  it('Danube: Serbian and Romanian sites reach Bulgaria, Romania and Ukraine', () => {
    const m = basinMatrix(services.upstream, danube().sites);
    const cell = (o: string, a: string) => m.cells.find((c) => c.origin === o && c.affected === a);
    expect(m.rows).toEqual(expect.arrayContaining(['SRB', 'ROU', 'HUN', 'AUT', 'DEU']));
    expect(m.columns).toEqual(expect.arrayContaining(['BGR', 'ROU', 'UKR']));
    expect(cell('SRB', 'ROU')!.sites).toBeGreaterThanOrEqual(4);
    expect(cell('SRB', 'BGR')!.sites).toBeGreaterThanOrEqual(4);
    expect(cell('ROU', 'UKR')!.sites).toBeGreaterThanOrEqual(4);
    // Upstream countries reach the Delta much later than their neighbours' borders.
    expect(cell('DEU', 'UKR')!.minArrivalH).toBeGreaterThan(cell('DEU', 'AUT')!.minArrivalH);
    expect(cell('DEU', 'UKR')!.minBorderKm).toBeGreaterThan(1500);
    // No country affects itself; no Danube site reaches a Syr Darya country.
    expect(m.cells.every((c) => c.origin !== c.affected)).toBe(true);
    expect(m.columns.some((c) => ['KAZ', 'UZB', 'KGZ'].includes(c))).toBe(false);
  });

  it('counts add up: each transboundary site appears once per affected country, rows sum to the total', () => {
    const { sites } = danube();
    const m = basinMatrix(services.upstream, sites);
    const positioned = sites.filter((s) => s.position);
    const transboundary = positioned.filter((s) => {
      const origin = s.countryIso3 ?? s.position!.countryEntries[0]!.iso3;
      return s.position!.countryEntries.some((e) => e.iso3 !== origin);
    });
    expect(m.totals.onNetwork).toBe(positioned.length);
    expect(m.totals.transboundarySites).toBe(transboundary.length);
    expect(new Set(m.cells.flatMap((c) => c.siteIds))).toEqual(new Set(transboundary.map((s) => s.id)));
    expect(m.rowTotals.reduce((n, r) => n + r.transboundarySites, 0)).toBe(transboundary.length);
    for (const c of m.cells) {
      expect(c.siteIds.length).toBe(c.sites);
      expect(c.annexI).toBeLessThanOrEqual(c.sites);
    }
    const affectedPerSite = transboundary.reduce((n, s) => {
      const origin = s.countryIso3 ?? s.position!.countryEntries[0]!.iso3;
      return n + s.position!.countryEntries.filter((e) => e.iso3 !== origin).length;
    }, 0);
    expect(m.cells.reduce((n, c) => n + c.sites, 0)).toBe(affectedPerSite);
  });

  it('agrees with a per-site trace: affected countries and border km', () => {
    const { sites } = danube();
    const m = basinMatrix(services.upstream, sites);
    const records = services.db
      .prepare(
        "SELECT s.id, s.lon, s.lat, d.reach_id, d.reach_offset_km FROM sites s JOIN site_derived d ON d.site_id = s.id WHERE d.basin_name = 'Danube' AND d.reach_id IS NOT NULL",
      )
      .all() as { id: string; reach_id: number; reach_offset_km: number }[];
    for (const r of records.slice(0, 15)) {
      const reach = services.network.reaches[r.reach_id]!;
      const snap = { reach, offsetKm: r.reach_offset_km, lon: 0, lat: 0, distanceKm: 0 };
      const t = traceDownstream(services.network, snap);
      const site = sites.find((s) => s.id === r.id)!;
      const origin = site.countryIso3!;
      const expected = new Map<string, number>();
      for (const c of t.countries)
        for (const iso of [c.iso3, ...c.sharedWith])
          if (iso !== origin && !expected.has(iso)) expected.set(iso, c.entryKm);
      const got = m.cells.filter((c) => c.siteIds.includes(r.id));
      expect(new Set(got.map((c) => c.affected))).toEqual(new Set(expected.keys()));
      for (const c of got) expect(c.minBorderKm).toBeLessThanOrEqual(expected.get(c.affected)! + 0.05);
    }
  });

  it('CSV: documented columns, one line per cell, formula-looking text escaped', () => {
    const m = basinMatrix(services.upstream, danube().sites);
    const rows = parse(matrixCsv(m), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...MATRIX_CSV_COLUMNS]);
    expect(rows.length).toBe(m.cells.length);
    expect(rows.find((r) => r.origin === 'SRB' && r.affected === 'BGR')!.sites).toBe(
      String(m.cells.find((c) => c.origin === 'SRB' && c.affected === 'BGR')!.sites),
    );
    const evil = { ...m, cells: [{ ...m.cells[0]!, origin: '=HYPERLINK("x")' }] };
    expect(matrixCsv(evil)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
