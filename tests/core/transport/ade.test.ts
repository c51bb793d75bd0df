// The closed-form 1-D advection–dispersion solution against hand-computed values and its mass.
import { describe, expect, it } from 'vitest';
import { adeConcentrationMgL, adeMassKg, adePeakMgL } from '../../../server/core/transport/ade.js';

// 1 t over a 100 m² section, U = 0.5 m/s, D = 50 m²/s; after one hour the centre is at 1,800 m.
const p = { massKg: 1000, areaM2: 100, velocityMs: 0.5, dispersionM2s: 50, decayPerS: 0 };

describe('adeConcentrationMgL', () => {
  it('matches the hand-computed peak: 1000 kg / (100 m² · √(4π·50·3600) m) = 6.649 mg/L', () => {
    // 4π·50·3600 = 2,261,946.7 m²; √ = 1,503.98 m; 1000/(100·1503.98) kg/m³ = 6.649 g/m³.
    expect(adeConcentrationMgL(p, 1800, 3600)).toBeCloseTo(6.649, 3);
    expect(adePeakMgL(p, 3600)).toBeCloseTo(6.649, 3);
  });

  it('falls by exp(−(x−Ut)²/(4Dt)) off the centre: 600 m ahead → e^(−0.5) → 4.033 mg/L', () => {
    expect(adeConcentrationMgL(p, 2400, 3600)).toBeCloseTo(4.033, 3);
    expect(adeConcentrationMgL(p, 1200, 3600)).toBeCloseTo(4.033, 3);
  });

  it('decays by exp(−kt): k = 1e-4 /s over an hour → ×0.6977 → 4.639 mg/L at the centre', () => {
    expect(adeConcentrationMgL({ ...p, decayPerS: 1e-4 }, 1800, 3600)).toBeCloseTo(4.639, 3);
  });

  it('is zero before the release and never negative', () => {
    expect(adeConcentrationMgL(p, 0, 0)).toBe(0);
    expect(adeConcentrationMgL(p, 50_000, 3600)).toBeGreaterThanOrEqual(0);
  });

  it('keeps the released mass in the river (∫A·C dx = M·e^(−kt))', () => {
    for (const t of [600, 3600, 86400]) expect(adeMassKg(p, t) / 1000).toBeCloseTo(1, 4);
    const k = 2e-5;
    expect(adeMassKg({ ...p, decayPerS: k }, 86400) / (1000 * Math.exp(-k * 86400))).toBeCloseTo(1, 4);
  });
});
