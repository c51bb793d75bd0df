// Prefilled notification drafts on the client, in English or Russian: for one notified country, the
// notifying and the notified country's contact points from the plan and the deadline, from the trace's
// notification timeline. Plain text, to be completed and sent by the notifying point of contact.
import type { Contact, Notification, NotificationPlan } from './plans-api.js';

export type DraftLang = 'en' | 'ru';

const L = {
  en: {
    title: 'EARLY WARNING — DRAFT (Industrial Accident Notification)',
    to: 'To',
    from: 'From',
    contacts: 'Contact points',
    hidden: '[log in to see the contact points]',
    none: '[no contact point in the plan]',
    release: 'Release',
    at: 'at',
    river: 'into the river',
    arrival: 'Probable arrival of the leading edge',
    earliest: 'earliest (maximum probable)',
    peak: 'Peak concentration (probable / maximum probable)',
    deadline: 'Notify by (plan deadline)',
    plan: 'Plan',
    example: 'example rule',
    fill: '[to be completed by the notifying point of contact]',
    measures: 'Measures taken or planned',
  },
  ru: {
    title: 'РАННЕЕ ПРЕДУПРЕЖДЕНИЕ — ПРОЕКТ (система уведомления о промышленных авариях)',
    to: 'Кому',
    from: 'От',
    contacts: 'Контактные пункты',
    hidden: '[войдите в систему, чтобы увидеть контактные пункты]',
    none: '[в плане нет контактного пункта]',
    release: 'Выброс',
    at: 'в',
    river: 'в реку',
    arrival: 'Вероятный приход фронта загрязнения',
    earliest: 'наиболее ранний (максимально вероятный)',
    peak: 'Пиковая концентрация (вероятная / максимально вероятная)',
    deadline: 'Уведомить до (срок по плану)',
    plan: 'План',
    example: 'примерное правило',
    fill: '[заполняется уведомляющим контактным пунктом]',
    measures: 'Принятые или планируемые меры',
  },
} as const;

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function contactLines(cs: readonly Contact[] | null, l: (typeof L)[DraftLang]): string[] {
  if (cs === null) return [`  ${l.hidden}`];
  if (cs.length === 0) return [`  ${l.none}`];
  return cs.map(
    (c) =>
      `  - ${c.organisation}${[c.phone, c.fax && `fax ${c.fax}`, c.email, c.hours].filter(Boolean).length ? ` (${[c.phone, c.fax && `fax ${c.fax}`, c.email, c.hours].filter(Boolean).join(', ')})` : ''}`,
  );
}

export function notificationDraft(
  n: Extract<Notification, { kind: 'country' }>,
  context: {
    plan: NotificationPlan;
    river: string | null;
    start: { lon: number; lat: number };
    massKg: number;
    substance: string | null;
  },
  lang: DraftLang,
): string {
  const l = L[lang];
  const p = context.plan;
  return [
    l.title,
    '',
    `${l.to}: ${n.name} (${n.iso3})`,
    `${l.contacts}:`,
    ...contactLines(n.contacts, l),
    `${l.from}: ${p.originIso3 ?? l.fill}`,
    `${l.contacts}:`,
    ...contactLines(p.notifyingContacts, l),
    '',
    `${l.release}: ${context.massKg} kg${context.substance ? ` ${context.substance}` : ''} ${l.at} ${utc(p.releasedAt)}, ${context.start.lon.toFixed(4)}, ${context.start.lat.toFixed(4)} ${l.river} ${context.river ?? l.fill}`,
    `${l.arrival}: ${utc(n.arrivalAt.probable)}; ${l.earliest}: ${utc(n.arrivalAt.bound)}`,
    `${l.peak}: ${n.peakMgL.probable} / ${n.peakMgL.bound} mg/L`,
    `${l.deadline}: ${n.notifyBy ? utc(n.notifyBy) : '—'}`,
    `${l.plan}: ${p.plan ? `${p.plan.name}${p.plan.rule.example ? ` (${l.example})` : ''}` : '—'}`,
    '',
    `${l.measures}: ${l.fill}`,
  ].join('\n');
}
