import { gunzipSync, gzipSync } from 'node:zlib';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Grid } from '../core/network/catchment-raster.js';
import { buildDrainageRaster, DrainageAreas, type DrainageRaster } from '../core/trace/drainage-areas.js';
import type { RiverNetwork } from '../core/trace/river-network.js';
import type { Db } from './db.js';
import { readReferenceFile } from './reference-data.js';

const CACHE_KEY = 'drainage-labels.v1';

interface LakeRow {
  id: number;
  name: string | null;
  geometry: string;
}

/** Terminal lakes under the names their outlets carry (data/terminal-lakes.json), in id order. */
function terminalLakes(db: Db): { id: number; name: string; geometry: Polygon | MultiPolygon }[] {
  const entries = readReferenceFile('terminal-lakes.json').lakes;
  const canonical = (name: string) =>
    entries.find((e) => e.match.some((m) => m.toLowerCase() === name.toLowerCase()))?.name ?? name;
  const rows = db
    .prepare('SELECT id, name, geometry FROM geo_lakes WHERE terminal = 1 ORDER BY id')
    .all() as LakeRow[];
  return rows.map((r) => ({
    id: r.id,
    name: canonical(r.name ?? 'Terminal lake'),
    geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon,
  }));
}

export function loadDrainageAreas(db: Db, network: RiverNetwork, builtAt: string): DrainageAreas {
  const lakes = terminalLakes(db);
  db.exec(
    'CREATE TABLE IF NOT EXISTS map_cache (key TEXT PRIMARY KEY, built_at TEXT NOT NULL, body BLOB NOT NULL)',
  );
  const row = db.prepare('SELECT built_at, body FROM map_cache WHERE key = ?').get(CACHE_KEY) as
    | { built_at: string; body: Buffer }
    | undefined;
  if (row && row.built_at === builtAt) {
    const cached = decode(row.body, lakes);
    if (cached) return new DrainageAreas(cached);
  }
  const land = (db.prepare('SELECT geometry FROM geo_countries').all() as { geometry: string }[]).map(
    (r) => JSON.parse(r.geometry) as Polygon | MultiPolygon,
  );
  const raster = buildDrainageRaster({ reaches: network.reaches, land, lakes });
  db.prepare(
    'INSERT INTO map_cache (key, built_at, body) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET built_at = excluded.built_at, body = excluded.body',
  ).run(CACHE_KEY, builtAt, encode(raster));
  return new DrainageAreas(raster);
}

/** Header (grid and lake labels as JSON, length-prefixed), then the labels as little-endian int32. */
function encode(r: DrainageRaster): Buffer {
  const header = Buffer.from(JSON.stringify({ grid: r.grid, lakeLabels: r.lakes.map((l) => l.label) }));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  return gzipSync(
    Buffer.concat([len, header, Buffer.from(r.labels.buffer, r.labels.byteOffset, r.labels.byteLength)]),
  );
}

function decode(
  body: Buffer,
  lakes: { name: string; geometry: Polygon | MultiPolygon }[],
): DrainageRaster | null {
  const raw = gunzipSync(body);
  const n = raw.readUInt32LE(0);
  const { grid, lakeLabels } = JSON.parse(raw.subarray(4, 4 + n).toString('utf8')) as {
    grid: Grid;
    lakeLabels: number[];
  };
  if (lakeLabels.length !== lakes.length) return null;
  const bytes = raw.subarray(4 + n);
  const labels = new Int32Array(bytes.length / 4);
  new Uint8Array(labels.buffer).set(bytes);
  return { grid, labels, lakes: lakes.map((l, i) => ({ ...l, label: lakeLabels[i]! })) };
}
