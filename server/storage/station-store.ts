// Monitoring and warning stations: writes place each station on the network (river, river km, reach)
// in the same statement; the start-up sync re-places them when the network was rebuilt.
import { randomUUID } from 'node:crypto';
import type { PlacedStation } from '../core/plans/notifications.js';
import { placeStation } from '../core/plans/river-km.js';
import type { StationFields, StationKind, StationRecord } from '../core/plans/station-schema.js';
import type { AnchoredChainage } from '../core/trace/river-km.js';
import type { RiverNetwork } from '../core/trace/river-network.js';
import type { Db } from './db.js';

interface StationRow {
  id: string;
  name: string;
  kind: StationKind;
  lon: number;
  lat: number;
  country: string | null;
  operator: string | null;
  river_hint: string | null;
  body: string;
  river: string | null;
  river_km: number | null;
  reach_id: number | null;
  reach_offset_km: number | null;
  snap_distance_km: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

type BodyFields = Pick<StationFields, 'measures' | 'publishedRiverKm' | 'code' | 'sources'>;

const toRecord = (r: StationRow): StationRecord => {
  const body = JSON.parse(r.body) as BodyFields;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    lon: r.lon,
    lat: r.lat,
    country: r.country,
    operator: r.operator,
    riverHint: r.river_hint,
    measures: body.measures,
    publishedRiverKm: body.publishedRiverKm,
    code: body.code,
    sources: body.sources,
    river: r.river,
    riverKm: r.river_km,
    reachId: r.reach_id,
    reachOffsetKm: r.reach_offset_km,
    snapDistanceKm: r.snap_distance_km,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

export function getStation(db: Db, id: string): StationRecord | null {
  const row = db.prepare('SELECT * FROM stations WHERE id = ?').get(id) as StationRow | undefined;
  return row ? toRecord(row) : null;
}

export interface StationFilter {
  kind?: StationKind[] | undefined;
  country?: string | undefined;
  bbox?: [number, number, number, number] | undefined;
  limit: number;
  offset: number;
}

export function listStations(
  db: Db,
  f: StationFilter,
): { total: number; limit: number; offset: number; items: StationRecord[] } {
  // One fixed statement: each filter is a bound parameter that is NULL when not given.
  const FILTER = `WHERE (@kind IS NULL OR kind IN (SELECT value FROM json_each(@kind)))
    AND (@country IS NULL OR country = @country)
    AND (@w IS NULL OR (lon BETWEEN @w AND @e AND lat BETWEEN @s AND @n))`;
  const [w, s, e, n] = f.bbox ?? [null, null, null, null];
  const args = {
    kind: f.kind?.length ? JSON.stringify(f.kind) : null,
    country: f.country ?? null,
    w,
    s,
    e,
    n,
  };
  const total = db.prepare(`SELECT COUNT(*) FROM stations ${FILTER}`).pluck().get(args) as number;
  const rows = db
    .prepare(`SELECT * FROM stations ${FILTER} ORDER BY name, id LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: f.limit, offset: f.offset }) as StationRow[];
  return { total, limit: f.limit, offset: f.offset, items: rows.map(toRecord) };
}

/** Inserts stations (one transaction, all or none), each placed on the network; returns their ids. */
export function insertStations(
  db: Db,
  net: RiverNetwork,
  builtAt: string | null,
  stations: readonly (StationFields & { id?: string | undefined })[],
  chainage: AnchoredChainage | null,
  now = new Date(),
): string[] {
  const stamp = now.toISOString();
  const insert =
    db.prepare(`INSERT INTO stations (id, name, kind, lon, lat, country, operator, river_hint, body,
    river, river_km, reach_id, reach_offset_km, snap_distance_km, network_built_at, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  return db
    .transaction(() =>
      stations.map((s) => {
        const id = s.id ?? randomUUID();
        const p = placeStation(net, s.lon, s.lat, s.riverHint, chainage);
        const body: BodyFields = {
          measures: s.measures,
          publishedRiverKm: s.publishedRiverKm,
          code: s.code,
          sources: s.sources,
        };
        insert.run(
          id,
          s.name,
          s.kind,
          s.lon,
          s.lat,
          s.country,
          s.operator,
          s.riverHint,
          JSON.stringify(body),
          p.river,
          p.riverKm,
          p.reachId,
          p.reachOffsetKm,
          p.snapDistanceKm,
          builtAt,
          stamp,
          stamp,
        );
        return id;
      }),
    )
    .immediate();
}

export const stationExists = (db: Db, id: string): boolean =>
  db.prepare('SELECT 1 FROM stations WHERE id = ?').get(id) !== undefined;

/** Stations on any of the given reaches (the trace's main path), with their place. */
export function stationsOnReaches(db: Db, reachIds: readonly number[]): PlacedStation[] {
  const rows = db
    .prepare(
      'SELECT id, name, kind, river, river_km, country, lon, lat, reach_id, reach_offset_km FROM stations WHERE reach_id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(reachIds)) as {
    id: string;
    name: string;
    kind: StationKind;
    river: string | null;
    river_km: number | null;
    country: string | null;
    lon: number;
    lat: number;
    reach_id: number;
    reach_offset_km: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    river: r.river,
    riverKm: r.river_km,
    country: r.country,
    lon: r.lon,
    lat: r.lat,
    reachId: r.reach_id,
    reachOffsetKm: r.reach_offset_km,
  }));
}

/** Re-places every station placed on another network build (reach ids change with a rebuild). */
export function syncStationPlaces(
  db: Db,
  net: RiverNetwork,
  builtAt: string | null,
  chainage: AnchoredChainage | null,
): number {
  return db.transaction(() => {
    const stale = db
      .prepare(
        'SELECT id, lon, lat, river_hint FROM stations WHERE network_built_at IS NOT ? OR reach_id >= ?',
      )
      .all(builtAt, net.reaches.length) as {
      id: string;
      lon: number;
      lat: number;
      river_hint: string | null;
    }[];
    const set = db.prepare(
      'UPDATE stations SET river = ?, river_km = ?, reach_id = ?, reach_offset_km = ?, snap_distance_km = ?, network_built_at = ? WHERE id = ?',
    );
    for (const s of stale) {
      const p = placeStation(net, s.lon, s.lat, s.river_hint, chainage);
      set.run(p.river, p.riverKm, p.reachId, p.reachOffsetKm, p.snapDistanceKm, builtAt, s.id);
    }
    return stale.length;
  })();
}
