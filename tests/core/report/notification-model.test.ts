// IAN-style notification drafts from seeded sites: one per country downstream of the origin, in order
// of arrival, clock times = accident time + modelled hours, placeholders for what the register lacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNotifications, PLACEHOLDER } from '../../../server/core/report/notification-model.js';
import { buildSiteReport } from '../../../server/core/report/report-model.js';
import { traceFromSite } from '../../../server/core/report/site-trace.js';
import { type Release, resolveRelease } from '../../../server/core/transport/release.js';
import { createServices, type Services } from '../../../server/runtime/services.js';
import { builtDbPath } from '../../support/database.js';
import { seedSite } from './seed-site.js';

let services: Services;
beforeAll(() => {
  services = createServices({ dbPath: builtDbPath() });
});
afterAll(() => services?.close());

const generatedAt = new Date('2026-02-01T12:00:00Z');

function drafts(name: string, rel: Release | null, accidentAt: Date | null) {
  const site = seedSite(services, name);
  const report = buildSiteReport({
    site,
    trace: traceFromSite(services.network, services.discharge, site, rel),
    generatedAt,
  });
  return buildNotifications({ report, accidentAt, generatedAt });
}

const tenTonnes = (() => {
  const r = resolveRelease({ releaseKg: 10_000, substance: 'Benzene' });
  if (!r.ok || !r.release) throw new Error('bad release');
  return r.release;
})();

describe('notification drafts for OMV Schwechat (AUT, Danube)', () => {
  const accidentAt = new Date('2026-03-01T06:30:00Z');

  it('drafts one report per downstream country, Austria excluded, in order of arrival', () => {
    const d = drafts('OMV Schwechat refinery', tenTonnes, accidentAt);
    expect(d.map((x) => x.notifiedCountry.iso3)).toEqual(['SVK', 'HUN', 'HRV', 'SRB', 'ROU', 'BGR', 'UKR']);
    expect(d.map((x) => x.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(d.every((x) => x.notifyingCountry.iso3 === 'AUT')).toBe(true);
    const peaks = d.map((x) => x.possibleTransboundaryEffects.arrival!.peakH.probable);
    expect([...peaks].sort((a, b) => a - b)).toEqual(peaks);
    // Croatia and Serbia share the border stretch: same km, each names the other.
    const hrv = d.find((x) => x.notifiedCountry.iso3 === 'HRV')!;
    const srb = d.find((x) => x.notifiedCountry.iso3 === 'SRB')!;
    expect(hrv.possibleTransboundaryEffects.borderKm).toBe(srb.possibleTransboundaryEffects.borderKm);
    expect(hrv.possibleTransboundaryEffects.sharedWith).toEqual(['SRB']);
    expect(srb.possibleTransboundaryEffects.sharedWith).toEqual(['HRV']);
    expect(srb.notifiedCountry.name).toBe('Serbia');
  });

  it('turns modelled hours into clock times after the accident', () => {
    const [svk] = drafts('OMV Schwechat refinery', tenTonnes, accidentAt);
    const e = svk!.possibleTransboundaryEffects;
    const at = (iso: string) => (Date.parse(iso) - accidentAt.getTime()) / 3_600_000;
    expect(at(e.peakAt!.probable)).toBeCloseTo(e.arrival!.peakH.probable, 6);
    expect(at(e.peakAt!.bound)).toBeCloseTo(e.arrival!.peakH.bound, 6);
    expect(at(e.leadingEdgeAt!.probable)).toBeCloseTo(e.arrival!.leadingEdgeH.probable, 6);
    expect(e.peakMgL!.bound).toBeGreaterThan(e.peakMgL!.probable);
    expect(svk!.accident).toMatchObject({ dateTime: '2026-03-01T06:30:00.000Z', dateTimeGiven: true });
    expect(svk!.substances.released).toMatchObject({ substance: 'Benzene', quantityKg: 10_000 });
    // Schwechat lies on the Danube (Natural Earth's 'Donau', read as the Danube per data/river-names.json).
    expect(svk!.affectedMedia).toMatchObject({ media: 'water', river: 'Danube' });
    expect(svk!.location).toMatchObject({ lon: 16.5, lat: 48.15 });
    expect(svk!.notifyingCountry.pointOfContact.name).toBe(PLACEHOLDER);
    expect(svk!.measures).toEqual({ taken: PLACEHOLDER, planned: PLACEHOLDER });
  });

  it('defaults the accident time to the drafting time and leaves times empty without a release', () => {
    const d = drafts('OMV Schwechat refinery', null, null);
    expect(d).toHaveLength(7);
    expect(d[0]!.accident).toMatchObject({ dateTime: generatedAt.toISOString(), dateTimeGiven: false });
    expect(d[0]!.possibleTransboundaryEffects.arrival).toBeNull();
    expect(d[0]!.substances.released.substance).toBe(PLACEHOLDER);
  });
});

describe('a site whose water stays in one country', () => {
  it('needs no transboundary notification (Kadji-Say, Issyk-Kul: a terminal lake in Kyrgyzstan)', () => {
    expect(drafts('Kadji-Say uranium tailings', tenTonnes, null)).toEqual([]);
  });
});
