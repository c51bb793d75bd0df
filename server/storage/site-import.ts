// Runs an import: validates parsed rows, finds duplicates (same id, or same normalised name within
// 100 m of an existing site or an earlier row), and stores all accepted rows in ONE transaction — or none.
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { boxAround, haversineKm } from '../core/geo/geodesy.js';
import type { HydrologyProvider } from '../core/register/hydrology.js';
import type { RawRow, RowError } from '../core/register/import/types.js';
import type { SiteFields } from '../core/register/site-record.js';
import { validateImportRow } from '../core/register/site-validate.js';
import { nameKey } from '../core/register/text.js';
import type { Db } from './db.js';
import { type ChangeContext, UNATTRIBUTED } from './site-history.js';
import { insertSites, type NewSite, updateSite } from './site-store.js';

export const DUPLICATE_RADIUS_M = 100;

export interface Duplicate {
  line: number;
  name: string;
  /** Id of the stored site it duplicates, or null when it duplicates an earlier row of this import. */
  existingId: string | null;
  duplicateOfLine?: number;
  distanceM: number;
}

/** Something left out of a row that did not stop it (a column that is no site field). */
export interface ImportWarning {
  column: string;
  message: string;
  /** The rows it concerns (first 20). */
  lines: number[];
  count: number;
}

export interface ImportReport {
  dryRun: boolean;
  /** Rows that are new sites or updates (an export re-imported with `id` and `version`). */
  accepted: number;
  /** Of those, updates of existing sites (their ids in `updatedIds` once stored). */
  updated: number;
  updatedIds: string[];
  warnings: ImportWarning[];
  rejected: number;
  /** Duplicates left out with onDuplicate=skip. */
  skipped: number;
  errors: RowError[];
  duplicates: Duplicate[];
  /** Ids of the stored sites (empty on dry runs and failed imports). */
  ids: string[];
  /** The import's id in the site history (null when nothing was written). */
  importId: string | null;
}

export interface ImportOptions {
  dryRun: boolean;
  onDuplicate: 'error' | 'skip';
  /** Store the valid rows even when others were rejected (still one transaction); default all-or-nothing. */
  skipInvalid?: boolean;
  /** Who imports (recorded in each site's history); defaults to the system. */
  change?: Omit<ChangeContext, 'importId'> | undefined;
  /** Told how far validation has got, and when storing starts (for the CLI's progress line). */
  onProgress?: ((event: { stage: 'validate' | 'store'; done: number; total: number }) => void) | undefined;
}

interface SeenRow {
  line: number;
  id: string | undefined;
  lon: number;
  lat: number;
}

interface Lookups {
  byId: Statement;
  nearby: Statement;
}

