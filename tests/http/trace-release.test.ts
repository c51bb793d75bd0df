// GET /api/trace with a release: arrival times and concentrations on real geography.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraceWithRelease } from '../../server/core/transport/arrival.js';
import { builtDbPath } from '../support/database.js';
import { type RunningServer, startServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer(builtDbPath());
});
afterAll(() => server.close());

type ErrorBody = { error: { code: string; message: string } };
const get = async <T = TraceWithRelease>(path: string) => {
  const res = await fetch(server.url + path);
  return { status: res.status, body: (await res.json()) as T & Partial<ErrorBody> };
};
const VIENNA = '/api/trace?lon=16.37&lat=48.21';

describe('GET /api/trace with a 10 t release on the Danube at Vienna', () => {
  let t: TraceWithRelease;
  beforeAll(async () => {
    const res = await get(`${VIENNA}&releaseKg=10000&substance=cyanide&limitMgL=0.05`);
    expect(res.status).toBe(200);
    t = res.body;
  });

  it('adds arrival {leadingEdgeH, peakH, peakMgL} × {probable, bound} to every country, outlet and crossing', () => {
    for (const e of [...t.countries, ...t.outlets, ...t.crossings]) {
      for (const k of ['leadingEdgeH', 'peakH', 'peakMgL'] as const) {
        expect(Object.keys(e.arrival[k]).sort()).toEqual(['bound', 'probable']);
        expect(Number.isFinite(e.arrival[k].probable)).toBe(true);
      }
    }
    expect(t.countries.map((c) => c.iso3)).toEqual([
      'AUT',
      'SVK',
      'SVK',
      'HUN',
      'HRV',
      'SRB',
      'SRB',
      'BGR',
      'ROU',
      'ROU',
    ]);
  });

  it('arrives later and weaker country by country down the Danube', () => {
    const peaks = t.countries.map((c) => c.arrival.peakH.probable);
    const concentrations = t.countries.map((c) => c.arrival.peakMgL.probable);
    for (let i = 1; i < peaks.length; i++) {
      expect(peaks[i]).toBeGreaterThan(peaks[i - 1]!);
      expect(concentrations[i]).toBeLessThan(concentrations[i - 1]!);
      expect(t.countries[i]!.arrival.leadingEdgeH.probable).toBeLessThan(peaks[i]!);
    }
  });

  it('reaches the Black Sea in about three weeks at mean flow', () => {
    // Vienna → Black Sea is ≈ 1,850 km of river; at the Danube's mean-flow velocity of ~1 m/s that
    // is 1.85e6 m / 1 m/s ≈ 21 days. Range 14–35 days allows 0.6–1.5 m/s; the bound (fast) case
    // must be earlier but not absurdly so (≥ 7 days ⇒ < 3 m/s).
    const sea = t.outlets.find((o) => o.main)!;
    expect(sea.name).toBe('Black Sea');
    expect(sea.arrival.peakH.probable / 24).toBeGreaterThan(14);
    expect(sea.arrival.peakH.probable / 24).toBeLessThan(35);
    expect(sea.arrival.peakH.bound / 24).toBeGreaterThan(7);
  });

  it('has the bound case no later and no weaker than the probable case everywhere', () => {
    for (const e of [...t.countries, ...t.outlets, ...t.crossings]) {
      expect(e.arrival.leadingEdgeH.bound).toBeLessThanOrEqual(e.arrival.leadingEdgeH.probable);
      expect(e.arrival.peakH.bound).toBeLessThanOrEqual(e.arrival.peakH.probable);
      expect(e.arrival.peakMgL.bound).toBeGreaterThanOrEqual(e.arrival.peakMgL.probable);
    }
  });

  it('dilutes 10 t to well under a mg/L by the Black Sea (≈ 6,450 m³/s at the Delta)', () => {
    const sea = t.outlets.find((o) => o.main)!;
    expect(sea.arrival.peakMgL.probable).toBeGreaterThan(1e-4);
    expect(sea.arrival.peakMgL.bound).toBeLessThan(0.1);
  });

  it('describes the release, its assumptions and the discharge table values it used', () => {
    expect(t.release).toMatchObject({
      massKg: 10000,
      substance: 'cyanide',
      decayPerDay: 0,
      dischargeFactor: 1,
    });
    expect(t.release.assumptions.join(' ')).toMatch(/Fischer/);
    const places = t.release.discharge.filter((d) => !d.default).map((d) => (d.default ? '' : d.place));
    expect(places).toEqual(
      expect.arrayContaining(['Bratislava', 'Iron Gates (Orșova)', 'Ceatal Izmail (head of the Delta)']),
    );
  });

  it('returns a km profile for plotting, every ≤ 5 km along the main path', () => {
    expect(t.profile[0]!.km).toBe(0);
    expect(t.profile[t.profile.length - 1]!.km).toBeCloseTo(t.lengthKm, 3);
    for (let i = 1; i < t.profile.length; i++)
      expect(t.profile[i]!.km - t.profile[i - 1]!.km).toBeLessThanOrEqual(5.0001);
    const p = t.profile[100]!;
    expect(Object.keys(p).sort()).toEqual(
      [
        'dischargeIsDefault',
        'dischargeM3s',
        'dischargeSource',
        'km',
        'lake',
        'leadingEdgeH',
        'peakH',
        'peakMgL',
        'riverKm',
        'velocityMs',
      ].sort(),
    );
    expect(p.dischargeIsDefault).toBe(false);
    // ≈ 500 km below Vienna the Danube lies between the ICPDR gauges at Nagymaros and Bogojevo.
    expect(['gauge', 'interpolated']).toContain(p.dischargeSource);
    expect(p.riverKm?.river).toBe('Danube');
    // The Danube is gauged from Vienna to Ceatal Izmail (ICPDR); only the Chilia arm below the last gauge is estimated.
    const kinds = new Set(t.profile.map((x) => x.dischargeSource));
    expect([...kinds].sort()).toEqual(['estimated', 'gauge', 'interpolated']);
    const firstEstimated = t.profile.find((x) => x.dischargeSource === 'estimated')!;
    expect(firstEstimated.km).toBeGreaterThan(t.lengthKm - 200);
    expect(t.profile.every((x) => x.dischargeIsDefault === (x.dischargeSource === 'estimated'))).toBe(true);
    expect(p.dischargeM3s).toBeGreaterThan(1900);
    expect(p.velocityMs).toBeGreaterThan(0.8);
    expect(p.velocityMs).toBeLessThan(1.3);
  });

  it('reports where the peak falls below the limit and which countries get water above it', () => {
    const th = t.threshold!;
    expect(th.limitMgL).toBe(0.05);
    const km = th.belowAtKm.probable!;
    // The profile agrees: above the limit before that km, below after it.
    expect(t.profile.filter((p) => p.km < km - 5).every((p) => p.peakMgL.probable >= 0.05)).toBe(true);
    expect(t.profile.filter((p) => p.km > km + 5).every((p) => p.peakMgL.probable < 0.05)).toBe(true);
    expect(th.belowAtKm.bound!).toBeGreaterThan(km);
    expect(th.belowAtH.probable).toBeGreaterThan(0);
    expect(th.countriesAbove.slice(0, 2)).toEqual(['AUT', 'SVK']);
    expect(th.countriesAbove).not.toContain('UKR');
  });

  it('slows the plume and raises concentrations at low flow (dischargeFactor=0.3) and decays with decayPerDay', async () => {
    const low = (await get(`${VIENNA}&releaseKg=10000&dischargeFactor=0.3`)).body;
    const decay = (await get(`${VIENNA}&releaseKg=10000&decayPerDay=0.1`)).body;
    const sea = (r: TraceWithRelease) => r.outlets.find((o) => o.main)!.arrival;
    const base = sea(t);
    expect(sea(low).peakH.probable).toBeGreaterThan(base.peakH.probable);
    expect(sea(low).peakMgL.probable).toBeGreaterThan(base.peakMgL.probable);
    expect(low.profile[50]!.dischargeM3s).toBeCloseTo(t.profile[50]!.dischargeM3s * 0.3, 0);
    const days = base.peakH.probable / 24;
    expect(sea(decay).peakMgL.probable / base.peakMgL.probable).toBeCloseTo(Math.exp(-0.1 * days), 2);
  });

  it('takes the release as volume × concentration (m³ × mg/L = g)', async () => {
    const { status, body } = await get(`${VIENNA}&releaseVolumeM3=1000&releaseConcentrationMgL=10000`);
    expect(status).toBe(200);
    expect(body.release.massKg).toBe(10000);
    expect(body.release.amount).toEqual({
      kind: 'volume',
      releaseVolumeM3: 1000,
      releaseConcentrationMgL: 10000,
    });
    expect(body.countries[3]!.arrival.peakMgL.probable).toBe(t.countries[3]!.arrival.peakMgL.probable);
  });

  it('leaves the trace exactly as before when no release is given', async () => {
    const plain = (await get<Record<string, unknown>>(VIENNA)).body;
    expect(plain).not.toHaveProperty('release');
    expect(plain).not.toHaveProperty('profile');
    expect((plain.countries as object[])[0]).not.toHaveProperty('arrival');
    const { arrival: _a, ...firstWithout } = t.countries[0]!;
    expect((plain.countries as object[])[0]).toEqual(firstWithout);
  });
});

