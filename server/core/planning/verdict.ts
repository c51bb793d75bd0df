// The overall planning verdict: the zone matrix's advice and (for a water intake) the intake rule's,
// the stricter deciding, with the deciding rule's text and a plain-language explanation in EN and RU.
import type { IntakeWeighing, Verdict } from './intake-rule.js';
import { verdictSeverity } from './intake-rule.js';
import type { ReviewHit, ReviewResult } from './review.js';
import type { Zone } from './zone-table.js';

export type Lang = 'en' | 'ru';
type Text = Record<Lang, string>;

export interface DecidingRule {
  /** `padhi-level-<n>-<zone>`, an intake rule id from data/planning-rules.json, or `outside-zones`. */
  id: string;
  source: 'zone_matrix' | 'water_intake' | 'none';
  text: Text;
  explanation: Text;
  /** The sites the rule is applied to (drawn on the map with their zones). */
  siteIds: string[];
  /** True when the rule's numbers are a policy choice of this tool rather than taken from a source. */
  policyChoice: boolean;
}

const TYPE: Record<string, Text> = {
  housing: { en: 'housing', ru: 'жильё' },
  school_hospital: { en: 'a school, hospital or care home', ru: 'школа, больница или дом престарелых' },
  workplace: { en: 'a workplace', ru: 'рабочие места' },
  infrastructure: { en: 'infrastructure', ru: 'инфраструктура' },
  retail_leisure: { en: 'shops, hotels or leisure', ru: 'торговля, гостиницы или досуг' },
  large_venue: { en: 'a large venue', ru: 'крупное место массового пребывания' },
  water_intake: { en: 'a drinking-water intake', ru: 'водозабор питьевой воды' },
};
const ZONE: Record<Zone, Text> = {
  inner: { en: 'inner', ru: 'внутренней' },
  middle: { en: 'middle', ru: 'средней' },
  outer: { en: 'outer', ru: 'внешней' },
};
const ADVICE: Record<Verdict, Text> = {
  advise_against: { en: 'advise against', ru: 'не рекомендуется' },
  advise_with_conditions: { en: 'advise with conditions', ru: 'допустимо при условиях' },
  do_not_advise_against: { en: 'do not advise against', ru: 'возражений нет' },
};
/** "Do not advise against" is planning jargon: what it means, in plain words. */
const DAA_MEANS: Text = {
  en: '"Do not advise against" means that no safety zone of a registered site rules this use out here. It is not a permit: other rules (water protection, flood zones, building law) still apply.',
  ru: '«Возражений нет» означает, что ни одна защитная зона зарегистрированного объекта не исключает здесь такое использование. Это не разрешение: другие требования (охрана вод, паводковые зоны, строительные нормы) действуют.',
};

const num = (x: number, lang: Lang, digits = 1) =>
  new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { maximumFractionDigits: digits }).format(x);
const typeText = (type: string, lang: Lang) => TYPE[type]?.[lang] ?? type;
const quote = (name: string, lang: Lang) => (lang === 'ru' ? `«${name}»` : name);

function zoneRule(hit: ReviewHit, level: number, type: string): Pick<DecidingRule, 'id' | 'text'> {
  const text = (lang: Lang) =>
    lang === 'en'
      ? `PADHI: sensitivity level ${level} (${typeText(type, 'en')}) in the ${ZONE[hit.zone].en} zone → ${ADVICE[hit.advice].en}`
      : `PADHI: уровень чувствительности ${level} (${typeText(type, 'ru')}) в ${ZONE[hit.zone].ru} зоне → ${ADVICE[hit.advice].ru}`;
  return { id: `padhi-level-${level}-${hit.zone}`, text: { en: text('en'), ru: text('ru') } };
}

function zoneExplanation(hit: ReviewHit, level: number, type: string, lang: Lang): string {
  const where =
    lang === 'en'
      ? `The development would stand in the ${ZONE[hit.zone].en} consultation zone of ${hit.name} (${num(hit.distanceM, lang, 0)} m from the site; the zone reaches ${num(hit.radiusM, lang, 0)} m).`
      : `Объект оказался бы во ${ZONE[hit.zone].ru} зоне согласования объекта ${quote(hit.name, lang)} (${num(hit.distanceM, lang, 0)} м от него; зона доходит до ${num(hit.radiusM, lang, 0)} м).`;
  if (hit.advice === 'advise_against')
    return lang === 'en'
      ? `${where} A major accident there could seriously harm the people ${typeText(type, 'en')} brings together (PADHI sensitivity level ${level}), so the PADHI matrix advises against it in that zone. The planning authority should refuse it here or look for another place.`
      : `${where} Крупная авария могла бы тяжело поразить людей, которых собирает ${typeText(type, 'ru')} (уровень чувствительности ${level} по PADHI), поэтому матрица PADHI в этой зоне рекомендует отказать. Органу планирования следует отказать здесь или найти другое место.`;
  return lang === 'en'
    ? `${where} For ${typeText(type, 'en')} (PADHI sensitivity level ${level}) the PADHI matrix does not advise against it in that zone. ${DAA_MEANS.en}`
    : `${where} Для такого использования (${typeText(type, 'ru')}, уровень чувствительности ${level} по PADHI) матрица PADHI в этой зоне не возражает. ${DAA_MEANS.ru}`;
}

