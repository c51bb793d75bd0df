// The site register's audit trail and recycle bin: one history row per change, written by the site
// store inside the same transaction as the change; soft-deleted sites kept whole until restored.
import { type Actor, actorLabel } from '../auth/roles.js';
import type { SiteFields, SiteRecord } from '../core/register/site-record.js';
import type { Db } from './db.js';

export type HistoryAction = 'create' | 'update' | 'delete' | 'restore' | 'import';

/** Who makes a change and, for imports, which import it belongs to. */
export interface ChangeContext {
  actor: Actor;
  importId?: string | undefined;
}

/** Changes made without a context (build-time seeding, benchmarks) are attributed to the system. */
export const UNATTRIBUTED: ChangeContext = { actor: { kind: 'system', label: 'unattributed' } };

export interface HistoryEntry {
  id: number;
  siteId: string;
  action: HistoryAction;
  at: string;
  actor: string;
  userId: number | null;
  tokenId: number | null;
  importId: string | null;
  /** The site's version after the change (before it, for a delete). */
  version: number | null;
  before: SiteFields | null;
  after: SiteFields | null;
}

export interface DeletedSite {
  id: string;
  name: string;
  kind: SiteFields['kind'];
  location: { lon: number; lat: number };
  version: number;
  deletedAt: string;
  deletedBy: string;
}

const FIELD_KEYS = [
  'name',
  'nameLocal',
  'kind',
  'sector',
  'operator',
  'status',
  'location',
  'footprint',
  'address',
  'locality',
  'receivingRiver',
  'notes',
  'sources',
  'substances',
  'tmf',
] as const satisfies readonly (keyof SiteFields)[];

/** The user-entered fields of a site or record, in a fixed key order (what history compares). */
export function fieldsOf(s: SiteFields): SiteFields {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, s[k] ?? null])) as unknown as SiteFields;
}

