// An in-memory index of the register for bbox list queries: every site's list summary, a KD-tree of
// positions, and the filters and sort orders of the SQL query evaluated in memory (core/register/
// site-match.ts). It follows the database through the trigger-kept change counter (migration 015):
// before each use it re-reads only the sites written since, whichever connection wrote them.
import KDBush from 'kdbush';
import type { SiteFilter, SortKey } from '../core/register/site-filter.js';
import { type IndexedSite, indexedSite, siteMatcher, siteOrder } from '../core/register/site-match.js';
import type { SiteSummary } from '../core/register/site-record.js';
import type { Db } from './db.js';
import { registerGeneration, sitesChangedSince } from './register-changes.js';
import { SUMMARY_COLUMNS, type SummaryRow, toSummary } from './site-summary.js';

/** Changed sites are checked one by one until this many (or 1/16 of the register), then the tree is rebuilt. */
const MIN_DIRTY_BEFORE_REBUILD = 256;

interface IndexRow extends SummaryRow {
  created_at: string;
  search_text: string;
}

const SELECT = `SELECT ${SUMMARY_COLUMNS}, s.created_at, s.search_text FROM sites s
  LEFT JOIN site_derived d ON d.site_id = s.id`;

const toIndexed = (r: IndexRow): IndexedSite =>
  indexedSite(toSummary(r), {
    createdAt: r.created_at,
    annexIRaw: r.annex_i_hazardous,
    searchText: r.search_text,
  });

export interface SitePage {
  total: number;
  limit: number;
  offset: number;
  items: SiteSummary[];
}

export class SiteIndex {
  private generation = -1;
  private readonly live = new Map<string, IndexedSite>();
  /** The KD-tree over the sites as they were when it was built, and their ids by tree slot. */
  private tree: KDBush | null = null;
  private treeIds: string[] = [];
  /** Sites written since the tree was built: their tree slots are stale, they are checked one by one. */
  private readonly dirty = new Set<string>();
  /** Rebuilds (full reads) and patches so far; the tests and the benchmark read them. */
  readonly stats = { reloads: 0, patches: 0, treeBuilds: 0 };

  constructor(private readonly db: Db) {}

  get size(): number {
    return this.live.size;
  }

  /**
   * The page listSites would answer, or null when the index cannot answer now: inside a transaction
   * of this connection, whose uncommitted (and perhaps rolled-back) writes it must not take in.
   */
  list(f: SiteFilter & { sort: SortKey; limit: number; offset: number }): SitePage | null {
    if (!this.sync()) return null;
    const matches = siteMatcher(f);
    const found: IndexedSite[] = [];
    const consider = (e: IndexedSite | undefined) => {
      if (e && matches(e)) found.push(e);
    };
    if (f.bbox && this.tree) {
      const [w, s, e, n] = f.bbox;
      for (const slot of this.tree.range(w, s, e, n)) {
        const id = this.treeIds[slot] as string;
        if (!this.dirty.has(id)) consider(this.live.get(id));
      }
      for (const id of this.dirty) consider(this.live.get(id));
    } else {
      for (const e of this.live.values()) consider(e);
    }
    found.sort(siteOrder(f.sort));
    const items = found
      .slice(f.offset, f.offset + f.limit)
      .map((e) => ({ ...e.summary, location: { ...e.summary.location } }));
    return { total: found.length, limit: f.limit, offset: f.offset, items };
  }

  /** Brings the index up to the committed database; false inside a transaction of this connection. */
  private sync(): boolean {
    if (this.db.inTransaction) return false;
    const now = registerGeneration(this.db);
    if (now === this.generation) return true;
    // One read transaction: the counter, the change log and the rows come from the same snapshot.
    this.db.transaction(() => {
      const at = registerGeneration(this.db);
      if (this.generation < 0 || at < this.generation) this.reload();
      else this.patch(sitesChangedSince(this.db, this.generation));
      this.generation = at;
    })();
    return true;
  }

  private reload(): void {
    this.live.clear();
    this.dirty.clear();
    for (const r of this.db.prepare(SELECT).iterate() as Iterable<IndexRow>)
      this.live.set(r.id, toIndexed(r));
    this.buildTree();
    this.stats.reloads++;
  }

  private patch(ids: string[]): void {
    if (ids.length > this.live.size / 2 + 1000) {
      this.reload();
      return;
    }
    const read = this.db.prepare(`${SELECT} WHERE s.id IN (SELECT value FROM json_each(?))`);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = read.all(JSON.stringify(chunk)) as IndexRow[];
      for (const id of chunk) this.live.delete(id);
      for (const r of rows) this.live.set(r.id, toIndexed(r));
      for (const id of chunk) this.dirty.add(id);
    }
    this.stats.patches++;
    if (this.dirty.size > Math.max(MIN_DIRTY_BEFORE_REBUILD, this.live.size / 16)) this.buildTree();
  }

  private buildTree(): void {
    this.dirty.clear();
    this.treeIds = [...this.live.keys()];
    if (this.treeIds.length === 0) {
      this.tree = null;
      return;
    }
    const tree = new KDBush(this.treeIds.length);
    for (const id of this.treeIds) {
      const { lon, lat } = (this.live.get(id) as IndexedSite).summary.location;
      tree.add(lon, lat);
    }
    tree.finish();
    this.tree = tree;
    this.stats.treeBuilds++;
  }
}

const indexes = new WeakMap<Db, SiteIndex>();

/** The connection's site index, built on first use (a full read of the register). */
export function siteIndexFor(db: Db): SiteIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new SiteIndex(db);
    indexes.set(db, index);
  }
  return index;
}