describe('GET /api/trace with a release in the Syr Darya basin', () => {
  it('follows a release on the Naryn to the Aral Sea through the reservoirs', async () => {
    const { status, body } = await get('/api/trace?lon=76.0&lat=41.43&releaseKg=5000&limitMgL=0.01');
    expect(status).toBe(200);
    expect(body.outlets.map((o) => o.name)).toEqual(['Aral Sea']);
    expect(body.countries.map((c) => c.iso3)).toEqual(['KGZ', 'UZB', 'UZB', 'TJK', 'TJK', 'UZB', 'KAZ']);
    const aral = body.outlets[0]!.arrival;
    // ~2,250 km including Toktogul, Kayrakkum and Shardara reservoirs (lake centerlines): months, not weeks.
    expect(aral.peakH.probable / 24).toBeGreaterThan(40);
    expect(aral.peakH.probable / 24).toBeLessThan(150);
    expect(body.profile.some((p) => p.lake)).toBe(true);
    const lake = body.profile.find((p) => p.lake)!;
    const river = body.profile.find((p) => !p.lake && p.dischargeM3s === lake.dischargeM3s);
    if (river) expect(lake.velocityMs).toBeLessThan(river.velocityMs);
    // The regulated lower Syr Darya: the table's fall to 200 m³/s at Kazalinsk (UNECE 2011) is kept, not
    // smoothed away; below it the same gauge/estimate ratio holds, far from the natural ≈ 1,290 m³/s.
    const sources = body.release.discharge;
    const kazalinsk = sources.find((d) => !d.default && d.place.startsWith('Kazalinsk'));
    const atGauge = body.profile.find((p) => kazalinsk && !kazalinsk.default && p.km >= kazalinsk.km)!;
    expect(atGauge.dischargeM3s).toBeGreaterThan(190);
    expect(atGauge.dischargeM3s).toBeLessThan(215);
    expect(atGauge.dischargeSource).toBe('gauge');
    expect(body.profile[body.profile.length - 1]!.dischargeM3s).toBeLessThan(300);
    expect(sources.some((d) => d.default)).toBe(true);
    expect(sources.some((d) => !d.default && d.place.startsWith('Kazalinsk'))).toBe(true);
    expect(body.threshold!.countriesAbove[0]).toBe('KGZ');
  });
});

