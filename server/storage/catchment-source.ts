// Assembles the approximate basin catchments from the loaded network and the country polygons in the
// database. Computing them takes about a second, so the gzipped GeoJSON is cached in the database file,
// keyed by the network build it came from (a rebuild of the geography invalidates it).
import { gzipSync } from 'node:zlib';
import type { MultiPolygon, Polygon } from 'geojson';
import { buildCatchments, type CatchmentCollection } from '../core/network/catchments.js';
import { findDelta } from '../core/network/delta.js';
import type { RiverNetwork } from '../core/trace/river-network.js';
import type { Db } from './db.js';

/** Basins listed and drawn (the same threshold as GET /api/basins). */
export const CATCHMENT_MIN_KM = 100;
/** Basins whose delta is drawn as a catchment of its own, with the name it is drawn under. */
export const NAMED_DELTAS: readonly { basin: string; name: string }[] = [
  { basin: 'Danube', name: 'Danube Delta' },
];

export function computeCatchments(db: Db, network: RiverNetwork): CatchmentCollection {
  const land = (db.prepare('SELECT geometry FROM geo_countries').all() as { geometry: string }[]).map(
    (r) => JSON.parse(r.geometry) as Polygon | MultiPolygon,
  );
  const basins = [...network.basins.values()].filter((b) => b.lengthKm >= CATCHMENT_MIN_KM);
  const deltas = NAMED_DELTAS.flatMap((d) => {
    const basin = basins.find((b) => b.name === d.basin);
    const delta = basin ? findDelta(network, basin.id) : null;
    return basin && delta ? [{ basinId: basin.id, name: d.name, reachIds: delta.reachIds }] : [];
  });
  return buildCatchments({ reaches: network.reaches, basins, land, deltas });
}

const CACHE_KEY = 'catchments.geojson.gz';

/** The catchments as gzipped GeoJSON: from the cache table when it matches this build, else computed and stored. */
export function catchmentsGz(db: Db, network: RiverNetwork, builtAt: string): Buffer {
  db.exec(
    'CREATE TABLE IF NOT EXISTS map_cache (key TEXT PRIMARY KEY, built_at TEXT NOT NULL, body BLOB NOT NULL)',
  );
  const row = db.prepare('SELECT built_at, body FROM map_cache WHERE key = ?').get(CACHE_KEY) as
    | { built_at: string; body: Buffer }
    | undefined;
  if (row && row.built_at === builtAt) return row.body;
  const body = gzipSync(JSON.stringify(computeCatchments(db, network)));
  db.prepare(
    'INSERT INTO map_cache (key, built_at, body) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET built_at = excluded.built_at, body = excluded.body',
  ).run(CACHE_KEY, builtAt, body);
  return body;
}
