// The reviewed water-intake rule (data/planning-rules.json): registered sites upstream of a proposed
// drinking-water intake are weighed by hazard and arrival time, and the first rule that fires decides.
import { z } from 'zod';

export const VERDICTS = ['advise_against', 'advise_with_conditions', 'do_not_advise_against'] as const;
/** The overall advice: the PADHI zone matrix's two values, plus the intake rule's middle one. */
export type Verdict = (typeof VERDICTS)[number];
export const verdictSeverity = (v: Verdict): number =>
  v === 'advise_against' ? 2 : v === 'advise_with_conditions' ? 1 : 0;

const Bilingual = z.object({ en: z.string().min(1), ru: z.string().min(1) }).strict();

export const IntakeRulesSchema = z
  .object({
    title: z.string(),
    sources: z.array(z.object({ id: z.string(), citation: z.string(), used_for: z.string() })).min(1),
    assumptions: z.array(z.string()),
    highHazard: z.object({
      annexI: z.literal(true),
      thiAtLeast: z.number().positive(),
      policyChoice: z.boolean(),
      source: z.string(),
      reason: z.string(),
    }),
    rules: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          advice: z.enum(['advise_against', 'advise_with_conditions']),
          applies: z.enum(['high_hazard', 'any_registered']),
          withinHours: z.number().positive(),
          policyChoice: z.boolean(),
          sources: z.array(z.string()).min(1),
          basis: z.string().min(1),
          text: Bilingual,
        }),
      )
      .min(1),
  })
  .superRefine((t, ctx) => {
    const ids = new Set(t.sources.map((s) => s.id));
    for (const r of t.rules)
      for (const s of r.sources)
        if (!ids.has(s)) ctx.addIssue({ code: 'custom', message: `rule ${r.id} cites unknown source ${s}` });
    if (!ids.has(t.highHazard.source))
      ctx.addIssue({ code: 'custom', message: `highHazard cites unknown source ${t.highHazard.source}` });
    // Most restrictive first: the first rule that fires decides.
    for (let i = 1; i < t.rules.length; i++)
      if (verdictSeverity(t.rules[i]!.advice) > verdictSeverity(t.rules[i - 1]!.advice))
        ctx.addIssue({
          code: 'custom',
          message: 'rules must be ordered from the most restrictive advice down',
        });
  });

export type IntakeRules = z.output<typeof IntakeRulesSchema>;
export type IntakeRule = IntakeRules['rules'][number];

/** An upstream site as the upstream index answers it. */
export interface UpstreamSubject {
  id: string;
  name: string;
  arrivalH: number;
  annexI: boolean;
  thi: number | null;
}

export interface WeighedSite {
  id: string;
  name: string;
  arrivalH: number;
  highHazard: boolean;
  /** The rule this site fires (the most restrictive it meets), or null when it fires none. */
  ruleId: string | null;
}

export interface IntakeWeighing {
  advice: Verdict;
  /** The deciding rule, or null when no upstream site is near enough to fire one. */
  rule: {
    id: string;
    withinHours: number;
    policyChoice: boolean;
    basis: string;
    text: { en: string; ru: string };
  } | null;
  /** Sites that fire the deciding rule, earliest arrival first. */
  cited: WeighedSite[];
  sites: WeighedSite[];
}

export const maxRuleHours = (rules: IntakeRules): number =>
  Math.max(...rules.rules.map((r) => r.withinHours));

const fill = (s: string, hours: number) => s.replaceAll('{{hours}}', String(hours));

export function isHighHazard(rules: IntakeRules, s: UpstreamSubject): boolean {
  return (rules.highHazard.annexI && s.annexI) || (s.thi !== null && s.thi >= rules.highHazard.thiAtLeast);
}

const fires = (rule: IntakeRule, s: WeighedSite) =>
  s.arrivalH <= rule.withinHours && (rule.applies === 'any_registered' || s.highHazard);

/** Weighs the upstream sites of an intake: each site's strictest rule; the strictest fired rule decides. */
export function weighUpstream(rules: IntakeRules, upstream: readonly UpstreamSubject[]): IntakeWeighing {
  const sites: WeighedSite[] = upstream
    .map((s) => ({
      id: s.id,
      name: s.name,
      arrivalH: s.arrivalH,
      highHazard: isHighHazard(rules, s),
      ruleId: null as string | null,
    }))
    .sort((a, b) => a.arrivalH - b.arrivalH || a.id.localeCompare(b.id));
  for (const s of sites) s.ruleId = rules.rules.find((r) => fires(r, s))?.id ?? null;
  const deciding = rules.rules.find((r) => sites.some((s) => s.ruleId === r.id));
  if (!deciding) return { advice: 'do_not_advise_against', rule: null, cited: [], sites };
  return {
    advice: deciding.advice,
    rule: {
      id: deciding.id,
      withinHours: deciding.withinHours,
      policyChoice: deciding.policyChoice,
      basis: deciding.basis,
      text: {
        en: fill(deciding.text.en, deciding.withinHours),
        ru: fill(deciding.text.ru, deciding.withinHours),
      },
    },
    cited: sites.filter((s) => s.ruleId === deciding.id),
    sites,
  };
}
