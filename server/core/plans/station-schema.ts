// zod schema for a monitoring or warning station (water quality, gauge, drinking-water intake, alarm
// post): what is written; its river, river km and place on the network are derived, not entered.
import { z } from 'zod';
import { iso3, text } from './plan-schema.js';

export const STATION_KINDS = ['water_quality', 'gauge', 'intake', 'alarm_post'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

const source = z
  .object({ title: text(300), url: z.url({ message: 'must be an http(s) URL' }).max(1000).nullish() })
  .strict();

export const StationFields = z
  .object({
    name: text(200),
    kind: z.enum(STATION_KINDS, { error: `kind must be one of ${STATION_KINDS.join(', ')}` }),
    lon: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
    lat: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
    country: iso3.nullish().transform((v) => v ?? null),
    operator: text(300)
      .nullish()
      .transform((v) => v ?? null),
    /** The river it stands on (a snap hint; the derived `river` is the network's name). */
    riverHint: text(120)
      .nullish()
      .transform((v) => v ?? null),
    /** What it measures, e.g. "water level", "discharge", "cyanide", "heavy metals". */
    measures: z.array(text(80)).max(30).default([]),
    /** The river km the operator publishes (kept beside the network's own km for comparison). */
    publishedRiverKm: z
      .number()
      .min(0)
      .max(10000)
      .nullish()
      .transform((v) => v ?? null),
    code: text(40)
      .nullish()
      .transform((v) => v ?? null),
    sources: z.array(source).max(20).default([]),
  })
  .strict();
export type StationFields = z.output<typeof StationFields>;

export const StationCreate = StationFields.extend({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be 2–63 lower-case letters, digits or hyphens')
    .optional(),
}).strict();

/** Where a station sits on the network, derived on write. */
export interface StationPlace {
  river: string | null;
  riverKm: number | null;
  reachId: number | null;
  reachOffsetKm: number | null;
  snapDistanceKm: number | null;
}

export interface StationRecord extends StationFields, StationPlace {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
