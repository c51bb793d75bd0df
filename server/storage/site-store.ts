// Writes and reads of the site register. Every write of a site recomputes its derived fields and
// records its history row in the same transaction; updates and deletes use optimistic concurrency on
// `version`; deletes are soft (the site moves to the recycle bin, restorable).
import { randomUUID } from 'node:crypto';
import { deriveSite } from '../core/register/derive.js';
import type { HydrologyProvider } from '../core/register/hydrology.js';
import type { SiteDerived, SiteFields, SiteRecord } from '../core/register/site-record.js';
import { nameKey, searchText } from '../core/register/text.js';
import type { Db } from './db.js';
import {
  binSite,
  type ChangeContext,
  getDeletedSite,
  recordChange,
  recordImport,
  UNATTRIBUTED,
  unbinSite,
} from './site-history.js';
import { positionColumns } from './site-positions.js';
import { readSites } from './site-read.js';

export type UpdateResult =
  | { ok: true; site: SiteRecord }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'conflict'; currentVersion: number };

export type DeleteResult =
  | { ok: true }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'conflict'; currentVersion: number };

export type RestoreResult =
  | { ok: true; site: SiteRecord }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'not_deleted' };

export function getSite(db: Db, id: string): SiteRecord | null {
  return readSites(db, [id])[0] ?? null;
}

/** A site to insert; the id is kept when given (seed file, re-imports), else a UUID is assigned. */
export type NewSite = SiteFields & { id?: string | undefined };

/**
 * Inserts sites (one transaction, all or none, each with its history row) and returns their ids in
 * order. With `change.importId` the import is recorded too and the rows are marked 'import'.
 */
export function insertSites(
  db: Db,
  hydrology: HydrologyProvider,
  sites: readonly NewSite[],
  now = new Date(),
  change: ChangeContext = UNATTRIBUTED,
): string[] {
  const stamp = now.toISOString();
  return db
    .transaction(() => {
      const ids = insertRows(db, hydrology, sites, now);
      if (change.importId) recordImport(db, change.importId, change, stamp, ids.length);
      ids.forEach((id, i) => {
        recordChange(db, change, {
          siteId: id,
          action: change.importId ? 'import' : 'create',
          at: stamp,
          version: 1,
          before: null,
          after: sites[i] as SiteFields,
        });
      });
      return ids;
    })
    .immediate();
}