export function recordChange(
  db: Db,
  c: ChangeContext,
  e: {
    siteId: string;
    action: HistoryAction;
    at: string;
    version: number | null;
    before: SiteFields | null;
    after: SiteFields | null;
  },
): void {
  const a = c.actor;
  db.prepare(`INSERT INTO site_history (site_id, action, at, actor, user_id, token_id, import_id, version, before, after)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.siteId,
    e.action,
    e.at,
    actorLabel(a),
    a.kind === 'user' || a.kind === 'token' ? a.userId : null,
    a.kind === 'token' ? a.tokenId : null,
    c.importId ?? null,
    e.version,
    e.before ? JSON.stringify(fieldsOf(e.before)) : null,
    e.after ? JSON.stringify(fieldsOf(e.after)) : null,
  );
}

/** Records an import (before its sites' history rows, which refer to it). */
export function recordImport(db: Db, id: string, c: ChangeContext, at: string, siteCount: number): void {
  // A streamed import stores its sites in batches under one id: later batches add to the count.
  db.prepare(
    `INSERT INTO site_imports (id, actor, at, site_count) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET site_count = site_count + excluded.site_count`,
  ).run(id, actorLabel(c.actor), at, siteCount);
}

interface HistoryRow {
  id: number;
  site_id: string;
  action: HistoryAction;
  at: string;
  actor: string;
  user_id: number | null;
  token_id: number | null;
  import_id: string | null;
  version: number | null;
  before: string | null;
  after: string | null;
}

/** A site's history, oldest first (also for deleted sites, whose history is kept). */
export function siteHistory(db: Db, siteId: string): HistoryEntry[] {
  const rows = db
    .prepare('SELECT * FROM site_history WHERE site_id = ? ORDER BY id')
    .all(siteId) as HistoryRow[];
  return rows.map((r) => ({
    id: r.id,
    siteId: r.site_id,
    action: r.action,
    at: r.at,
    actor: r.actor,
    userId: r.user_id,
    tokenId: r.token_id,
    importId: r.import_id,
    version: r.version,
    before: r.before === null ? null : (JSON.parse(r.before) as SiteFields),
    after: r.after === null ? null : (JSON.parse(r.after) as SiteFields),
  }));
}

/** Site fields whose old values an admin may purge from history (the location and kind stay). */
export const PURGEABLE_FIELDS = [
  'name',
  'nameLocal',
  'operator',
  'address',
  'locality',
  'notes',
  'sources',
  'substances',
  'tmf',
  'footprint',
] as const satisfies readonly (typeof FIELD_KEYS)[number][];
export type PurgeableField = (typeof PURGEABLE_FIELDS)[number];

/** What a purged value is replaced with, so the history still shows that the field changed. */
export const PURGED = '[purged]';

/**
 * Replaces `field` in every history row of a site (before and after) and in its recycle-bin record with
 * PURGED, in one transaction; returns how many history rows held a value. The live site is not touched:
 * editing it is how its current value changes.
 */
export function purgeHistoryField(db: Db, siteId: string, field: PurgeableField): number {
  return db
    .transaction(() => {
      const rows = db.prepare('SELECT id, before, after FROM site_history WHERE site_id = ?').all(siteId) as {
        id: number;
        before: string | null;
        after: string | null;
      }[];
      let touched = 0;
      const scrub = (json: string | null): string | null => {
        if (json === null) return null;
        const o = JSON.parse(json) as Record<string, unknown>;
        if (o[field] === null || o[field] === undefined) return json;
        o[field] = PURGED;
        return JSON.stringify(o);
      };
      const update = db.prepare('UPDATE site_history SET before = ?, after = ? WHERE id = ?');
      for (const r of rows) {
        const before = scrub(r.before);
        const after = scrub(r.after);
        if (before !== r.before || after !== r.after) {
          update.run(before, after, r.id);
          touched += 1;
        }
      }
      const binned = db.prepare('SELECT record FROM sites_deleted WHERE id = ?').pluck().get(siteId) as
        | string
        | undefined;
      const scrubbed = binned === undefined ? null : scrub(binned);
      if (binned !== undefined && scrubbed !== binned)
        db.prepare('UPDATE sites_deleted SET record = ? WHERE id = ?').run(scrubbed, siteId);
      return touched;
    })
    .immediate();
}

/** Puts a site in the recycle bin (the caller then removes it from the live tables). */
export function binSite(db: Db, site: SiteRecord, c: ChangeContext, at: string): void {
  db.prepare(
    'INSERT OR REPLACE INTO sites_deleted (id, record, version, created_at, deleted_at, deleted_by) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(site.id, JSON.stringify(site), site.version, site.createdAt, at, actorLabel(c.actor));
}

/** A soft-deleted site as it was when deleted, with when and by whom. */
export function getDeletedSite(
  db: Db,
  id: string,
): (SiteRecord & { deleted: { at: string; by: string } }) | null {
  const row = db.prepare('SELECT record, deleted_at, deleted_by FROM sites_deleted WHERE id = ?').get(id) as
    | { record: string; deleted_at: string; deleted_by: string }
    | undefined;
  if (!row) return null;
  return { ...(JSON.parse(row.record) as SiteRecord), deleted: { at: row.deleted_at, by: row.deleted_by } };
}

export function unbinSite(db: Db, id: string): void {
  db.prepare('DELETE FROM sites_deleted WHERE id = ?').run(id);
}

/** Soft-deleted sites, most recently deleted first. */
export function listDeletedSites(db: Db, limit: number, offset = 0): { total: number; items: DeletedSite[] } {
  const total = db.prepare('SELECT COUNT(*) FROM sites_deleted').pluck().get() as number;
  const rows = db
    .prepare(
      'SELECT record, version, deleted_at, deleted_by FROM sites_deleted ORDER BY deleted_at DESC, id LIMIT ? OFFSET ?',
    )
    .all(limit, offset) as { record: string; version: number; deleted_at: string; deleted_by: string }[];
  return {
    total,
    items: rows.map((r) => {
      const s = JSON.parse(r.record) as SiteRecord;
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        location: s.location,
        version: r.version,
        deletedAt: r.deleted_at,
        deletedBy: r.deleted_by,
      };
    }),
  };
}
