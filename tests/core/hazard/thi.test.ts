import { describe, expect, it } from 'vitest';
import { thiScores } from '../../../server/core/hazard/tables.js';
import { computeThi, type ThiInput } from '../../../server/core/hazard/thi.js';

const asOf = new Date('2026-11-22T00:00:00Z');

const operatingGold: ThiInput = {
  volumeM3: 1_000_000,
  toxicConstituents: ['cyanide', 'heavy_metals'],
  status: 'operating',
  emergencyPlan: true,
  floodExposure: 'high',
  seismicExposure: 'moderate',
  damRaiseType: 'upstream',
  lastIndependentReview: '2024-01-01',
};

describe('computeThi', () => {
  it('operating cyanide TMF: 6 + 3 + 0 + 2 + 1 + 1 = 13 → class 12-14', () => {
    // capacity log10(1e6) = 6; toxicity worst of cyanide (3), heavy metals (2) = 3;
    // management operating 0, has plan 0; flood high 2; seismic moderate 1;
    // dam upstream 1, review 2024-01-01 is < 5 years before 2026-11-22 → +0.
    const r = computeThi(operatingGold, thiScores, asOf);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts.map((p) => [p.part, p.score])).toEqual([
      ['capacity', 6],
      ['toxicity', 3],
      ['management', 0],
      ['flood', 2],
      ['seismic', 1],
      ['damSafety', 1],
    ]);
    expect(r.thi).toBeCloseTo(13, 12);
    expect(r.thiClass).toBe('12-14');
    expect(r.parts[1]?.reason).toContain('cyanide');
    expect(r.parts[0]).toMatchObject({ assumption: false, reason: 'log10(1000000 m3) = 6.00' });
  });

  it('abandoned uranium tailings: 5 + 3 + (2+1) + 1 + 3 + (1+1) = 17 → class >=14', () => {
    const r = computeThi(
      {
        volumeM3: 100_000,
        toxicConstituents: ['radionuclides'],
        status: 'abandoned',
        emergencyPlan: false,
        floodExposure: 'medium',
        seismicExposure: 'very_high',
        damRaiseType: 'other',
        lastIndependentReview: null,
      },
      thiScores,
      asOf,
    );
    expect(r).toMatchObject({ ok: true, thiClass: '>=14' });
    if (!r.ok) return;
    expect(r.thi).toBeCloseTo(17, 12);
    expect(r.parts.find((p) => p.part === 'management')?.reason).toContain('no emergency plan');
    expect(r.parts.every((p) => p.part === 'capacity' || p.assumption)).toBe(true);
  });

  it('a review older than 5 years adds the overdue score (2020-01-01 → 6.9 years → dam 1 + 1)', () => {
    const r = computeThi({ ...operatingGold, lastIndependentReview: '2020-01-01' }, thiScores, asOf);
    expect(r.ok && r.parts.find((p) => p.part === 'damSafety')?.score).toBe(2);
  });

  it('no recorded constituents counts as the most toxic class (3)', () => {
    const r = computeThi({ ...operatingGold, toxicConstituents: [] }, thiScores, asOf);
    expect(r.ok && r.parts.find((p) => p.part === 'toxicity')?.score).toBe(3);
    const inert = computeThi({ ...operatingGold, toxicConstituents: ['inert'] }, thiScores, asOf);
    expect(inert.ok && inert.parts.find((p) => p.part === 'toxicity')?.score).toBe(0);
  });

  it('refuses a volume it cannot take the logarithm of', () => {
    expect(computeThi({ ...operatingGold, volumeM3: 0 }, thiScores, asOf)).toEqual({
      ok: false,
      reason: 'volumeM3 must be a positive number to take its logarithm',
    });
  });

  it('reads scores from the table it is given', () => {
    const t = {
      ...thiScores,
      flood: { ...thiScores.flood, high: { score: 5, assumption: true, reason: 'x' } },
    };
    const r = computeThi(operatingGold, t, asOf);
    expect(r.ok && r.thi).toBeCloseTo(16, 12); // 13 - 2 + 5
  });
});
