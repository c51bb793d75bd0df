// Receptors in SQLite: insert (one transaction), delete, list by bbox/kind through the R*Tree, and the
// all-or-nothing import that validates every row before anything is written.
import { randomUUID } from 'node:crypto';
import {
  type ReceptorFields,
  type ReceptorGeometry,
  rowToReceptorBody,
  validateReceptor,
} from '../core/planning/receptor-schema.js';
import type { RawRow, RowError } from '../core/register/import/types.js';
import type { Db } from './db.js';

export interface StoredReceptor {
  id: string;
  kind: string;
  name: string;
  population: number | null;
  geometry: ReceptorGeometry;
  lon: number;
  lat: number;
  properties: Record<string, unknown>;
  createdAt: string;
}

interface ReceptorRow {
  id: string;
  kind: string;
  name: string;
  population: number | null;
  geometry: string;
  lon: number;
  lat: number;
  properties: string;
  created_at: string;
}

const COLUMNS = 'r.id, r.kind, r.name, r.population, r.geometry, r.lon, r.lat, r.properties, r.created_at';

const fromRow = (r: ReceptorRow): StoredReceptor => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  population: r.population,
  geometry: JSON.parse(r.geometry) as ReceptorGeometry,
  lon: r.lon,
  lat: r.lat,
  properties: JSON.parse(r.properties) as Record<string, unknown>,
  createdAt: r.created_at,
});

/** Writes receptors inside the caller's transaction (or its own); returns their new ids in order. */
export function insertReceptors(db: Db, receptors: readonly ReceptorFields[]): string[] {
  const insert =
    db.prepare(`INSERT INTO receptors (id, kind, name, population, geometry, lon, lat, properties, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const rtree = db.prepare(
    'INSERT INTO receptors_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)',
  );
  const now = new Date().toISOString();
  return db.transaction(() =>
    receptors.map((f) => {
      const id = randomUUID();
      const { lastInsertRowid } = insert.run(
        id,
        f.kind,
        f.name,
        f.population,
        JSON.stringify(f.geometry),
        f.lon,
        f.lat,
        JSON.stringify(f.properties),
        now,
      );
      const [w, s, e, n] = f.bbox;
      rtree.run(lastInsertRowid, w, e, s, n);
      return id;
    }),
  )();
}

export function getReceptor(db: Db, id: string): StoredReceptor | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM receptors r WHERE r.id = ?`).get(id) as
    | ReceptorRow
    | undefined;
  return row ? fromRow(row) : null;
}

export function deleteReceptor(db: Db, id: string): boolean {
  return db.transaction(() => {
    const row = db.prepare('SELECT rid FROM receptors WHERE id = ?').get(id) as { rid: number } | undefined;
    if (!row) return false;
    db.prepare('DELETE FROM receptors_rtree WHERE id = ?').run(row.rid);
    db.prepare('DELETE FROM receptors WHERE rid = ?').run(row.rid);
    return true;
  })();
}

export interface ReceptorQuery {
  /** [west, south, east, north]: receptors whose bounding box meets it. */
  bbox?: [number, number, number, number] | undefined;
  kinds?: readonly string[] | undefined;
  limit: number;
  offset?: number;
}

/** Receptors by bbox (R*Tree) and kind, in insertion order; `total` counts all matches. */
export function listReceptors(db: Db, q: ReceptorQuery): { total: number; items: StoredReceptor[] } {
  const where: string[] = [];
  const params: (number | string)[] = [];
  let from = 'receptors r';
  if (q.bbox) {
    from = 'receptors_rtree t CROSS JOIN receptors r ON r.rid = t.id';
    where.push('t.max_lon >= ? AND t.min_lon <= ? AND t.max_lat >= ? AND t.min_lat <= ?');
    params.push(q.bbox[0], q.bbox[2], q.bbox[1], q.bbox[3]);
  }
  if (q.kinds?.length) {
    where.push(`r.kind IN (${q.kinds.map(() => '?').join(', ')})`);
    params.push(...q.kinds);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT COUNT(*) FROM ${from} ${clause}`)
    .pluck()
    .get(...params) as number;
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM ${from} ${clause} ORDER BY r.rid LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset ?? 0) as ReceptorRow[];
  return { total, items: rows.map(fromRow) };
}

export interface ReceptorImportReport {
  dryRun: boolean;
  accepted: number;
  rejected: number;
  errors: RowError[];
  /** Ids of the stored receptors (empty on dry runs and refused imports). */
  ids: string[];
}

/**
 * Validates every row; stores all of them in one transaction only if none failed (and not a dry run),
 * or with `skipInvalid` the valid ones (still one transaction), the bad ones listed in `errors`.
 */
export function importReceptors(
  db: Db,
  rows: readonly RawRow[],
  parseErrors: readonly RowError[],
  options: { dryRun: boolean; defaultKind?: string | undefined; skipInvalid?: boolean },
): ReceptorImportReport {
  const errors: RowError[] = [...parseErrors];
  const rejected = new Set(parseErrors.map((e) => e.line));
  const accepted: ReceptorFields[] = [];
  for (const row of rows) {
    const geometry = row.footprint ?? { type: 'Point', coordinates: [row.lon, row.lat] };
    const checked = validateReceptor(rowToReceptorBody(row.props, geometry, options.defaultKind));
    if (checked.ok) {
      accepted.push(checked.fields);
      continue;
    }
    rejected.add(row.line);
    for (const issue of checked.issues)
      errors.push({ line: row.line, field: issue.path || undefined, message: issue.message });
  }
  errors.sort((a, b) => a.line - b.line);
  const report: ReceptorImportReport = {
    dryRun: options.dryRun,
    accepted: accepted.length,
    rejected: rejected.size,
    errors,
    ids: [],
  };
  const store = errors.length === 0 || options.skipInvalid === true;
  if (!options.dryRun && store && accepted.length > 0) report.ids = insertReceptors(db, accepted);
  return report;
}
