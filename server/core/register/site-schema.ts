// zod schemas for a register site (the system of record): create input, stored site with id, and
// patches; plus formatZodIssues, which turns zod errors into {path, message} pairs for API clients.
import { z } from 'zod';
import {
  DAM_RAISE_TYPES,
  FLOOD_EXPOSURES,
  SECTORS,
  SEISMIC_EXPOSURES,
  SITE_KINDS,
  SITE_STATUSES,
  TOXIC_CONSTITUENTS,
} from '../../../shared/codes.js';
import { validatePolygon } from '../geo/validate-geometry.js';
import { checkCas } from '../hazard/cas.js';
import { annexIEntryIds } from '../hazard/tables.js';

/**
 * C0/C1 control characters (except tab and newlines) and bidirectional overrides, which can hide or
 * reorder text in lists, exports and terminals; stripped from every stored string.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
export const stripControlChars = (s: string): string => s.replace(CONTROL_CHARS, '');

/** Trimmed, NFC-normalised, bounded text: "Săsar" typed with a combining breve equals the precomposed one. */
const text = (max: number) =>
  z
    .string()
    .overwrite(stripControlChars)
    .trim()
    .normalize('NFC')
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
const optText = (max: number) => text(max).nullish();

const isoDate = z.iso.date({ message: 'must be a date written YYYY-MM-DD' });

const lon = z
  .number()
  .min(-180, 'longitude must be between -180 and 180 (WGS84 degrees)')
  .max(180, 'longitude must be between -180 and 180 (WGS84 degrees)');
const lat = z
  .number()
  .min(-90, 'latitude must be between -90 and 90 (WGS84 degrees)')
  .max(90, 'latitude must be between -90 and 90 (WGS84 degrees)');

const Position = z.tuple([lon, lat], { message: 'a position must be [longitude, latitude]' });
const Ring = z
  .array(Position)
  .min(4, 'a polygon ring needs at least 4 positions (first and last equal)')
  .refine((r) => {
    const a = r[0];
    const b = r[r.length - 1];
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
  }, 'a polygon ring must be closed: repeat the first position at the end');

const FOOTPRINT_EXTRA_CHECKS = new Set(['self_intersection', 'too_many_positions', 'degenerate_ring']);

export const Footprint = z
  .object({
    type: z.literal('Polygon', { message: "footprint must be a GeoJSON Polygon (type 'Polygon')" }),
    coordinates: z.array(Ring).min(1, 'a polygon needs an outer ring').max(100),
  })
  // Structure, ranges and closure are checked above; the shared validator adds size, degenerate rings and
  // self-intersection (zod may run this refinement even after the checks above failed, so only those).
  .superRefine((g, ctx) => {
    for (const issue of validatePolygon(g)) {
      if (!FOOTPRINT_EXTRA_CHECKS.has(issue.code)) continue;
      ctx.addIssue({ code: 'custom', path: issue.path ? issue.path.split('.') : [], message: issue.message });
    }
  });

export const Source = z.strictObject({
  title: text(400),
  url: z
    .url({ protocol: /^https?$/, message: 'url must be an http(s) address' })
    .max(2000)
    .optional(),
  accessed: isoDate.optional(),
});

export const Substance = z.strictObject({
  name: text(200),
  casNumber: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const r = checkCas(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: `CAS number ${r.message}` });
    })
    .nullish(),
  annexICategory: z
    .string()
    .trim()
    .refine(
      (v) => annexIEntryIds.has(v),
      'annexICategory must be an id of data/annex-i-thresholds.json (e.g. H2, E1, chlorine)',
    )
    .nullish(),
  quantityTonnes: z
    .number()
    .min(0, 'quantityTonnes must be 0 or more')
    .max(1e9)
    .refine(Number.isFinite, 'must be a finite number'),
  wgk: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal('nwg')], {
    message: "wgk must be 1, 2, 3 or 'nwg' (not hazardous to water)",
  }),
  estimate: z.boolean({ message: 'estimate must be true or false' }),
});

export const Tmf = z.strictObject({
  volumeM3: z.number().positive('volumeM3 must be more than 0').max(1e11),
  areaHa: z.number().min(0).max(1e6).nullable(),
  maxDamHeightM: z.number().min(0).max(500).nullable(),
  damRaiseType: z.enum(DAM_RAISE_TYPES),
  material: text(200),
  toxicConstituents: z
    .array(z.enum(TOXIC_CONSTITUENTS))
    .max(TOXIC_CONSTITUENTS.length)
    .refine((a) => new Set(a).size === a.length, 'toxicConstituents must not repeat a value'),
  yearCommissioned: z.number().int().min(1800).max(2100).nullable(),
  lastIndependentReview: isoDate.nullable(),
  emergencyPlan: z.boolean(),
  floodExposure: z.enum(FLOOD_EXPOSURES),
  seismicExposure: z.enum(SEISMIC_EXPOSURES),
});

/** Fields a client may set; used as-is (all optional) for patches. */
const siteShape = {
  name: text(200),
  nameLocal: optText(200),
  kind: z.enum(SITE_KINDS),
  sector: z.enum(SECTORS),
  operator: optText(200),
  status: z.enum(SITE_STATUSES),
  location: z.strictObject({ lon, lat }),
  footprint: Footprint.nullish(),
  address: optText(300),
  locality: optText(200),
  receivingRiver: optText(120),
  notes: optText(4000),
  sources: z.array(Source).min(1, 'give at least one source').max(50),
  substances: z.array(Substance).max(200),
  tmf: Tmf.nullish(),
};

function tmfMatchesKind(s: { kind?: string; tmf?: unknown }, ctx: z.RefinementCtx): void {
  if (s.kind === 'tmf' && (s.tmf === undefined || s.tmf === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['tmf'],
      message: "tmf attributes are required when kind is 'tmf'",
    });
  }
  if (s.kind !== undefined && s.kind !== 'tmf' && s.tmf !== undefined && s.tmf !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['tmf'],
      message: "tmf attributes are only allowed when kind is 'tmf'",
    });
  }
}

const SiteBase = z.strictObject({ id: z.uuid({ message: 'id must be a UUID' }).optional(), ...siteShape });

/** A site as created by a client; the id is optional (the store assigns one). */
export const SiteInput = SiteBase.superRefine(tmfMatchesKind);
export type SiteInput = z.infer<typeof SiteInput>;

/** A site with its id, as in the seed file and exports. */
export const Site = SiteBase.extend({ id: z.uuid({ message: 'id must be a UUID' }) }).superRefine(
  tmfMatchesKind,
);
export type Site = z.infer<typeof Site>;

/** Partial update; `version` is the version the client read, for optimistic concurrency. */
export const SitePatch = z
  .strictObject({
    ...z.object(siteShape).partial().shape,
    version: z.number({ message: 'version is required (the version you read)' }).int().min(1),
  })
  .superRefine(tmfMatchesKind);
export type SitePatch = z.infer<typeof SitePatch>;

export interface FieldIssue {
  path: string;
  message: string;
}

/** Flattens zod issues to dotted paths ('substances.0.casNumber'); '' is the object itself. */
export function formatZodIssues(err: z.ZodError): FieldIssue[] {
  return err.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}
