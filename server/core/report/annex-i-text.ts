// The Annex I verdict in words: which rule of the Industrial Accidents Convention fired, with numbers.
import type { AnnexIRule } from '../hazard/annex-i.js';

const n = (x: number) => Number(x.toPrecision(3)).toLocaleString('en-GB', { maximumFractionDigits: 3 });

export function annexIRuleText(rule: AnnexIRule): string {
  switch (rule.kind) {
    case 'named':
      return `Named substance ${rule.substanceId}: ${n(rule.quantityTonnes)} t held against a threshold of ${n(rule.thresholdTonnes)} t (q/Q = ${n(rule.ratio)}).`;
    case 'category':
      return `Category ${rule.categoryId}: ${n(rule.quantityTonnes)} t held against a threshold of ${n(rule.thresholdTonnes)} t (q/Q = ${n(rule.ratio)}).`;
    case 'aggregation':
      return `Summation rule, ${rule.group} hazards: Σ q/Q = ${n(rule.sumRatio)} ≥ 1 (${rule.contributions
        .map((c) => `${c.entryId} ${n(c.ratio)}`)
        .join(', ')}).`;
    case 'none':
      return `No rule reached its threshold: the highest q/Q is ${n(rule.maxRatio)}.`;
  }
}
