// zod schemas for joint contingency plans and their contact points (organisations, never persons):
// what an editor may write, with messages that say what to fix.
import { z } from 'zod';
import { stripControlChars } from '../register/site-schema.js';

/** Trimmed, NFC-normalised, bounded text with control characters and bidi overrides removed. */
export const text = (max: number) =>
  z
    .string()
    .overwrite(stripControlChars)
    .trim()
    .normalize('NFC')
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

export const iso3 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as ROU or KAZ');

const lang = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, 'must be a language code such as en, ru, ro or uk');

const source = z
  .object({ title: text(300), url: z.url({ message: 'must be an http(s) URL' }).max(1000).nullish() })
  .strict();

/**
 * The plan's notification rule: each downstream country is notified at least `leadTimeH` hours before
 * the probable leading edge reaches it, and at once when the maximum-probable peak in its water
 * exceeds `immediateAboveMgL` ("at once" meaning within `immediateWithinH` of the release), or when
 * the water arrives sooner than the lead time. `example: true` marks values put in by HazAtlas as examples, to be
 * set by the countries.
 */
export const NotificationRule = z
  .object({
    leadTimeH: z.number().min(0, 'must be 0 or more hours').max(720, 'must be at most 720 hours'),
    immediateAboveMgL: z.number().positive('must be above 0 mg/L').max(1e6).nullable().default(null),
    /** What "immediately" allows: hours after the release. */
    immediateWithinH: z
      .number()
      .min(0, 'must be 0 or more hours')
      .max(24, 'must be at most 24 hours')
      .default(1),
    example: z.boolean().default(false),
  })
  .strict();
export type NotificationRule = z.output<typeof NotificationRule>;

export const PlanFields = z
  .object({
    name: text(200),
    countries: z.array(iso3).min(2, 'a joint plan needs at least two countries').max(30),
    /** River systems the plan covers, as the network names its basins (e.g. "Danube", "Syr Darya"). */
    rivers: z.array(text(120)).min(1, 'name at least one river system').max(50),
    rule: NotificationRule,
    languages: z.array(lang).max(20).default([]),
    documents: z.array(source).max(50).default([]),
    notes: text(4000).nullish(),
    sources: z.array(source).max(50).default([]),
  })
  .strict();
export type PlanFields = z.output<typeof PlanFields>;

export const PlanCreate = PlanFields.extend({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or hyphens')
    .optional(),
}).strict();
export const PlanReplace = PlanFields.extend({
  version: z.number().int('must be a whole number').min(1, 'give the version you last read'),
}).strict();

export const CONTACT_ROLES = ['competent_authority', 'point_of_contact_24_7', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

const phone = z
  .string()
  .trim()
  .max(60)
  .regex(/^[+0-9 ()./-]*$/, 'must be a phone number of digits, spaces, +, -, (, ), . or /')
  .nullish()
  .transform((v) => (v ? v : null));

export const ContactFields = z
  .object({
    iso3,
    role: z.enum(CONTACT_ROLES, {
      error: `role must be one of ${CONTACT_ROLES.join(', ')}`,
    }),
    /** An organisation or office, never a private person. */
    organisation: text(300),
    phone,
    fax: phone,
    email: z
      .email({ message: 'must be an e-mail address' })
      .max(200)
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((v) => v ?? null),
    languages: z.array(lang).max(10).default([]),
    hours: text(120)
      .nullish()
      .transform((v) => v ?? null),
    source: text(1000)
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict();
export type ContactFields = z.output<typeof ContactFields>;

export interface Contact extends ContactFields {
  id: number;
  planId: string;
}

export interface PlanRecord extends PlanFields {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
