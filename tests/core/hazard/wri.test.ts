import { describe, expect, it } from 'vitest';
import { computeWri, wriClassOf } from '../../../server/core/hazard/wri.js';

describe('computeWri', () => {
  it('100 t WGK3 + 1000 t WGK2 → 1e5 + 1e5 = 2e5 kg → log10 = 5.30 → class 5-6', () => {
    const r = computeWri([
      { name: 'Sodium cyanide', quantityTonnes: 100, wgk: 3 },
      { name: 'Chlorine', quantityTonnes: 1000, wgk: 2 },
    ]);
    expect(r.wgk3EquivalentKg).toBeCloseTo(2e5, 6);
    expect(r.wri).toBeCloseTo(5.30103, 5);
    expect(r.wriClass).toBe('5-6');
    expect(r.breakdown.map((l) => [l.quantityKg, l.factor, l.wgk3EquivalentKg])).toEqual([
      [1e5, 1, 1e5],
      [1e6, 0.1, 1e5],
    ]);
  });

  it('WGK 1 counts 1 %: 10,000 t → 1e7 kg × 0.01 = 1e5 → WRI 5.0 → class 5-6', () => {
    const r = computeWri([{ name: 'Ammonium nitrate', quantityTonnes: 10_000, wgk: 1 }]);
    expect(r.wri).toBeCloseTo(5, 12);
    expect(r.wriClass).toBe('5-6');
  });

  it('no substances → WRI null', () => {
    expect(computeWri([])).toEqual({ wgk3EquivalentKg: 0, wri: null, wriClass: null, breakdown: [] });
  });

  it('only substances not hazardous to water → WRI null, but listed', () => {
    const r = computeWri([{ name: 'LPG', quantityTonnes: 5000, wgk: 'nwg' }]);
    expect(r.wri).toBeNull();
    expect(r.breakdown[0]?.factor).toBe(0);
  });

  it('a substance without WGK counts as WGK 3 and is flagged (1 t → 1000 kg → WRI 3 → <5)', () => {
    const r = computeWri([{ name: 'Unknown', quantityTonnes: 1 }]);
    expect(r.breakdown[0]?.assumedWgk3).toBe(true);
    expect(r.wri).toBeCloseTo(3, 12);
    expect(r.wriClass).toBe('<5');
  });

  it('ignores lines with unknown quantity', () => {
    const r = computeWri([
      { name: 'A', quantityTonnes: null, wgk: 3 },
      { name: 'B', quantityTonnes: 1000, wgk: 3 },
    ]);
    expect(r.wgk3EquivalentKg).toBe(1e6);
    expect(r.wriClass).toBe('6-7');
  });
});

describe('wriClassOf', () => {
  it('puts band edges in the upper band', () => {
    expect([4.99, 5, 6, 7, 7.99, 8, 9, 12].map(wriClassOf)).toEqual([
      '<5',
      '5-6',
      '6-7',
      '7-8',
      '7-8',
      '8-9',
      '>=9',
      '>=9',
    ]);
  });
});
