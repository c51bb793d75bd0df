// Loads the routed network and country names from SQLite into the in-memory tracing model.
import type { CountryRun } from '../core/network/country-runs.js';
import type { NameSource } from '../core/network/river-names.js';
import type { OutletKind, ReachClass } from '../core/network/types.js';
import {
  type BasinInfo,
  type CountryInfo,
  type NetworkOutlet,
  RiverNetwork,
} from '../core/trace/river-network.js';
import type { Db } from './db.js';

interface ReachRow {
  id: number;
  from_node: number;
  to_node: number;
  name: string | null;
  name_alt: string;
  name_local: string | null;
  name_ru: string | null;
  name_source: NameSource;
  arm: number;
  featurecla: ReachClass;
  scalerank: number;
  length_km: number;
  coords: Buffer;
  country_runs: string;
  country: string | null;
  basin_id: number;
  source_id: number | null;
  discharge_m3s: number | null;
}

export class NetworkMissingError extends Error {}

export function loadNetwork(db: Db): RiverNetwork {
  const rows = db.prepare('SELECT * FROM net_reaches ORDER BY id').all() as ReachRow[];
  if (rows.length === 0) {
    throw new NetworkMissingError('The database has no river network. Run `npm run build:db` first.');
  }
  const nodeCount = (db.prepare('SELECT COUNT(*) FROM net_nodes').pluck().get() as number) ?? 0;
  const reaches = rows.map((r, i) => {
    if (r.id !== i) throw new Error(`Reach ids must be dense; found ${r.id} at ${i}`);
    // Copy: the Buffer's memory may be shared and unaligned for Float64Array.
    const coords = new Float64Array(r.coords.byteLength / 8);
    new Uint8Array(coords.buffer).set(r.coords);
    return {
      id: r.id,
      from: r.from_node,
      to: r.to_node,
      coords,
      lengthKm: r.length_km,
      name: r.name,
      nameAlt: JSON.parse(r.name_alt) as string[],
      nameLocal: r.name_local,
      nameRu: r.name_ru,
      nameSource: r.name_source,
      arm: r.arm === 1,
      featurecla: r.featurecla,
      scalerank: r.scalerank,
      runs: JSON.parse(r.country_runs) as CountryRun[],
      country: r.country,
      basinId: r.basin_id,
      sourceId: r.source_id,
      dischargeM3s: r.discharge_m3s,
    };
  });
  const outlets = (
    db.prepare('SELECT id, node_id, kind, name, lon, lat FROM net_outlets ORDER BY id').all() as {
      id: number;
      node_id: number;
      kind: OutletKind;
      name: string;
      lon: number;
      lat: number;
    }[]
  ).map(
    (o) =>
      ({
        id: o.id,
        node: o.node_id,
        kind: o.kind,
        name: o.name,
        lon: o.lon,
        lat: o.lat,
      }) satisfies NetworkOutlet,
  );
  const countries = new Map<string, CountryInfo>(
    (
      db.prepare('SELECT adm0_a3, iso3, name FROM geo_countries').all() as {
        adm0_a3: string;
        iso3: string;
        name: string;
      }[]
    ).map((c) => [c.adm0_a3, { iso3: c.iso3, name: c.name }]),
  );
  const basins = new Map<number, BasinInfo>(
    (
      db.prepare('SELECT * FROM net_basins').all() as {
        id: number;
        name: string;
        main_outlet_id: number | null;
        length_km: number;
        min_lon: number;
        min_lat: number;
        max_lon: number;
        max_lat: number;
      }[]
    ).map((b) => [
      b.id,
      {
        id: b.id,
        name: b.name,
        mainOutletId: b.main_outlet_id,
        lengthKm: b.length_km,
        bbox: [b.min_lon, b.min_lat, b.max_lon, b.max_lat],
      },
    ]),
  );
  return new RiverNetwork(reaches, nodeCount, outlets, countries, basins);
}

export function networkMeta(db: Db): Record<string, string> {
  const rows = db.prepare('SELECT key, value FROM net_meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}