describe('GET /api/trace from a registered site', () => {
  it('starts at the site and follows the Baia Mare route Someș → Tisza → Danube', async () => {
    const id = server.services.db
      .prepare("SELECT id FROM sites WHERE name LIKE 'Aurul tailings pond%'")
      .pluck()
      .get() as string;
    const { status, body } = await get(`/api/trace?siteId=${id}&releaseKg=100000`);
    expect(status).toBe(200);
    expect(body.snap.lon).toBeCloseTo(23.47, 0);
    expect(body.countries.map((c) => c.iso3).slice(0, 2)).toEqual(['ROU', 'HUN']);
    expect(body.countries.map((c) => c.iso3)).toContain('SRB');
    expect(body.outlets.find((o) => o.main)!.name).toBe('Black Sea');
  });
});

describe('GET /api/trace release parameters are validated', () => {
  it.each([
    [`${VIENNA}&releaseKg=0`, /releaseKg must be between/],
    [`${VIENNA}&releaseKg=-5`, /releaseKg must be between/],
    [`${VIENNA}&releaseKg=ten`, /releaseKg must be a number/],
    [`${VIENNA}&releaseKg=10&decayPerDay=500`, /decayPerDay must be between 0 and 100/],
    [`${VIENNA}&releaseKg=10&dischargeFactor=0`, /dischargeFactor must be between 0.01 and 10/],
    [`${VIENNA}&releaseKg=10&limitMgL=-1`, /limitMgL must be between/],
    [`${VIENNA}&releaseKg=10&releaseVolumeM3=5&releaseConcentrationMgL=3`, /not both/],
    [`${VIENNA}&releaseVolumeM3=5`, /releaseVolumeM3 .* and releaseConcentrationMgL/],
    [`${VIENNA}&decayPerDay=0.1`, /give releaseKg/],
    [`${VIENNA}&releaseKg=10&substance=`, /substance/],
    [`${VIENNA}&releaseKg=10&siteId=abc`, /either siteId or a point/],
  ])('%s → 400 INVALID_QUERY', async (url, message) => {
    const res = await get(url);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('INVALID_QUERY');
    expect(res.body.error?.message).toMatch(message);
  });

  it('answers an unknown siteId with 400 UNKNOWN_SITE', async () => {
    const res = await get('/api/trace?siteId=no-such-site&releaseKg=10');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'UNKNOWN_SITE' });
    expect(res.body.error?.message).toMatch(/no-such-site/);
  });
});
