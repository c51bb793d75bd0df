// Loads the curated seed register (data/seed/sites.json) into an empty sites table; idempotent.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HydrologyProvider } from '../core/register/hydrology.js';
import { Site } from '../core/register/site-schema.js';
import { toFields, zodIssues } from '../core/register/site-validate.js';
import type { Db } from './db.js';
import { countSites, insertSites, type NewSite } from './site-store.js';

export const SEED_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../data/seed/sites.json',
);

export type SeedResult = { loaded: number } | { skipped: 'not_empty' | 'no_file' };

/** Reads and validates the seed file; a bad seed entry is a build error naming the entry. */
export function readSeed(file = SEED_FILE): NewSite[] {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const list = Array.isArray(doc) ? doc : (doc as { sites?: unknown }).sites;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of sites (or {"sites": [...]})`);
  return list.map((entry, i) => {
    const r = Site.safeParse(registerFields(entry));
    if (!r.success) {
      const what = zodIssues(r.error)
        .map((x) => `${x.path}: ${x.message}`)
        .join('; ');
      throw new Error(`${file}: site #${i + 1} is invalid: ${what}`);
    }
    const { id, ...rest } = r.data;
    return { ...toFields(rest), id };
  });
}

/** The seed carries two review-only fields: `expectedBasin` (checked by the seed tests) is dropped, and an
 * approximate `locationPrecision` is kept for users as a note, since the register has no such column. */
function registerFields(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null) return entry;
  const { expectedBasin: _basin, locationPrecision, ...rest } = entry as Record<string, unknown>;
  if (locationPrecision !== 'approximate') return rest;
  const note = 'Location approximate (within about 2–5 km; not verified against imagery).';
  return { ...rest, notes: typeof rest.notes === 'string' ? `${rest.notes} ${note}` : note };
}

/** Imports the seed when the register is empty (so re-running the build never duplicates sites). */
export function loadSeed(db: Db, hydrology: HydrologyProvider, file = SEED_FILE): SeedResult {
  if (!fs.existsSync(file)) return { skipped: 'no_file' };
  if (countSites(db) > 0) return { skipped: 'not_empty' };
  const sites = readSeed(file);
  // insertSites is one transaction; the count is re-checked inside it against a concurrent loader.
  return db
    .transaction((): SeedResult => {
      if (countSites(db) > 0) return { skipped: 'not_empty' };
      // Recorded in each site's history as created by the seed file.
      const change = { actor: { kind: 'system', label: 'seed' } } as const;
      return { loaded: insertSites(db, hydrology, sites, new Date(), change).length };
    })
    .immediate();
}
