// The report model from seeded sites on the real network: countries in river order, arrival times
// with a release, indices carried over with the rule in words, unavailable trace said plainly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteReport, type SiteReport } from '../../../server/core/report/report-model.js';
import { traceFromSite } from '../../../server/core/report/site-trace.js';
import { resolveRelease } from '../../../server/core/transport/release.js';
import { createServices, type Services } from '../../../server/runtime/services.js';
import { builtDbPath } from '../../support/database.js';
import { seedSite } from './seed-site.js';

let services: Services;
beforeAll(() => {
  services = createServices({ dbPath: builtDbPath() });
});
afterAll(() => services?.close());

const release = (releaseKg: number, substance?: string) => {
  const r = resolveRelease({ releaseKg, substance });
  if (!r.ok || !r.release) throw new Error('bad release');
  return r.release;
};

function reportFor(name: string, rel: ReturnType<typeof release> | null): SiteReport {
  const site = seedSite(services, name);
  return buildSiteReport({
    site,
    trace: traceFromSite(services.network, services.discharge, site, rel),
    generatedAt: new Date('2026-02-01T12:00:00Z'),
  });
}

const labels = (r: SiteReport) =>
  r.trace.status === 'ok' ? r.trace.countries.map((c) => [c.iso3, ...c.sharedWith].join('/')) : [];

describe('report for OMV Schwechat refinery (Danube below Vienna)', () => {
  it('lists the Danube countries and border stretches in river order, distances only without a release', () => {
    const r = reportFor('OMV Schwechat refinery', null);
    expect(labels(r)).toEqual([
      'AUT',
      'SVK',
      'SVK/HUN',
      'HUN',
      'HRV/SRB',
      'SRB',
      'SRB/ROU',
      'BGR/ROU',
      'ROU',
      'ROU/UKR',
    ]);
    if (r.trace.status !== 'ok') throw new Error('no trace');
    expect(r.trace.countries.map((c) => c.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Entry km increase and each country starts where the previous one ends.
    r.trace.countries.slice(1).forEach((c, i) => {
      expect(c.entryKm).toBeCloseTo(r.trace.status === 'ok' ? r.trace.countries[i]!.exitKm : Number.NaN, 3);
    });
    expect(r.trace.countries.every((c) => c.arrival === null)).toBe(true);
    expect(r.trace.outlets.find((o) => o.main)?.kind).toBe('sea');
    expect(r.release).toBeNull();
    expect(r.zones).toBeNull();
    // The report agrees with the register's own derived downstream countries.
    const iso = [...new Set(r.trace.countries.flatMap((c) => [c.iso3, ...c.sharedWith]))];
    expect(iso).toEqual(r.site.downstreamCountries);
  });

  it('adds arrival times and peak concentrations at every country with a release', () => {
    const r = reportFor('OMV Schwechat refinery', release(10_000, 'Benzene'));
    if (r.trace.status !== 'ok') throw new Error('no trace');
    expect(r.release?.massKg).toBe(10_000);
    expect(r.release?.substance).toBe('Benzene');
    const rows = r.trace.countries;
    expect(rows.every((c) => c.arrival !== null)).toBe(true);
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i]!.arrival!;
      const prev = rows[i - 1]!.arrival!;
      // Farther down: later, and more diluted.
      expect(a.peakH.probable).toBeGreaterThan(prev.peakH.probable);
      expect(a.peakMgL.probable).toBeLessThan(prev.peakMgL.probable);
      // The bound is the fast case: earlier and higher.
      expect(a.peakH.bound).toBeLessThan(a.peakH.probable);
      expect(a.peakMgL.bound).toBeGreaterThan(a.peakMgL.probable);
      expect(a.leadingEdgeH.probable).toBeLessThan(a.peakH.probable);
    }
    // Vienna to the Black Sea takes days, not hours or months.
    const ukr = rows.at(-1)!.arrival!;
    expect(ukr.peakH.probable).toBeGreaterThan(5 * 24);
    expect(ukr.peakH.probable).toBeLessThan(60 * 24);
    expect(r.trace.crossings.every((c) => c.arrival !== null)).toBe(true);
    expect(r.trace.outlets.every((o) => o.arrival !== null)).toBe(true);
  });

  it('carries the Annex I verdict with the rule in words and the WRI breakdown', () => {
    const r = reportFor('OMV Schwechat refinery', null);
    expect(r.indices.annexI?.hazardous).toBe(true);
    expect(r.indices.annexI?.rule).toMatch(
      /^Named substance .* t held against a threshold of .* t \(q\/Q = /,
    );
    expect(r.indices.wri?.value).toBeGreaterThan(8);
    expect(r.indices.wri?.lines.length).toBe(r.substances.length);
    expect(r.indices.thi).toBeNull();
    expect(r.site.countryIso3).toBe('AUT');
    expect(r.sources.length).toBeGreaterThan(0);
  });
});

describe('report for a tailings facility', () => {
  it('gives the THI parts', () => {
    const r = reportFor('Kumtor gold mine tailings management facility', null);
    expect(r.indices.thi?.computed).toBe(true);
    if (r.indices.thi?.computed) {
      expect(r.indices.thi.parts.map((p) => p.part)).toContain('capacity');
      expect(r.indices.thi.value).toBeCloseTo(
        r.indices.thi.parts.reduce((a, p) => a + p.score, 0),
        9,
      );
    }
  });
});

describe('a site far from any river', () => {
  it('reports the trace as unavailable with the reason', () => {
    const site = { ...seedSite(services, 'OMV Schwechat refinery'), receivingRiver: null };
    site.location = { lon: 25.0, lat: 22.0 }; // Libyan desert
    const r = buildSiteReport({
      site,
      trace: traceFromSite(services.network, services.discharge, site, release(100)),
      generatedAt: new Date(),
    });
    expect(r.trace).toMatchObject({ status: 'unavailable', code: 'NO_RIVER_NEARBY' });
    expect(r.release).toBeNull();
  });
});
