// Filtered, sorted, paged reads of the register. A bbox query is answered by the in-memory site index
// (site-index.ts) when it can; in SQL a bbox always drives the query through the sites_rtree R*Tree
// (CROSS JOIN fixes the join order) so it never degrades into a table scan.

import type BetterSqlite3 from 'better-sqlite3';
import type { SiteFilter, SortKey } from '../core/register/site-filter.js';
import type { SiteSummary } from '../core/register/site-record.js';
import { likeContains } from '../core/register/text.js';
import type { Db } from './db.js';
import { siteIndexFor } from './site-index.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './site-summary.js';

type Statement = BetterSqlite3.Statement<unknown[]>;
/** Prepared statements by SQL text, per connection: compiling the joins cost more than running them. */
const statements = new WeakMap<Db, Map<string, Statement>>();
function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let st = cache.get(sql);
  if (!st) {
    st = db.prepare(sql);
    if (cache.size > 500) cache.clear();
    cache.set(sql, st);
  }
  return st;
}

export interface BuiltFilter {
  from: string;
  where: string;
  params: (string | number)[];
}

/** `useIndex: false` exists only for the benchmark: the same bbox as a plain lon/lat range scan. */
export function buildFilter(f: SiteFilter, options: { useIndex?: boolean } = {}): BuiltFilter {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  let from = 'sites s LEFT JOIN site_derived d ON d.site_id = s.id';
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    if (options.useIndex ?? true) {
      from = 'sites_rtree r CROSS JOIN sites s ON s.rid = r.id LEFT JOIN site_derived d ON d.site_id = s.id';
      clauses.push('r.max_lon >= ? AND r.min_lon <= ? AND r.max_lat >= ? AND r.min_lat <= ?');
      params.push(w, e, s, n);
    }
    // The rtree stores 32-bit floats rounded outwards; the exact test keeps the box edges precise.
    clauses.push('s.lon BETWEEN ? AND ? AND s.lat BETWEEN ? AND ?');
    params.push(w, e, s, n);
  }
  const inList = (column: string, values: string[] | undefined, collate = '') => {
    if (!values) return;
    clauses.push(`${column}${collate} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('s.kind', f.kind);
  inList('s.sector', f.sector, ' COLLATE NOCASE');
  inList('s.status', f.status);
  inList('d.country_iso3', f.country);
  if (f.basin !== undefined) {
    if (/^\d+$/.test(f.basin)) {
      clauses.push('(d.basin_id = ? OR d.basin_name = ? COLLATE NOCASE)');
      params.push(Number(f.basin), f.basin);
    } else {
      clauses.push('d.basin_name = ? COLLATE NOCASE');
      params.push(f.basin);
    }
  }
  if (f.minWri !== undefined) {
    clauses.push('d.wri >= ?');
    params.push(f.minWri);
  }
  if (f.minThi !== undefined) {
    clauses.push('d.thi >= ?');
    params.push(f.minThi);
  }
  if (f.annexI !== undefined) {
    clauses.push('COALESCE(d.annex_i_hazardous, 0) = ?');
    params.push(f.annexI ? 1 : 0);
  }
  if (f.q !== undefined) {
    clauses.push("s.search_text LIKE ? ESCAPE '\\'");
    params.push(likeContains(f.q));
  }
  return { from, where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** ORDER BY for a sort key; nulls always last, id as the final tie-break so paging is stable. */
export function orderBy(sort: SortKey): string {
  const desc = sort.startsWith('-');
  const dir = desc ? 'DESC' : 'ASC';
  const key = desc ? sort.slice(1) : sort;
  const col: Record<string, string> = {
    name: 's.name COLLATE NOCASE',
    wri: 'd.wri',
    thi: 'd.thi',
    updated: 's.updated_at',
    created: 's.created_at',
    country: 'd.country_iso3',
  };
  const c = col[key] ?? 's.name COLLATE NOCASE';
  const nullsLast =
    key === 'name' || key === 'updated' || key === 'created' ? '' : `${c.split(' ')[0]} IS NULL, `;
  return `ORDER BY ${nullsLast}${c} ${dir}, s.name COLLATE NOCASE ASC, s.id ASC`;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/**
 * `memoryIndex: false` (benchmark and tests only) answers a bbox query from SQL even though the
 * in-memory site index (site-index.ts) would answer it, the same page either way.
 */
export function listSites(
  db: Db,
  f: SiteFilter & { sort: SortKey; limit: number; offset: number },
  options: { useIndex?: boolean; memoryIndex?: boolean } = {},
): Page<SiteSummary> {
  if (f.bbox && (options.useIndex ?? true) && (options.memoryIndex ?? true)) {
    const page = siteIndexFor(db).list(f);
    if (page) return page;
  }
  const { from, where, params } = buildFilter(f, options);
  // site_derived has one row per site at most, so the count needs the join only when a filter reads it.
  const countFrom = /\bd\./.test(where)
    ? from
    : from.replace(' LEFT JOIN site_derived d ON d.site_id = s.id', '');
  const total = prepared(db, `SELECT COUNT(*) FROM ${countFrom} ${where}`)
    .pluck()
    .get(...params) as number;
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM ${from} ${where} ${orderBy(f.sort)} LIMIT ? OFFSET ?`,
  ).all(...params, f.limit, f.offset) as SummaryRow[];
  return { total, limit: f.limit, offset: f.offset, items: rows.map(toSummary) };
}

/** Ids of every matching site in sort order (exports load the full records in chunks). */
export function matchingIds(db: Db, f: SiteFilter & { sort: SortKey }): string[] {
  const { from, where, params } = buildFilter(f);
  return db
    .prepare(`SELECT s.id FROM ${from} ${where} ${orderBy(f.sort)}`)
    .pluck()
    .all(...params) as string[];
}

/** Every live site as the list shows it, by id (the vector tiles hold the whole register at once). */
export function allSiteSummaries(db: Db): SiteSummary[] {
  const rows = prepared(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM sites s LEFT JOIN site_derived d ON d.site_id = s.id ORDER BY s.id`,
  ).all() as SummaryRow[];
  return rows.map(toSummary);
}
