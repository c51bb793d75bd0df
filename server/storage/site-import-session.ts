// One site import, row by row, inside a transaction the caller holds: validates each row, finds
// duplicates (same id, or same normalised name within 100 m of a stored site or an earlier row) and
// stores accepted rows in batches. Memory stays bounded whatever the file's size: earlier rows are
// remembered in a temporary table, not in the heap, and the report lists the first N errors and
// duplicates and counts the rest. The caller commits when `finish()` says so and rolls back otherwise.
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
/** Accepted rows stored together (one insert statement loop and one history batch). */
export const STORE_BATCH_ROWS = 500;
/** Rows named in a warning about an ignored column. */
const WARNING_LINES = 20;

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

export interface SessionOptions extends ImportOptions {
  /** Errors and duplicates listed in the report (the rest only counted); default all. */
  listLimit?: number;
  /** Rows the caller already holds (whole-file imports), so progress can say "n of N"; 0 when streaming. */
  expectedRows?: number;
}

interface Lookups {
  byId: Statement;
  nearby: Statement;
  seenById: Statement;
  seenByKey: Statement;
  remember: Statement;
}

export class SiteImportSession {
  /** Most accepted rows held at once waiting to be stored, for tests (never above the batch size). */
  maxPending = 0;
  private readonly q: Lookups;
  /** Sites stored before this import have a rid up to this: later ones are this import's own rows. */
  private readonly ridBefore: number;
  private readonly listLimit: number;
  private readonly importId = randomUUID();
  private readonly report: ImportReport & { errorCount: number; duplicateCount: number };
  private pending: NewSite[] = [];
  private readonly ignored = new Map<string, ImportWarning>();
  private storedAny = false;
  private rows = 0;