function intakeExplanation(w: IntakeWeighing, lang: Lang): string {
  const rule = w.rule;
  if (!rule) return '';
  const shown = w.cited.slice(0, 5);
  const names = shown
    .map((s) => `${quote(s.name, lang)} (${num(s.arrivalH, lang)} ${lang === 'en' ? 'h' : 'ч'})`)
    .join(', ');
  const more =
    w.cited.length > shown.length
      ? lang === 'en'
        ? ` and ${w.cited.length - shown.length} more`
        : ` и ещё ${w.cited.length - shown.length}`
      : '';
  if (w.advice === 'advise_against')
    return lang === 'en'
      ? `A spill at ${names}${more} upstream would reach the intake within ${rule.withinHours} h — sooner than a warning can be relied on to reach the waterworks and close the intake. The rule advises against a drinking-water intake here; look upstream of these sites or for another source.`
      : `Загрязнение от ${names}${more} выше по течению дошло бы до водозабора быстрее чем за ${rule.withinHours} ч — раньше, чем можно рассчитывать на оповещение водоканала и закрытие водозабора. По правилу водозабор здесь не рекомендуется; стоит искать место выше этих объектов или другой источник.`;
  return lang === 'en'
    ? `A spill at ${names}${more} upstream would reach the intake within ${rule.withinHours} h. There is time to warn and close the intake only if this is arranged in advance, so the advice comes with conditions: an alarm arrangement with the upstream operators and the alert centre, monitoring at the intake, an intake that can be shut, and storage or another source while a spill passes.`
    : `Загрязнение от ${names}${more} выше по течению дошло бы до водозабора быстрее чем за ${rule.withinHours} ч. Успеть оповестить и закрыть водозабор можно, только если это подготовлено заранее, поэтому совет — при условиях: договорённость об оповещении с операторами выше по течению и центром оповещения, мониторинг у водозабора, закрываемый водозабор и запас воды или другой источник на время прохождения загрязнения.`;
}

/** The stricter of the zone verdict and the intake verdict decides; a tie goes to the zone matrix. */
export function decideVerdict(
  review: ReviewResult,
  intake: IntakeWeighing | null,
  /** For a water intake: how far upstream the rule looked (h), or why it could not look. */
  intakeCheck: { ok: true; hours: number } | { ok: false; message: string } | null = null,
): { verdict: Verdict; verdictReason: string; decidingRule: DecidingRule } {
  const decided = decide(review, intake);
  if (!intakeCheck || decided.decidingRule.source === 'water_intake' || intake?.rule) return decided;
  // A water intake decided by the zones (or by nothing): say what the upstream check found.
  const note: Text = intakeCheck.ok
    ? {
        en: `Upstream: no registered site would send a spill to the intake within ${intakeCheck.hours} h, so the water-intake rule does not apply.`,
        ru: `Выше по течению: ни один зарегистрированный объект не даст загрязнения у водозабора быстрее чем за ${intakeCheck.hours} ч, поэтому правило для водозаборов не применяется.`,
      }
    : {
        en: `The upstream check could not run (${intakeCheck.message}); the water-intake rule was not applied.`,
        ru: `Проверка выше по течению не выполнена (${intakeCheck.message}); правило для водозаборов не применено.`,
      };
  const e = decided.decidingRule.explanation;
  return {
    ...decided,
    decidingRule: {
      ...decided.decidingRule,
      explanation: { en: `${e.en} ${note.en}`, ru: `${e.ru} ${note.ru}` },
    },
  };
}

function decide(
  review: ReviewResult,
  intake: IntakeWeighing | null,
): { verdict: Verdict; verdictReason: string; decidingRule: DecidingRule } {
  const level = review.development.sensitivityLevel;
  const type = review.development.developmentType;
  const worst = review.sites[0];
  const zoneVerdict: Verdict = worst?.advice ?? 'do_not_advise_against';
  if (intake?.rule && verdictSeverity(intake.advice) > verdictSeverity(zoneVerdict)) {
    const rule = intake.rule;
    return {
      verdict: intake.advice,
      verdictReason: `${rule.text.en} (${intake.cited.map((s) => s.name).join(', ')})`,
      decidingRule: {
        id: rule.id,
        source: 'water_intake',
        text: rule.text,
        explanation: { en: intakeExplanation(intake, 'en'), ru: intakeExplanation(intake, 'ru') },
        siteIds: intake.cited.map((s) => s.id),
        policyChoice: rule.policyChoice,
      },
    };
  }
  if (!worst) {
    const outside: Text = {
      en: `The development lies outside the consultation zones of every registered site. ${DAA_MEANS.en}`,
      ru: `Объект находится вне зон согласования всех зарегистрированных объектов. ${DAA_MEANS.ru}`,
    };
    return {
      verdict: 'do_not_advise_against',
      verdictReason: review.verdictReason,
      decidingRule: {
        id: 'outside-zones',
        source: 'none',
        text: {
          en: 'Outside every consultation zone → do not advise against',
          ru: 'Вне всех зон согласования → возражений нет',
        },
        explanation: outside,
        siteIds: [],
        policyChoice: false,
      },
    };
  }
  return {
    verdict: zoneVerdict,
    verdictReason: review.verdictReason,
    decidingRule: {
      ...zoneRule(worst, level, type),
      source: 'zone_matrix',
      explanation: {
        en: zoneExplanation(worst, level, type, 'en'),
        ru: zoneExplanation(worst, level, type, 'ru'),
      },
      siteIds: [worst.id],
      policyChoice: false,
    },
  };
}