/** The inserts themselves, without history (shared by insertSites and restoreSite). */
function insertRows(db: Db, hydrology: HydrologyProvider, sites: readonly NewSite[], now: Date): string[] {
  const stamp = now.toISOString();
  return db
    .transaction(() => {
      let rid = db.prepare('SELECT COALESCE(MAX(rid), 0) FROM sites').pluck().get() as number;
      const ids: string[] = [];
      const insert =
        db.prepare(`INSERT INTO sites (id, rid, name, name_local, search_text, name_key, kind, sector,
      operator, status, lon, lat, footprint, address, locality, receiving_river, notes, sources, created_at,
      updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
      const rtree = db.prepare(
        'INSERT INTO sites_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)',
      );
      for (const f of sites) {
        const id = f.id ?? randomUUID();
        // A new site with the id of a deleted one supersedes it: the bin copy could no longer be restored.
        if (f.id) unbinSite(db, id);
        rid += 1;
        insert.run(id, rid, ...fieldColumns(f), stamp, stamp);
        rtree.run(rid, f.location.lon, f.location.lon, f.location.lat, f.location.lat);
        writeChildren(db, id, f);
        writeDerived(db, id, deriveSite(f, hydrology, now));
        ids.push(id);
      }
      return ids;
      // IMMEDIATE: it reads MAX(rid) before writing, and a deferred read cannot wait for another process's writer.
    })
    .immediate();
}

export function createSite(
  db: Db,
  hydrology: HydrologyProvider,
  fields: SiteFields,
  change: ChangeContext = UNATTRIBUTED,
): SiteRecord {
  const [id] = insertSites(db, hydrology, [fields], new Date(), change);
  return getSite(db, id as string) as SiteRecord;
}

/**
 * Replaces a site's fields with `next(current)` if its version is still `expectedVersion`.
 * The version check is part of the UPDATE itself, so two concurrent writers cannot both win.
 */
export function updateSite(
  db: Db,
  hydrology: HydrologyProvider,
  id: string,
  expectedVersion: number,
  next: (current: SiteRecord) => SiteFields,
  now = new Date(),
  change: ChangeContext = UNATTRIBUTED,
): UpdateResult {
  return db
    .transaction((): UpdateResult => {
      const current = getSite(db, id);
      if (!current) return { ok: false, error: 'not_found' };
      if (current.version !== expectedVersion)
        return { ok: false, error: 'conflict', currentVersion: current.version };
      const f = next(current);
      const changed = db
        .prepare(`UPDATE sites SET name = ?, name_local = ?, search_text = ?, name_key = ?, kind = ?, sector = ?,
        operator = ?, status = ?, lon = ?, lat = ?, footprint = ?, address = ?, locality = ?, receiving_river = ?,
        notes = ?, sources = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`)
        .run(...fieldColumns(f), now.toISOString(), id, expectedVersion).changes;
      if (changed !== 1) return { ok: false, error: 'conflict', currentVersion: current.version };
      const rid = db.prepare('SELECT rid FROM sites WHERE id = ?').pluck().get(id) as number;
      db.prepare(
        'UPDATE sites_rtree SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ? WHERE id = ?',
      ).run(f.location.lon, f.location.lon, f.location.lat, f.location.lat, rid);
      db.prepare('DELETE FROM site_substances WHERE site_id = ?').run(id);
      db.prepare('DELETE FROM site_tmf WHERE site_id = ?').run(id);
      writeChildren(db, id, f);
      writeDerived(db, id, deriveSite(f, hydrology, now));
      recordChange(db, change, {
        siteId: id,
        action: 'update',
        at: now.toISOString(),
        version: expectedVersion + 1,
        before: current,
        after: f,
      });
      return { ok: true, site: getSite(db, id) as SiteRecord };
    })
    .immediate();
}

/**
 * Soft delete: the whole record moves to the recycle bin (sites_deleted) and out of the live tables,
 * so every list, export, trace and index ignores it; restoreSite brings it back.
 */
export function deleteSite(
  db: Db,
  id: string,
  expectedVersion: number,
  change: ChangeContext = UNATTRIBUTED,
  now = new Date(),
): DeleteResult {
  return db
    .transaction((): DeleteResult => {
      const row = db.prepare('SELECT rid, version FROM sites WHERE id = ?').get(id) as
        | { rid: number; version: number }
        | undefined;
      if (!row) return { ok: false, error: 'not_found' };
      if (row.version !== expectedVersion)
        return { ok: false, error: 'conflict', currentVersion: row.version };
      const site = getSite(db, id) as SiteRecord;
      const stamp = now.toISOString();
      binSite(db, site, change, stamp);
      const changed = db
        .prepare('DELETE FROM sites WHERE id = ? AND version = ?')
        .run(id, expectedVersion).changes;
      if (changed !== 1) throw new Error(`site ${id} changed inside its own delete transaction`);
      db.prepare('DELETE FROM sites_rtree WHERE id = ?').run(row.rid);
      recordChange(db, change, {
        siteId: id,
        action: 'delete',
        at: stamp,
        version: row.version,
        before: site,
        after: null,
      });
      return { ok: true };
    })
    .immediate();
}

/** Brings a soft-deleted site back under its id, one version past the one it was deleted at. */
export function restoreSite(
  db: Db,
  hydrology: HydrologyProvider,
  id: string,
  change: ChangeContext = UNATTRIBUTED,
  now = new Date(),
): RestoreResult {
  return db
    .transaction((): RestoreResult => {
      if (getSite(db, id)) return { ok: false, error: 'not_deleted' };
      const binned = getDeletedSite(db, id);
      if (!binned) return { ok: false, error: 'not_found' };
      const version = binned.version + 1;
      insertRows(db, hydrology, [{ ...fieldsOfRecord(binned), id }], now);
      db.prepare('UPDATE sites SET version = ?, created_at = ? WHERE id = ?').run(
        version,
        binned.createdAt,
        id,
      );
      unbinSite(db, id);
      const site = getSite(db, id) as SiteRecord;
      recordChange(db, change, {
        siteId: id,
        action: 'restore',
        at: now.toISOString(),
        version,
        before: null,
        after: site,
      });
      return { ok: true, site };
    })
    .immediate();
}

function fieldsOfRecord(r: SiteRecord): SiteFields {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, derived: _d, ...fields } = r;
  return fields;
}

/** Recomputes the derived fields of every site (after a network rebuild); one transaction. */
export function rederiveAll(db: Db, hydrology: HydrologyProvider, now = new Date()): number {
  return db.transaction(() => {
    const ids = db.prepare('SELECT id FROM sites ORDER BY rid').pluck().all() as string[];
    const CHUNK = 500;
    for (let i = 0; i < ids.length; i += CHUNK) {
      for (const site of readSites(db, ids.slice(i, i + CHUNK)))
        writeDerived(db, site.id, deriveSite(site, hydrology, now));
    }
    return ids.length;
  })();
}

export function countSites(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number;
}

/** Column values shared by INSERT and UPDATE, in the order both statements list them. */
function fieldColumns(f: SiteFields): (string | number | null)[] {
  return [
    f.name,
    f.nameLocal,
    searchText(f.name, f.nameLocal),
    nameKey(f.name),
    f.kind,
    f.sector,
    f.operator,
    f.status,
    f.location.lon,
    f.location.lat,
    f.footprint ? JSON.stringify(f.footprint) : null,
    f.address,
    f.locality,
    f.receivingRiver,
    f.notes,
    JSON.stringify(f.sources),
  ];
}

function writeChildren(db: Db, id: string, f: SiteFields): void {
  const sub =
    db.prepare(`INSERT INTO site_substances (site_id, ord, name, cas, annex_i_category, quantity_tonnes,
    wgk, estimate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  f.substances.forEach((s, ord) => {
    sub.run(id, ord, s.name, s.casNumber, s.annexICategory, s.quantityTonnes, s.wgk, s.estimate ? 1 : 0);
  });
  if (f.tmf)
    db.prepare('INSERT INTO site_tmf (site_id, attributes) VALUES (?, ?)').run(id, JSON.stringify(f.tmf));
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

function writeDerived(db: Db, id: string, d: SiteDerived): void {
  db.prepare(`INSERT OR REPLACE INTO site_derived (site_id, country_iso3, country_name, basin_id, basin_name,
    outlet_name, outlet_kind, river, snap_distance_km, downstream_countries, km_to_first_border,
    distance_to_border_km, annex_i, annex_i_hazardous, wri, wri_class, wri_breakdown, thi, thi_class, thi_breakdown,
    derived_at, reach_id, reach_offset_km, tree_pre, country_entries)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id,
    d.countryIso3,
    d.countryName,
    d.basinId,
    d.basinName,
    d.outletName,
    d.outletKind,
    d.river,
    d.snapDistanceKm,
    JSON.stringify(d.downstreamCountries),
    d.kmToFirstBorder,
    d.distanceToBorderKm,
    json(d.annexI),
    d.annexIHazardous ? 1 : 0,
    d.wri,
    d.wriClass,
    json(d.wriBreakdown),
    d.thi,
    d.thiClass,
    json(d.thiBreakdown),
    d.derivedAt,
    ...positionColumns(d.position ?? null),
  );
}
