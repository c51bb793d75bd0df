import { describe, expect, it } from 'vitest';
import { type AnnexISubstanceInput, classifyAnnexI } from '../../../server/core/hazard/annex-i.js';
import { annexITable } from '../../../server/core/hazard/tables.js';

const run = (s: AnnexISubstanceInput[]) => classifyAnnexI(s, annexITable);

describe('Annex I table', () => {
  it('has unique ids and the verified Part II thresholds', () => {
    const ids = annexITable.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const q = (id: string) => annexITable.entries.find((e) => e.id === id)?.thresholdTonnes;
    expect([q('chlorine'), q('hydrogen'), q('lefg-lpg-natural-gas'), q('petroleum-products')]).toEqual([
      25, 50, 200, 25000,
    ]);
    expect([
      q('ammonium-nitrate-a'),
      q('ammonium-nitrate-b'),
      q('ammonium-nitrate-c'),
      q('ammonium-nitrate-d'),
    ]).toEqual([10000, 5000, 2500, 50]);
    expect([q('H1'), q('H2'), q('E1'), q('E2')]).toEqual([20, 200, 200, 500]);
  });
});

describe('classifyAnnexI', () => {
  it('30 t chlorine → named rule (30/25 = 1.2)', () => {
    const r = run([{ name: 'Chlorine', casNumber: '7782-50-5', quantityTonnes: 30 }]);
    expect(r.hazardous).toBe(true);
    expect(r.rule).toEqual({
      kind: 'named',
      substanceId: 'chlorine',
      quantityTonnes: 30,
      thresholdTonnes: 25,
      ratio: 1.2,
    });
    expect(r.substances[0]?.match).toEqual({ kind: 'named', entryId: 'chlorine', by: 'cas' });
  });

  it('a named substance takes precedence over the category it was filed under', () => {
    // 20 t chlorine filed as H2: named threshold 25 → 0.8 (as H2 it would be 20/200 = 0.1)
    const r = run([{ name: 'Chlorine', casNumber: '7782-50-5', annexICategory: 'H2', quantityTonnes: 20 }]);
    expect(r.substances[0]?.thresholdTonnes).toBe(25);
    expect(r.rule).toEqual({ kind: 'none', maxRatio: 0.8 });
    expect(r.hazardous).toBe(false);
  });

  it('10 t very toxic (H1) + 120 t toxic (H2) → aggregation 10/20 + 120/200 = 0.5 + 0.6 = 1.1', () => {
    const r = run([
      { name: 'A', annexICategory: 'H1', quantityTonnes: 10 },
      { name: 'B', annexICategory: 'H2', quantityTonnes: 120 },
    ]);
    expect(r.hazardous).toBe(true);
    expect(r.rule.kind).toBe('aggregation');
    if (r.rule.kind !== 'aggregation') return;
    expect(r.rule.group).toBe('health');
    expect(r.rule.sumRatio).toBeCloseTo(1.1, 12);
    expect(r.rule.contributions.map((c) => [c.entryId, c.ratio])).toEqual([
      ['H1', 0.5],
      ['H2', 0.6],
    ]);
  });

  it('a category at exactly its threshold counts (20 t H1 → 20/20 = 1)', () => {
    const r = run([{ name: 'A', annexICategory: 'H1', quantityTonnes: 20 }]);
    expect(r.rule).toEqual({
      kind: 'category',
      categoryId: 'H1',
      quantityTonnes: 20,
      thresholdTonnes: 20,
      ratio: 1,
    });
    expect(run([{ name: 'A', annexICategory: 'H1', quantityTonnes: 19.9 }]).hazardous).toBe(false);
  });

  it('sums quantities of the same substance over several lines (15 t + 15 t chlorine = 30 t ≥ 25 t)', () => {
    const r = run([
      { name: 'Chlorine tank 1', casNumber: '7782-50-5', quantityTonnes: 15 },
      { name: 'Chlorine tank 2', annexICategory: 'chlorine', quantityTonnes: 15 },
    ]);
    expect(r.rule.kind).toBe('named');
    expect(r.totals).toEqual([
      { entryId: 'chlorine', group: 'health', quantityTonnes: 30, thresholdTonnes: 25, ratio: 1.2 },
    ]);
  });

  it('does not add ratios across groups (10 t H1 = 0.5 health, 150 t E1 = 0.75 environment)', () => {
    const r = run([
      { name: 'A', annexICategory: 'H1', quantityTonnes: 10 },
      { name: 'B', annexICategory: 'E1', quantityTonnes: 150 },
    ]);
    expect(r.hazardous).toBe(false);
    expect(r.rule).toEqual({ kind: 'none', maxRatio: 0.75 });
  });

  it('a named substance below its threshold still counts in the aggregation of its group', () => {
    // 20 t chlorine = 20/25 = 0.8 (health) + 60 t H2 = 60/200 = 0.3 → 1.1
    const r = run([
      { name: 'Chlorine', casNumber: '7782-50-5', quantityTonnes: 20 },
      { name: 'B', annexICategory: 'H2', quantityTonnes: 60 },
    ]);
    expect(r.rule.kind).toBe('aggregation');
    if (r.rule.kind === 'aggregation') expect(r.rule.sumRatio).toBeCloseTo(1.1, 12);
  });

  it('ammonium nitrate by CAS alone takes the strictest grade; a declared grade wins', () => {
    const byCas = run([{ name: 'AN', casNumber: '6484-52-2', quantityTonnes: 60 }]);
    expect(byCas.substances[0]?.match).toEqual({
      kind: 'named',
      entryId: 'ammonium-nitrate-d',
      by: 'cas-ambiguous',
    });
    expect(byCas.hazardous).toBe(true); // 60/50 = 1.2
    const graded = run([
      { name: 'AN', casNumber: '6484-52-2', annexICategory: 'ammonium-nitrate-b', quantityTonnes: 60 },
    ]);
    expect(graded.substances[0]?.ratio).toBeCloseTo(0.012, 12); // 60/5000
    expect(graded.hazardous).toBe(false);
  });

  it('reports unknown categories and unknown quantities without counting them', () => {
    const r = run([
      { name: 'X', annexICategory: 'Z9', quantityTonnes: 1e6 },
      { name: 'Chlorine', casNumber: '7782-50-5', quantityTonnes: null },
      { name: 'Sand', quantityTonnes: 1e6 },
    ]);
    expect(r.substances[0]?.match).toEqual({ kind: 'unmatched', reason: "unknown Annex I entry 'Z9'" });
    expect(r.substances[1]?.ratio).toBeNull();
    expect(r.substances[2]?.match.kind).toBe('unmatched');
    expect(r).toMatchObject({ hazardous: false, rule: { kind: 'none', maxRatio: 0 }, totals: [] });
  });

  it('takes the table as an argument (a lowered threshold changes the outcome)', () => {
    const table = {
      entries: annexITable.entries.map((e) => (e.id === 'chlorine' ? { ...e, thresholdTonnes: 10 } : e)),
    };
    const r = classifyAnnexI([{ name: 'Chlorine', casNumber: '7782-50-5', quantityTonnes: 20 }], table);
    expect(r.rule).toMatchObject({ kind: 'named', ratio: 2 });
  });
});
