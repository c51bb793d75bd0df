// The reviewed reference files in data/ (*.json): one zod schema each, read and validated the same way,
// all at once at start-up (loadReferenceData) so a broken edit stops the server with the file and field.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AnnexITableSchema, ThiScoresSchema } from '../core/hazard/tables.js';
import { IntakeRulesSchema } from '../core/planning/intake-rule.js';
import { ZoneTableSchema } from '../core/planning/zone-table.js';
import { ChainageTableSchema } from '../core/trace/river-km.js';
import { TributaryMouthsSchema } from '../core/trace/tributary-mouths.js';
import { DischargeTableSchema } from '../core/transport/discharge-table.js';
import { RunoffTableSchema } from '../core/transport/runoff.js';

export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
/** Every reviewed record says where it comes from (or why it is there). */
const said = z.string().trim().min(1);
const bbox = z.tuple([lon, lat, lon, lat]);

const ErrataPoint = z.object({ lon, lat, reason: said });
export const NetworkErrataSchema = z.object({
  about: z.string(),
  noSnap: z.array(ErrataPoint.extend({ radiusKm: z.number().positive() })),
  cutEdges: z.array(ErrataPoint.extend({ radiusKm: z.number().positive() })),
  directions: z.array(ErrataPoint.extend({ flow: z.enum(['digitised', 'reversed']) })),
  inlandSystems: z.array(
    z.object({
      river: z.string().min(1),
      lon,
      lat,
      ne: z.string().min(1),
      endsIn: z.string().min(1),
      source: said,
    }),
  ),
  reviewedLinks: z.array(ErrataPoint),
});

export const TerminalLakesSchema = z.object({
  about: z.string(),
  lakes: z.array(
    z.object({ name: z.string().min(1), match: z.array(z.string().min(1)).min(1), reason: said }),
  ),
});

const NamePoint = z.object({ lon, lat, ne: z.string().nullable() });
export const RiverNamesSchema = z.object({
  about: z.string(),
  rivers: z.array(
    z.object({
      name: z.string().min(1),
      nameLocal: z.string().nullable(),
      nameRu: z.string().nullable(),
      aliases: z.array(z.string().min(1)),
      bbox,
      arm: z.boolean().optional(),
      partOf: z.string().optional(),
      source: said,
    }),
  ),
  stretches: z.array(z.object({ name: z.string().min(1), from: NamePoint, to: NamePoint, source: said })),
  splits: z.array(ErrataPoint),
});

export const ObservedEventsSchema = z
  .object({
    about: z.string(),
    sources: z.record(z.string(), said),
    events: z.array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        start: z.object({ lon, lat, river: z.string().nullable(), note: z.string().optional() }),
        releasedAt: z.iso.datetime({ offset: true }),
        releaseSource: z.string().min(1),
        observations: z.array(
          z.looseObject({
            place: z.string().min(1),
            lon,
            lat,
            observedAt: z.iso.datetime({ offset: true }),
            source: z.string().min(1),
          }),
        ),
      }),
    ),
  })
  // A source key names an entry of `sources`.
  .superRefine((doc, ctx) => {
    const known = new Set(Object.keys(doc.sources));
    doc.events.forEach((e, i) => {
      for (const [where, key] of [
        [['events', i, 'releaseSource'], e.releaseSource],
        ...e.observations.map((o, j) => [['events', i, 'observations', j, 'source'], o.source] as const),
      ] as const) {
        if (!known.has(key))
          ctx.addIssue({ code: 'custom', path: [...where], message: `unknown source '${key}'` });
      }
    });
  });

export const CrsTableSchema = z.object({
  about: z.string(),
  source: said,
  crs: z.array(
    z.object({
      code: z.number().int().positive(),
      name: z.string().min(1),
      country: z.string().min(1),
      geographic: z.boolean(),
      datum: z.number().int().positive(),
      proj4: z.string().startsWith('+proj='),
    }),
  ),
  coordinateFrameTowgs84: z.array(z.string()),
  transformations: z.record(
    z.string().regex(/^\d+$/),
    z.array(
      z.object({
        epsg: z.number().int().positive(),
        name: z.string().min(1),
        method: z.string().min(1),
        accuracyM: z.number().nullable(),
        area: z.string(),
        bbox: z.array(z.number()).length(4),
        towgs84: z.array(z.number()).min(3).max(7),
      }),
    ),
  ),
});

/** Russian names of outlet seas and lakes (read by shared/water-names.ts; each with its source). */
export const WaterNamesRuSchema = z.object({
  about: z.string(),
  waters: z.array(
    z.object({
      name: z.string().min(1),
      nameRu: z.string().min(1),
      source: z.string().startsWith('https://'),
    }),
  ),
});

/** Russian names of Natural Earth places without name_ru (read by scripts/land-tables.ts; each sourced). */
export const PlaceNamesRuSchema = z.object({
  about: z.string(),
  places: z.array(
    z.object({
      name: z.string().min(1),
      adm0: z.string().regex(/^[A-Z0-9]{3}$/),
      nameRu: z.string().min(1),
      source: z.string().startsWith('https://'),
    }),
  ),
});

/** Every reviewed file in data/ with its schema: a new file needs an entry here (the test says so). */
export const REFERENCE_SCHEMAS = {
  'annex-i-thresholds.json': AnnexITableSchema,
  'consultation-zones.json': ZoneTableSchema,
  'crs.json': CrsTableSchema,
  'discharge.json': DischargeTableSchema,
  'network-errata.json': NetworkErrataSchema,
  'observed-events.json': ObservedEventsSchema,
  'place-names-ru.json': PlaceNamesRuSchema,
  'planning-rules.json': IntakeRulesSchema,
  'river-chainage.json': ChainageTableSchema,
  'river-names.json': RiverNamesSchema,
  'runoff.json': RunoffTableSchema,
  'terminal-lakes.json': TerminalLakesSchema,
  'thi-scores.json': ThiScoresSchema,
  'tributary-mouths.json': TributaryMouthsSchema,
  'water-names-ru.json': WaterNamesRuSchema,
} as const;

export type ReferenceFile = keyof typeof REFERENCE_SCHEMAS;
export type ReferenceData = { [K in ReferenceFile]: z.infer<(typeof REFERENCE_SCHEMAS)[K]> };

export class ReferenceDataError extends Error {}

/** One reviewed file, parsed with its schema; an error names the file and each bad field. */
export function readReferenceFile<K extends ReferenceFile>(
  name: K,
  file = path.join(DATA_DIR, name),
): ReferenceData[K] {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ReferenceDataError(`${file}: ${(err as Error).message}`);
  }
  const parsed = REFERENCE_SCHEMAS[name].safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new ReferenceDataError(`${file} is not a valid ${name}: ${issues}`);
  }
  return parsed.data as ReferenceData[K];
}

/**
 * Every data/*.json, validated: the server calls it at start-up, the unit tests on the checkout. A JSON
 * file without a schema is an error too, so no reviewed file is read unchecked.
 */
export function loadReferenceData(dir = DATA_DIR): ReferenceData {
  const problems: string[] = [];
  const out: Partial<Record<ReferenceFile, unknown>> = {};
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    if (!(f in REFERENCE_SCHEMAS))
      problems.push(`${path.join(dir, f)} has no schema in server/storage/reference-data.ts`);
  }
  for (const name of Object.keys(REFERENCE_SCHEMAS) as ReferenceFile[]) {
    try {
      out[name] = readReferenceFile(name, path.join(dir, name));
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length > 0) throw new ReferenceDataError(problems.join('\n'));
  return out as ReferenceData;
}
