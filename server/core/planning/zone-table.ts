// The consultation-zone table (data/consultation-zones.json) as types and a schema, and the pure
// look-ups on it: which rule gives a site its zones, and the PADHI advice for a type in a zone.
import { z } from 'zod';

export const ZONES = ['inner', 'middle', 'outer'] as const;
export type Zone = (typeof ZONES)[number];
export const KAS_CLASSES = ['I', 'II', 'III', 'IV'] as const;
export type KasClass = (typeof KAS_CLASSES)[number];
export const ADVICE = ['advise_against', 'do_not_advise_against'] as const;
export type Advice = (typeof ADVICE)[number];

const oneOrMany = z.union([z.string(), z.array(z.string()).min(1)]);
const Rule = z.object({
  id: z.string().min(1),
  when: z
    .object({ kind: oneOrMany.optional(), sector: oneOrMany.optional(), annexI: z.boolean().optional() })
    .strict(),
  class: z.enum(KAS_CLASSES),
  assumption: z.boolean(),
  reason: z.string().min(1),
});
const AdviceRow = z.object({ inner: z.enum(ADVICE), middle: z.enum(ADVICE), outer: z.enum(ADVICE) });

export const ZoneTableSchema = z.object({
  sources: z.array(z.object({ id: z.string(), citation: z.string(), used_for: z.string() })).min(1),
  assumptions: z.array(z.string()),
  classes: z.object(
    Object.fromEntries(
      KAS_CLASSES.map((k) => [k, z.object({ distanceM: z.number().positive(), source: z.string() })]),
    ) as Record<KasClass, z.ZodObject<{ distanceM: z.ZodNumber; source: z.ZodString }>>,
  ),
  zoneFractions: z
    .object({
      inner: z.number().gt(0).lt(1),
      middle: z.number().gt(0).lt(1),
      outer: z.literal(1),
      assumption: z.boolean(),
      reason: z.string(),
    })
    .refine((f) => f.inner < f.middle, { error: 'inner fraction must be below the middle fraction' }),
  rules: z
    .array(Rule)
    .min(1)
    .refine((rules) => Object.keys(rules.at(-1)?.when ?? { x: 1 }).length === 0, {
      error: 'the last rule must match every site (an empty "when")',
    }),
  developmentTypes: z.record(
    z.string().regex(/^[a-z_]+$/),
    z.object({
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      source: z.string(),
      assumption: z.boolean(),
      reason: z.string(),
    }),
  ),
  matrix: z.object({
    source: z.string(),
    advice: z.object({ '1': AdviceRow, '2': AdviceRow, '3': AdviceRow, '4': AdviceRow }),
  }),
  waterIntakeUpstreamHours: z.number().positive(),
});
export type ZoneTable = z.output<typeof ZoneTableSchema>;

/** What the zone rules look at: from the register (kind, sector) and its Annex I verdict. */
export interface ZoneSubject {
  kind: string;
  sector: string | null;
  annexIHazardous: boolean;
}

export interface ZoneRadius {
  zone: Zone;
  radiusM: number;
}

export interface SiteZones {
  ruleId: string;
  kasClass: KasClass;
  assumption: boolean;
  reason: string;
  /** Inner, middle, outer, widening. */
  zones: ZoneRadius[];
}

const matches = (v: string | null, want: string | string[] | undefined) =>
  want === undefined || (v !== null && (Array.isArray(want) ? want.includes(v) : want === v));

/** The first rule matching the site fires (the table ends with a catch-all). */
export function zonesFor(table: ZoneTable, site: ZoneSubject): SiteZones {
  const rule = table.rules.find(
    (r) =>
      matches(site.kind, r.when.kind) &&
      matches(site.sector, r.when.sector) &&
      (r.when.annexI === undefined || r.when.annexI === site.annexIHazardous),
  );
  if (!rule) throw new Error('consultation-zone table has no catch-all rule');
  const outerM = table.classes[rule.class].distanceM;
  const f = table.zoneFractions;
  return {
    ruleId: rule.id,
    kasClass: rule.class,
    assumption: rule.assumption,
    reason: rule.reason,
    zones: [
      { zone: 'inner', radiusM: Math.round(outerM * f.inner) },
      { zone: 'middle', radiusM: Math.round(outerM * f.middle) },
      { zone: 'outer', radiusM: outerM },
    ],
  };
}

/** The innermost zone whose radius reaches `distanceM`, or null beyond the outer zone. */
export function zoneAt(zones: SiteZones, distanceM: number): ZoneRadius | null {
  return zones.zones.find((z) => distanceM <= z.radiusM) ?? null;
}

export const outerRadiusM = (zones: SiteZones): number => zones.zones.at(-1)?.radiusM ?? 0;

export function maxOuterRadiusM(table: ZoneTable): number {
  return Math.max(...table.rules.map((r) => table.classes[r.class].distanceM));
}

export interface AdviceRule {
  advice: Advice;
  level: 1 | 2 | 3 | 4;
  zone: Zone;
  /** Human-readable rule, e.g. "PADHI: sensitivity level 2 (housing) in the middle zone → do not advise against". */
  rule: string;
}

export function adviceFor(table: ZoneTable, developmentType: string, zone: Zone): AdviceRule {
  const type = table.developmentTypes[developmentType];
  if (!type) throw new Error(`unknown development type ${developmentType}`);
  const advice = table.matrix.advice[String(type.level) as '1' | '2' | '3' | '4'][zone];
  const words = advice === 'advise_against' ? 'advise against' : 'do not advise against';
  return {
    advice,
    level: type.level,
    zone,
    rule: `PADHI: sensitivity level ${type.level} (${developmentType}) in the ${zone} zone → ${words}`,
  };
}
