// The reach-by-reach plume: reduces to the closed-form ADE on a uniform reach, conserves mass,
// runs slower through lakes, decays by exp(−kT), and dilutes with discharge.
import { describe, expect, it } from 'vitest';
import { adeConcentrationMgL, adePeakMgL } from '../../../server/core/transport/ade.js';
import { hydraulics } from '../../../server/core/transport/hydraulics.js';
import {
  buildPlume,
  type PlumeSegment,
  plumeAt,
  stationConcentrationMgL,
} from '../../../server/core/transport/plume.js';

const uniform = (q: number, km: number, pieces = 50, kind: PlumeSegment['kind'] = 'river'): PlumeSegment[] =>
  Array.from({ length: pieces }, () => ({ lengthKm: km / pieces, dischargeM3s: q, kind }));
const tonne = { massKg: 1000, decayPerDay: 0, maxConcentrationMgL: null };

describe('buildPlume / plumeAt', () => {
  it('gives the closed-form ADE peak and travel time on a uniform reach', () => {
    const plume = buildPlume(uniform(100, 200), tonne);
    for (const tcase of ['probable', 'bound'] as const) {
      const h = hydraulics(100, 'river', tcase);
      const ade = {
        massKg: 1000,
        areaM2: h.areaM2,
        velocityMs: h.velocityMs,
        dispersionM2s: h.dispersionM2s,
        decayPerS: 0,
      };
      for (const km of [5, 37.5, 120, 200]) {
        const t = (km * 1000) / h.velocityMs;
        const at = plumeAt(plume, km);
        expect(at.peakH[tcase]).toBeCloseTo(t / 3600, 6);
        expect(at.peakMgL[tcase] / adePeakMgL(ade, t)).toBeCloseTo(1, 9);
        expect(at.leadingEdgeH[tcase]).toBeCloseTo((0.89 * t) / 3600, 6);
      }
    }
  });

  it('has hydraulics in the calibrated range: Danube ≈ 1.1 m/s, small rivers 0.3–0.6 m/s', () => {
    expect(hydraulics(6000, 'river', 'probable').velocityMs).toBeGreaterThan(1);
    expect(hydraulics(6000, 'river', 'probable').velocityMs).toBeLessThan(1.3);
    for (const q of [1, 10, 100]) {
      const u = hydraulics(q, 'river', 'probable').velocityMs;
      expect(u).toBeGreaterThanOrEqual(0.3);
      expect(u).toBeLessThanOrEqual(0.6);
    }
  });

  it('conserves mass at a station: ∫Q·C dt = M over a reach with growing discharge and no decay', () => {
    // 100 → 400 m³/s over 150 km, with a 10 km lake in the middle.
    const segments: PlumeSegment[] = [
      ...uniform(100, 60, 30),
      ...uniform(200, 10, 5, 'lake'),
      ...uniform(400, 80, 40),
    ];
    const plume = buildPlume(segments, tonne);
    for (const km of [30, 65, 150]) {
      const at = plumeAt(plume, km);
      for (const tcase of ['probable', 'bound'] as const) {
        const tp = at.peakH[tcase] * 3600;
        const s = at.sigmaS[tcase];
        // The frozen-cloud curve is valid where the cloud is long past the source.
        expect(tp).toBeGreaterThan(4 * s);
        let kg = 0;
        const dt = s / 200;
        for (let t = Math.max(0, tp - 8 * s); t <= tp + 8 * s; t += dt)
          kg += (at.dischargeM3s * stationConcentrationMgL(at, tcase, t) * dt) / 1000;
        expect(kg / 1000).toBeCloseTo(1, 2);
      }
    }
  });

  it("agrees with the exact ADE's passage at a station within a few percent of the mass", () => {
    // The closed form's concentration–time curve at x = 50 km, integrated as Q·C dt.
    const h = hydraulics(100, 'river', 'probable');
    const ade = {
      massKg: 1000,
      areaM2: h.areaM2,
      velocityMs: h.velocityMs,
      dispersionM2s: h.dispersionM2s,
      decayPerS: 0,
    };
    const x = 50_000;
    const tc = x / h.velocityMs;
    let kg = 0;
    for (let t = 1; t < 3 * tc; t += 10) kg += (100 * adeConcentrationMgL(ade, x, t) * 10) / 1000;
    expect(Math.abs(kg / 1000 - 1)).toBeLessThan(0.03);
    // and the plume's peak is the closed form's maximum over time within a few percent.
    let max = 0;
    for (let t = 0.5 * tc; t < 1.5 * tc; t += 5) max = Math.max(max, adeConcentrationMgL(ade, x, t));
    const at = plumeAt(buildPlume(uniform(100, 60), tonne), 50);
    expect(Math.abs(at.peakMgL.probable / max - 1)).toBeLessThan(0.03);
  });

  it('takes a slug through a lake slower and lower than through a river of the same length', () => {
    const river = plumeAt(buildPlume(uniform(300, 40), tonne), 40);
    const lake = plumeAt(buildPlume(uniform(300, 40, 50, 'lake'), tonne), 40);
    expect(lake.peakH.probable).toBeGreaterThan(5 * river.peakH.probable);
    expect(lake.leadingEdgeH.probable).toBeGreaterThan(river.peakH.probable);
    expect(lake.peakMgL.probable).toBeLessThan(river.peakMgL.probable);
    expect(lake.lake).toBe(true);
  });

  it('reduces peaks by exp(−kT) with first-order decay', () => {
    const plain = plumeAt(buildPlume(uniform(200, 300), tonne), 300);
    const decaying = plumeAt(buildPlume(uniform(200, 300), { ...tonne, decayPerDay: 0.5 }), 300);
    for (const tcase of ['probable', 'bound'] as const) {
      const days = plain.peakH[tcase] / 24;
      expect(decaying.peakH[tcase]).toBe(plain.peakH[tcase]);
      expect(decaying.peakMgL[tcase] / plain.peakMgL[tcase]).toBeCloseTo(Math.exp(-0.5 * days), 9);
    }
  });

  it('raises concentration and slows arrival at lower discharge (dischargeFactor < 1)', () => {
    const mean = plumeAt(buildPlume(uniform(500, 100), tonne), 100);
    const low = plumeAt(buildPlume(uniform(500 * 0.3, 100), tonne), 100);
    expect(low.peakMgL.probable).toBeGreaterThan(mean.peakMgL.probable);
    expect(low.peakH.probable).toBeGreaterThan(mean.peakH.probable);
    expect(low.leadingEdgeH.bound).toBeGreaterThan(mean.leadingEdgeH.bound);
  });

  it('makes the bound case earlier and more concentrated than the probable case', () => {
    const at = plumeAt(buildPlume(uniform(1000, 500), tonne), 250);
    expect(at.peakH.bound).toBeLessThan(at.peakH.probable);
    expect(at.leadingEdgeH.bound).toBeLessThan(at.leadingEdgeH.probable);
    expect(at.peakMgL.bound).toBeGreaterThan(at.peakMgL.probable);
  });

  it('lets abstracted water take its share of the pollutant instead of concentrating it', () => {
    const full = buildPlume([...uniform(700, 100), ...uniform(700, 100)], tonne);
    const abstracted = buildPlume([...uniform(700, 100), ...uniform(200, 100)], tonne);
    // With less water downstream the cloud moves slower and spreads in time, but the
    // concentration is not raised by the 700 → 200 m³/s withdrawal.
    expect(plumeAt(abstracted, 150).peakMgL.probable).toBeLessThanOrEqual(
      plumeAt(full, 100).peakMgL.probable,
    );
  });

  it("caps the peak at the released liquid's own concentration", () => {
    const plume = buildPlume(uniform(0.5, 5), { massKg: 1000, decayPerDay: 0, maxConcentrationMgL: 50 });
    expect(plumeAt(plume, 1).peakMgL.bound).toBe(50);
  });
});
