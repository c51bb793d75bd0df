// Loads the reviewed hazard tables (Annex I thresholds, THI scores) shipped in data/; the only I/O
// of the hazard core, kept here so the classifiers stay pure and take the tables as arguments.
import { z } from 'zod';
import annexIJson from '../../../data/annex-i-thresholds.json' with { type: 'json' };
import thiJson from '../../../data/thi-scores.json' with { type: 'json' };
import {
  DAM_RAISE_TYPES,
  FLOOD_EXPOSURES,
  SEISMIC_EXPOSURES,
  SITE_STATUSES,
  TOXIC_CONSTITUENTS,
} from '../../../shared/codes.js';
import type { AnnexITable } from './annex-i.js';
import type { ThiScores } from './thi.js';

// The JSON is parsed, not cast, so an edit that breaks a table fails at start-up, not mid-classification.
const AnnexIEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['category', 'named']),
  group: z.enum(['health', 'physical', 'environment']),
  thresholdTonnes: z.number().positive(),
  casNumbers: z.array(z.string()).optional(),
  source: z.string().min(1),
  note: z.string().optional(),
});
export const AnnexITableSchema = z.object({ entries: z.array(AnnexIEntrySchema).min(1) });

const Score = z.object({ score: z.number().min(0), assumption: z.boolean(), reason: z.string().min(1) });
const scoresFor = <const T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, Score])) as { [K in T[number]]: typeof Score });
export const ThiScoresSchema = z.object({
  toxicity: z.object({ constituents: scoresFor(TOXIC_CONSTITUENTS), unknown: Score }),
  management: z.object({ status: scoresFor(SITE_STATUSES), noEmergencyPlan: Score }),
  flood: scoresFor(FLOOD_EXPOSURES),
  seismic: scoresFor(SEISMIC_EXPOSURES),
  damSafety: z.object({
    raiseType: scoresFor(DAM_RAISE_TYPES),
    reviewOverdueYears: z.number().positive(),
    reviewOverdue: Score,
  }),
  classes: z
    .array(
      z.object({
        label: z.string(),
        minInclusive: z.number().nullable(),
        maxExclusive: z.number().nullable(),
      }),
    )
    .min(1),
});

export const annexITable: AnnexITable = AnnexITableSchema.parse(annexIJson);
export const thiScores: ThiScores = ThiScoresSchema.parse(thiJson);
export const annexIEntryIds: ReadonlySet<string> = new Set(annexITable.entries.map((e) => e.id));