  constructor(
    private readonly db: Db,
    private readonly hydrology: HydrologyProvider,
    private readonly options: SessionOptions,
  ) {
    if (!db.inTransaction) throw new Error('A site import session runs inside a transaction.');
    this.listLimit = options.listLimit ?? Number.POSITIVE_INFINITY;
    // Earlier rows of this import, for the in-file duplicate checks (a temporary table: not the heap).
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_seen (
        line INTEGER NOT NULL, id TEXT, name_key TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL);
      CREATE INDEX IF NOT EXISTS temp.import_seen_key ON import_seen (name_key);
      CREATE INDEX IF NOT EXISTS temp.import_seen_id ON import_seen (id);
      DELETE FROM temp.import_seen;`);
    this.ridBefore = db.prepare('SELECT COALESCE(MAX(rid), 0) FROM sites').pluck().get() as number;
    this.q = {
      byId: db.prepare('SELECT id, lon, lat, version FROM sites WHERE id = ? AND rid <= ?'),
      nearby: db.prepare(`SELECT s.id, s.lon, s.lat FROM sites_rtree r CROSS JOIN sites s ON s.rid = r.id
          WHERE r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ? AND s.name_key = ?
            AND s.rid <= ?`),
      seenById: db.prepare('SELECT line FROM temp.import_seen WHERE id = ? ORDER BY line LIMIT 1').pluck(),
      seenByKey: db.prepare('SELECT line, lon, lat FROM temp.import_seen WHERE name_key = ? ORDER BY line'),
      remember: db.prepare(
        'INSERT INTO temp.import_seen (line, id, name_key, lon, lat) VALUES (?, ?, ?, ?, ?)',
      ),
    };
    this.report = {
      dryRun: options.dryRun,
      accepted: 0,
      updated: 0,
      updatedIds: [],
      warnings: [],
      rejected: 0,
      skipped: 0,
      errors: [],
      duplicates: [],
      ids: [],
      importId: null,
      errorCount: 0,
      duplicateCount: 0,
    };
  }

  /** Rows read so far (accepted, rejected or skipped). */
  get rowCount(): number {
    return this.rows;
  }

  /** A row the parser could not read (bad coordinates, not a Feature...). */
  reject(errors: readonly RowError[]): void {
    this.rows += 1;
    this.rejectRow(errors);
  }

  private rejectRow(errors: readonly RowError[]): void {
    this.report.rejected += 1;
    for (const e of errors) this.error(e);
  }

  add(row: RawRow): void {
    this.rows += 1;
    if (this.rows % 100 === 0)
      this.options.onProgress?.({
        stage: 'validate',
        done: this.rows,
        total: this.options.expectedRows ?? 0,
      });
    const checked = validateImportRow(row);
    if (!checked.ok) {
      this.rejectRow(
        checked.issues.map((issue) => ({ line: row.line, field: issue.path, message: issue.message })),
      );
      return;
    }
    for (const column of checked.ignored) this.ignore(column, row.line);
    const f = checked.fields;
    // Our own export read back: the same id with the version it was exported at updates that site.
    if (checked.id && checked.version !== undefined) {
      const stored = this.q.byId.get(checked.id, this.ridBefore) as { version: number } | undefined;
      if (stored) {
        const earlier = this.q.seenById.get(checked.id) as number | undefined;
        if (earlier !== undefined)
          this.rejectOne({ line: row.line, field: 'id', message: `repeats line ${earlier}` });
        else if (stored.version !== checked.version)
          this.rejectOne({
            line: row.line,
            field: 'version',
            message: `site ${checked.id} is at version ${stored.version}, not ${checked.version}: it changed since this export; export it again and redo the edit`,
          });
        else {
          this.report.accepted += 1;
          this.report.updated += 1;
          if (this.storing()) this.update(checked.id, checked.version, f);
        }
        this.q.remember.run(row.line, checked.id, `\u0000id:${checked.id}`, 0, 0);
        return;
      }
    }
    const { lon, lat } = f.location;
    const key = nameKey(f.name);
    const dup = this.findDuplicate(row.line, checked.id, lon, lat, key);
    this.q.remember.run(row.line, checked.id ?? null, key, lon, lat);
    if (dup) {
      this.duplicate({ line: row.line, name: f.name, ...dup });
      if (this.options.onDuplicate === 'skip') this.report.skipped += 1;
      else {
        const what = dup.existingId ? `existing site ${dup.existingId}` : `line ${dup.duplicateOfLine}`;
        this.rejectOne({
          line: row.line,
          field: 'name',
          message: `duplicates ${what} (${dup.distanceM.toFixed(0)} m apart)`,
        });
      }
      return;
    }
    this.report.accepted += 1;
    if (!this.storing()) return;
    this.pending.push({ ...f, id: checked.id });
    this.maxPending = Math.max(this.maxPending, this.pending.length);
    if (this.pending.length >= STORE_BATCH_ROWS) this.flush();
  }

  /**
   * Stores what is still pending and returns the report; `commit` says whether the caller should commit
   * (false: a dry run, nothing to store, or errors without skipInvalid — roll back).
   */
  finish(): { report: ImportReport & { errorCount: number; duplicateCount: number }; commit: boolean } {
    const commit = this.storing() && this.report.accepted > 0;
    if (commit) {
      this.options.onProgress?.({ stage: 'store', done: 0, total: this.pending.length });
      this.flush();
      this.report.importId = this.importId;
    } else {
      this.report.ids = [];
      this.report.updatedIds = [];
    }
    this.report.warnings = [...this.ignored.values()];
    this.db.exec('DELETE FROM temp.import_seen');
    // Parse errors and validation errors arrive in line order already; keep it stable if not.
    this.report.errors.sort((a, b) => a.line - b.line);
    return { report: this.report, commit };
  }

  /** Whether accepted rows are stored as they come: not on a dry run, nor once all-or-nothing has failed. */
  private storing(): boolean {
    return !this.options.dryRun && (this.report.errorCount === 0 || this.options.skipInvalid === true);
  }

  private flush(): void {
    if (this.pending.length === 0 || !this.storing()) {
      this.pending = [];
      return;
    }
    const ids = insertSites(this.db, this.hydrology, this.pending, new Date(), this.change());
    this.storedAny = true;
    for (const id of ids) this.report.ids.push(id);
    this.pending = [];
  }

  private update(id: string, version: number, fields: SiteFields): void {
    // The import's history record must exist before an update refers to it.
    if (!this.storedAny) {
      insertSites(this.db, this.hydrology, [], new Date(), this.change());
      this.storedAny = true;
    }
    const r = updateSite(this.db, this.hydrology, id, version, () => fields, new Date(), this.change());
    // The version was checked in this same transaction, so a conflict here is a bug.
    if (!r.ok) throw new Error(`update of ${id} failed: ${r.error}`);
    this.report.updatedIds.push(id);
  }

  private change() {
    return { ...(this.options.change ?? UNATTRIBUTED), importId: this.importId };
  }

  private rejectOne(e: RowError): void {
    this.rejectRow([e]);
  }

  private error(e: RowError): void {
    this.report.errorCount += 1;
    if (this.report.errors.length < this.listLimit) this.report.errors.push(e);
    // All or nothing: once a row fails, nothing more is stored (the caller rolls back what was).
    if (!this.options.skipInvalid) this.pending = [];
  }

  private duplicate(d: Duplicate): void {
    this.report.duplicateCount += 1;
    if (this.report.duplicates.length < this.listLimit) this.report.duplicates.push(d);
  }

  private ignore(column: string, line: number): void {
    const w = this.ignored.get(column) ?? {
      column,
      message: `"${column}" is not a site field; left out`,
      lines: [],
      count: 0,
    };
    w.count += 1;
    if (w.lines.length < WARNING_LINES) w.lines.push(line);
    this.ignored.set(column, w);
  }

  private findDuplicate(
    line: number,
    id: string | undefined,
    lon: number,
    lat: number,
    key: string,
  ): Omit<Duplicate, 'line' | 'name'> | null {
    // The same id is the same site, wherever it is now.
    if (id) {
      const stored = this.q.byId.get(id, this.ridBefore) as
        | { id: string; lon: number; lat: number }
        | undefined;
      if (stored)
        return { existingId: stored.id, distanceM: metres(haversineKm(lon, lat, stored.lon, stored.lat)) };
      const earlier = this.q.seenById.get(id) as number | undefined;
      if (earlier !== undefined && earlier !== line)
        return { existingId: null, duplicateOfLine: earlier, distanceM: 0 };
    }
    const radiusKm = DUPLICATE_RADIUS_M / 1000;
    const [w, s, e, n] = boxAround(lon, lat, radiusKm);
    for (const site of this.q.nearby.all(w, e, s, n, key, this.ridBefore) as SitePos[]) {
      const km = haversineKm(lon, lat, site.lon, site.lat);
      if (km <= radiusKm) return { existingId: site.id, distanceM: metres(km) };
    }
    for (const other of this.q.seenByKey.all(key) as { line: number; lon: number; lat: number }[]) {
      const km = haversineKm(lon, lat, other.lon, other.lat);
      if (km <= radiusKm) return { existingId: null, duplicateOfLine: other.line, distanceM: metres(km) };
    }
    return null;
  }
}

interface SitePos {
  id: string;
  lon: number;
  lat: number;
}

const metres = (km: number) => Math.round(km * 10_000) / 10;
