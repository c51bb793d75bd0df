// Prefills notification drafts from a contingency plan: the notified and the notifying country's
// contact points (organisations) and the deadline by which the plan says the country must be warned;
// plus the draft's plan section in English and Russian.
import { html, type SafeHtml } from '../report/html.js';
import { type NotificationDraft, PLACEHOLDER } from '../report/notification-model.js';
import type { NotificationBlockLike } from './notifications.js';
import type { Contact } from './plan-schema.js';

export interface DraftPlan {
  id: string;
  name: string;
  exampleRule: boolean;
  leadTimeH: number;
  notifyBy: string | null;
  rule: string | null;
  reason: string | null;
  /** null: hidden from the caller (not logged in). */
  notifiedContacts: Contact[] | null;
  notifyingContacts: Contact[] | null;
}

export type PlannedDraft = NotificationDraft & { plan: DraftPlan | null };

const first24h = (cs: readonly Contact[] | null) =>
  cs?.find((c) => c.role === 'point_of_contact_24_7') ?? cs?.[0] ?? null;

/** Adds the plan block to each draft and fills the notifying point of contact from the plan. */
export function withPlan(
  drafts: readonly NotificationDraft[],
  block: NotificationBlockLike | null,
): PlannedDraft[] {
  return drafts.map((d) => {
    if (!block?.plan) return { ...d, plan: null };
    const n = block.notifications.find((x) => x.kind === 'country' && x.iso3 === d.notifiedCountry.iso3);
    const country = n?.kind === 'country' ? n : null;
    const poc = first24h(block.notifyingContacts);
    return {
      ...d,
      notifyingCountry: poc
        ? {
            ...d.notifyingCountry,
            pointOfContact: {
              organisation: poc.organisation,
              name: PLACEHOLDER,
              phone: poc.phone ?? PLACEHOLDER,
              email: poc.email ?? PLACEHOLDER,
            },
          }
        : d.notifyingCountry,
      plan: {
        id: block.plan.id,
        name: block.plan.name,
        exampleRule: block.plan.rule.example,
        leadTimeH: block.plan.rule.leadTimeH,
        notifyBy: country?.notifyBy ?? null,
        rule: country?.rule ?? null,
        reason: country?.reason ?? null,
        notifiedContacts: block.contactsHidden ? null : (country?.contacts ?? []),
        notifyingContacts: block.notifyingContacts,
      },
    };
  });
}

const LABELS = {
  en: {
    section: '0. Joint contingency plan and deadline',
    plan: 'Plan',
    notifyBy: 'Notify by',
    immediately: 'immediately',
    example: 'example rule, to be set by the countries',
    notified: 'Contact points of the notified country',
    notifying: 'Contact points of the notifying country',
    hidden: 'Log in to see the contact points.',
    none: 'none recorded in the plan',
    role: {
      competent_authority: 'competent authority',
      point_of_contact_24_7: '24/7 point of contact',
      other: 'other',
    },
    leadTime: 'h before the probable arrival',
  },
  ru: {
    section: '0. Совместный план действий в чрезвычайных ситуациях и срок',
    plan: 'План',
    notifyBy: 'Уведомить до',
    immediately: 'немедленно',
    example: 'примерное правило, устанавливается странами',
    notified: 'Контактные пункты уведомляемой страны',
    notifying: 'Контактные пункты уведомляющей страны',
    hidden: 'Войдите в систему, чтобы увидеть контактные пункты.',
    none: 'в плане не указаны',
    role: {
      competent_authority: 'компетентный орган',
      point_of_contact_24_7: 'круглосуточный контактный пункт',
      other: 'другое',
    },
    leadTime: 'ч до вероятного прибытия',
  },
} as const;

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function contactList(cs: readonly Contact[] | null, l: (typeof LABELS)['en' | 'ru']): SafeHtml {
  if (cs === null) return html`<p class="muted">${l.hidden}</p>`;
  if (cs.length === 0) return html`<p class="muted">${l.none}</p>`;
  return html`<ul class="small">${cs.map(
    (c) =>
      html`<li data-contact="${c.iso3}"><strong>${c.organisation}</strong> (${l.role[c.role]}, ${c.iso3})${c.phone ? html` · ☎ ${c.phone}` : ''}${c.fax ? html` · fax ${c.fax}` : ''}${c.email ? html` · ${c.email}` : ''}${c.hours ? html` · ${c.hours}` : ''}${c.languages.length ? html` · ${c.languages.join(', ')}` : ''}</li>`,
  )}</ul>`;
}

export function planSectionHtml(p: DraftPlan, lang: 'en' | 'ru'): SafeHtml {
  const l = LABELS[lang];
  const when = p.notifyBy
    ? html`<strong class="deadline">${utc(p.notifyBy)}</strong>${p.rule === 'lead_time' ? html` (${p.leadTimeH} ${l.leadTime})` : html` (${l.immediately})`}`
    : html`—`;
  return html`<section class="plan" data-plan="${p.id}">
<h2>${l.section}</h2>
<dl class="facts"><dt>${l.plan}</dt><dd>${p.name}${p.exampleRule ? html` <span class="muted">(${l.example})</span>` : ''}</dd><dt>${l.notifyBy}</dt><dd>${when}</dd></dl>
<h3>${l.notified}</h3>${contactList(p.notifiedContacts, l)}
<h3>${l.notifying}</h3>${contactList(p.notifyingContacts, l)}
</section>`;
}