export function importRows(
  db: Db,
  hydrology: HydrologyProvider,
  rows: readonly RawRow[],
  parseErrors: readonly RowError[],
  options: ImportOptions,
): ImportReport {
  // The duplicate check reads the table it guards, so it runs in the same write transaction as the insert.
  // A dry run writes nothing: a read transaction, so it never holds the write lock (it may run on the
  // jobs worker's connection for seconds while the server keeps writing).
  const run = db.transaction((): ImportReport => {
    const errors: RowError[] = [...parseErrors];
    const rejectedLines = new Set(parseErrors.map((e) => e.line));
    const duplicates: Duplicate[] = [];
    const accepted: NewSite[] = [];
    // Rows already read in this import, by normalised name (so the in-file check is not quadratic).
    const seen = new Map<string, SeenRow[]>();
    const seenIds = new Map<string, number>();
    const lookups: Lookups = {
      byId: db.prepare('SELECT id, lon, lat, version FROM sites WHERE id = ?'),
      nearby: db.prepare(`SELECT s.id, s.lon, s.lat FROM sites_rtree r CROSS JOIN sites s ON s.rid = r.id
          WHERE r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ? AND s.name_key = ?`),
    };
    let skipped = 0;
    const updates: Array<{ id: string; version: number; fields: SiteFields }> = [];
    const ignored = new Map<string, number[]>();

    let done = 0;
    for (const row of rows) {
      if (++done % 100 === 0) options.onProgress?.({ stage: 'validate', done, total: rows.length });
      const checked = validateImportRow(row);
      if (!checked.ok) {
        for (const issue of checked.issues)
          errors.push({ line: row.line, field: issue.path, message: issue.message });
        rejectedLines.add(row.line);
        continue;
      }
      for (const column of checked.ignored) ignored.set(column, [...(ignored.get(column) ?? []), row.line]);
      const f = checked.fields;
      // Our own export read back: the same id with the version it was exported at updates that site.
      if (checked.id && checked.version !== undefined) {
        const stored = lookups.byId.get(checked.id) as { version: number } | undefined;
        if (stored) {
          if (seenIds.has(checked.id)) {
            errors.push({
              line: row.line,
              field: 'id',
              message: `repeats line ${seenIds.get(checked.id)}`,
            });
            rejectedLines.add(row.line);
          } else if (stored.version !== checked.version) {
            errors.push({
              line: row.line,
              field: 'version',
              message: `site ${checked.id} is at version ${stored.version}, not ${checked.version}: it changed since this export; export it again and redo the edit`,
            });
            rejectedLines.add(row.line);
          } else updates.push({ id: checked.id, version: checked.version, fields: f });
          seenIds.set(checked.id, row.line);
          continue;
        }
      }
      const { lon, lat } = f.location;
      const key = nameKey(f.name);
      const dup = findDuplicate({ line: row.line, id: checked.id, lon, lat }, key, seen, seenIds, lookups);
      const same = seen.get(key) ?? [];
      same.push({ line: row.line, id: checked.id, lon, lat });
      seen.set(key, same);
      if (checked.id) seenIds.set(checked.id, row.line);
      if (dup) {
        duplicates.push({ line: row.line, name: f.name, ...dup });
        if (options.onDuplicate === 'skip') {
          skipped += 1;
        } else {
          const what = dup.existingId ? `existing site ${dup.existingId}` : `line ${dup.duplicateOfLine}`;
          errors.push({
            line: row.line,
            field: 'name',
            message: `duplicates ${what} (${dup.distanceM.toFixed(0)} m apart)`,
          });
          rejectedLines.add(row.line);
        }
        continue;
      }
      accepted.push({ ...f, id: checked.id });
    }
    errors.sort((a, b) => a.line - b.line);
    const report: ImportReport = {
      dryRun: options.dryRun,
      accepted: accepted.length + updates.length,
      updated: updates.length,
      updatedIds: [],
      warnings: [...ignored].map(([column, lines]) => ({
        column,
        message: `"${column}" is not a site field; left out`,
        lines: lines.slice(0, 20),
        count: lines.length,
      })),
      rejected: rejectedLines.size,
      skipped,
      errors,
      duplicates,
      ids: [],
      importId: null,
    };
    // All rows or none, unless the caller asked to store the valid rows and skip the rest (skipInvalid).
    const nothingToStore = accepted.length === 0 && updates.length === 0;
    if (options.dryRun || nothingToStore || (errors.length > 0 && !options.skipInvalid)) return report;
    const importId = randomUUID();
    options.onProgress?.({ stage: 'store', done: 0, total: accepted.length });
    report.ids = insertSites(db, hydrology, accepted, new Date(), {
      ...(options.change ?? UNATTRIBUTED),
      importId,
    });
    report.importId = importId;
    const now = new Date();
    for (const u of updates) {
      const r = updateSite(db, hydrology, u.id, u.version, () => u.fields, now, {
        ...(options.change ?? UNATTRIBUTED),
        importId,
      });
      // The versions were checked in this same transaction, so a conflict here is a bug.
      if (!r.ok) throw new Error(`update of ${u.id} failed: ${r.error}`);
      report.updatedIds.push(u.id);
    }
    return report;
  });
  return options.dryRun ? run.deferred() : run.immediate();
}

const metres = (km: number) => Math.round(km * 10_000) / 10;

function findDuplicate(
  row: SeenRow,
  key: string,
  seen: ReadonlyMap<string, readonly SeenRow[]>,
  seenIds: ReadonlyMap<string, number>,
  q: Lookups,
): Omit<Duplicate, 'line' | 'name'> | null {
  // The same id is the same site, wherever it is now.
  if (row.id) {
    const stored = q.byId.get(row.id) as { id: string; lon: number; lat: number } | undefined;
    if (stored)
      return {
        existingId: stored.id,
        distanceM: metres(haversineKm(row.lon, row.lat, stored.lon, stored.lat)),
      };
    const earlier = seenIds.get(row.id);
    if (earlier !== undefined) return { existingId: null, duplicateOfLine: earlier, distanceM: 0 };
  }
  const radiusKm = DUPLICATE_RADIUS_M / 1000;
  const [w, s, e, n] = boxAround(row.lon, row.lat, radiusKm);
  for (const site of q.nearby.all(w, e, s, n, key) as { id: string; lon: number; lat: number }[]) {
    const km = haversineKm(row.lon, row.lat, site.lon, site.lat);
    if (km <= radiusKm) return { existingId: site.id, distanceM: metres(km) };
  }
  for (const other of seen.get(key) ?? []) {
    const km = haversineKm(row.lon, row.lat, other.lon, other.lat);
    if (km <= radiusKm) return { existingId: null, duplicateOfLine: other.line, distanceM: metres(km) };
  }
  return null;
}
