// The register's list filters and sort orders evaluated in memory, with exactly the semantics of the
// SQL in server/storage/site-query.ts (SQLite's BINARY and NOCASE collations, NULLs, LIKE), so the
// in-memory site index answers what the database would.
import type { SiteFilter, SortKey } from './site-filter.js';
import type { SiteSummary } from './site-record.js';
import { foldText } from './text.js';

/** A site as the in-memory index holds it: its list summary plus the keys its filters compare. */
export interface IndexedSite {
  summary: SiteSummary;
  createdAt: string;
  /** site_derived.annex_i_hazardous as stored (NULL without a derived row). */
  annexIRaw: number | null;
  /** The NOCASE keys: ASCII letters lower-cased, nothing else changed. */
  nameKey: string;
  sectorKey: string | null;
  basinNameKey: string | null;
  /** sites.search_text with ASCII lower-cased, as LIKE compares it. */
  searchKey: string;
}

/** SQLite's NOCASE folds ASCII A–Z only (sqlite3StrICmp); toLowerCase would fold far more. */
export function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
}

/**
 * SQLite's BINARY order: memcmp of UTF-8, i.e. code point order. JavaScript compares UTF-16 code
 * units, which differs only where a surrogate (a code point above U+FFFF) meets U+E000–U+FFFF.
 */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

export function indexedSite(summary: SiteSummary, row: IndexedSiteExtras): IndexedSite {
  return {
    summary,
    createdAt: row.createdAt,
    annexIRaw: row.annexIRaw,
    nameKey: asciiLower(summary.name),
    sectorKey: summary.sector === null ? null : asciiLower(summary.sector),
    basinNameKey: summary.basinName === null ? null : asciiLower(summary.basinName),
    searchKey: asciiLower(row.searchText),
  };
}

export interface IndexedSiteExtras {
  createdAt: string;
  annexIRaw: number | null;
  searchText: string;
}

/** A filter compiled once per query: sets for the IN lists, the folded search text. */
export type SiteMatcher = (site: IndexedSite) => boolean;

export function siteMatcher(f: SiteFilter): SiteMatcher {
  const kinds = f.kind ? new Set(f.kind) : null;
  const sectors = f.sector ? new Set(f.sector.map(asciiLower)) : null;
  const statuses = f.status ? new Set(f.status) : null;
  const countries = f.country ? new Set(f.country) : null;
  const basinId = f.basin !== undefined && /^\d+$/.test(f.basin) ? Number(f.basin) : null;
  const basinKey = f.basin === undefined ? null : asciiLower(f.basin);
  // LIKE '%…%' with the folded query, ASCII case-insensitive (server/core/register/text.ts likeContains).
  const qKey = f.q === undefined ? null : asciiLower(foldText(f.q));
  const annex = f.annexI === undefined ? null : f.annexI ? 1 : 0;
  const bbox = f.bbox;
  return (e) => {
    const s = e.summary;
    if (bbox) {
      const { lon, lat } = s.location;
      if (!(lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3])) return false;
    }
    if (kinds && !kinds.has(s.kind)) return false;
    if (sectors && (e.sectorKey === null || !sectors.has(e.sectorKey))) return false;
    if (statuses && (s.status === null || !statuses.has(s.status))) return false;
    if (countries && (s.countryIso3 === null || !countries.has(s.countryIso3))) return false;
    if (basinKey !== null) {
      const byId = basinId !== null && s.basinId === basinId;
      if (!byId && e.basinNameKey !== basinKey) return false;
    }
    if (f.minWri !== undefined && !(s.wri !== null && s.wri >= f.minWri)) return false;
    if (f.minThi !== undefined && !(s.thi !== null && s.thi >= f.minThi)) return false;
    if (annex !== null && (e.annexIRaw ?? 0) !== annex) return false;
    if (qKey !== null && !e.searchKey.includes(qKey)) return false;
    return true;
  };
}

const byNameThenId = (a: IndexedSite, b: IndexedSite) =>
  compareBinary(a.nameKey, b.nameKey) || compareBinary(a.summary.id, b.summary.id);

/** NULLs last whatever the direction (orderBy's `X IS NULL` key), then the value in `dir`. */
function nullsLast<T>(get: (e: IndexedSite) => T | null, cmp: (a: T, b: T) => number, dir: number) {
  return (a: IndexedSite, b: IndexedSite) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return dir * cmp(x, y);
  };
}

/** The ORDER BY of site-query.ts orderBy(sort), including its tie-breaks (name NOCASE, then id). */
export function siteOrder(sort: SortKey): (a: IndexedSite, b: IndexedSite) => number {
  const dir = sort.startsWith('-') ? -1 : 1;
  const key = sort.replace(/^-/, '');
  const num = (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0);
  const first: (a: IndexedSite, b: IndexedSite) => number =
    key === 'wri'
      ? nullsLast((e) => e.summary.wri, num, dir)
      : key === 'thi'
        ? nullsLast((e) => e.summary.thi, num, dir)
        : key === 'country'
          ? nullsLast((e) => e.summary.countryIso3, compareBinary, dir)
          : key === 'updated'
            ? (a, b) => dir * compareBinary(a.summary.updatedAt, b.summary.updatedAt)
            : key === 'created'
              ? (a, b) => dir * compareBinary(a.createdAt, b.createdAt)
              : (a, b) => dir * compareBinary(a.nameKey, b.nameKey);
  return (a, b) => first(a, b) || byNameThenId(a, b);
}
