// The reviewed water-intake rule (data/planning-rules.json) on its own: which upstream sites fire which
// rule, that the strictest fired rule decides, and the plain-language explanation in both languages.
import { describe, expect, it } from 'vitest';
import { isHighHazard, weighUpstream } from '../../../server/core/planning/intake-rule.js';
import type { ReviewResult } from '../../../server/core/planning/review.js';
import { intakeRules } from '../../../server/core/planning/tables.js';
import { decideVerdict } from '../../../server/core/planning/verdict.js';

const site = (id: string, arrivalH: number, annexI: boolean, thi: number | null = null) => ({
  id,
  name: id,
  arrivalH,
  annexI,
  thi,
});

const noZones: ReviewResult = {
  development: { name: null, developmentType: 'water_intake', sensitivityLevel: 2, geometryType: 'Point' },
  verdict: 'do_not_advise_against',
  verdictReason: 'Outside the consultation zones of every registered site.',
  sites: [],
};

describe('the water-intake rule', () => {
  it('is sourced and marks its hour limits as a policy choice', () => {
    expect(intakeRules.rules.map((r) => [r.id, r.advice, r.withinHours, r.policyChoice])).toEqual([
      ['intake-high-hazard-near', 'advise_against', 6, true],
      ['intake-upstream-conditions', 'advise_with_conditions', 24, true],
    ]);
    for (const r of intakeRules.rules) expect(r.basis.length).toBeGreaterThan(40);
  });

  it('counts Annex I sites and tailings in the two upper THI classes as high hazard', () => {
    expect(isHighHazard(intakeRules, site('a', 1, true))).toBe(true);
    expect(isHighHazard(intakeRules, site('t', 1, false, 12.4))).toBe(true);
    expect(isHighHazard(intakeRules, site('t', 1, false, 11.9))).toBe(false);
  });

  it('advises against an Annex I site 2 h upstream, with conditions one 10 h upstream, nothing beyond 24 h', () => {
    const near = weighUpstream(intakeRules, [site('far', 30, true), site('plant', 2, true)]);
    expect(near.advice).toBe('advise_against');
    expect(near.rule?.id).toBe('intake-high-hazard-near');
    expect(near.rule?.text.en).toContain('within 6 h');
    expect(near.cited.map((s) => s.id)).toEqual(['plant']);
    expect(near.sites.map((s) => [s.id, s.ruleId])).toEqual([
      ['plant', 'intake-high-hazard-near'],
      ['far', null],
    ]);
    // A non-Annex I site 2 h upstream is not high hazard: conditions only.
    expect(weighUpstream(intakeRules, [site('depot', 2, false)]).advice).toBe('advise_with_conditions');
    expect(weighUpstream(intakeRules, [site('plant', 10, true)]).advice).toBe('advise_with_conditions');
    const clear = weighUpstream(intakeRules, [site('plant', 25, true)]);
    expect(clear).toMatchObject({ advice: 'do_not_advise_against', rule: null, cited: [] });
  });

  it('decides the overall verdict and explains it in English and Russian', () => {
    const w = weighUpstream(intakeRules, [site('Azotara', 2.9, true)]);
    const d = decideVerdict(noZones, w, { ok: true, hours: 24 });
    expect(d.verdict).toBe('advise_against');
    expect(d.decidingRule).toMatchObject({
      id: 'intake-high-hazard-near',
      source: 'water_intake',
      siteIds: ['Azotara'],
    });
    expect(d.decidingRule.explanation.en).toContain('Azotara (2.9 h)');
    expect(d.decidingRule.explanation.ru).toContain('«Azotara» (2,9 ч)');
    const clear = decideVerdict(noZones, weighUpstream(intakeRules, []), { ok: true, hours: 24 });
    expect(clear.verdict).toBe('do_not_advise_against');
    expect(clear.decidingRule.id).toBe('outside-zones');
    expect(clear.decidingRule.explanation.en).toMatch(/"Do not advise against" means .* It is not a permit/);
    expect(clear.decidingRule.explanation.en).toContain(
      'no registered site would send a spill to the intake within 24 h',
    );
    expect(clear.decidingRule.explanation.ru).toContain('Это не разрешение');
  });
});
