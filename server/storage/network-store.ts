// Writes the built geography to SQLite in one transaction, and loads the routed network back.
import type { Geometry } from 'geojson';
import type { CountryRun } from '../core/network/country-runs.js';
import type { NameSource } from '../core/network/river-names.js';
import type { Edge, Outlet } from '../core/network/types.js';
import type { Db } from './db.js';

export interface StoredReach extends Edge {
  /** Natural Earth's own name; `name` is the resolved one (data/river-names.json, inference). */
  nameNe: string | null;
  nameLocal: string | null;
  nameSource: NameSource;
  /** A delta arm (outlets it reaches are labelled with it). */
  arm: boolean;
  /** The source's own reach id (HydroRIVERS HYRIV_ID); absent on Natural Earth builds. */
  sourceId?: number | null;
  /** Long-term mean discharge from the source (HydroRIVERS DIS_AV_CMS), m³/s. */
  dischargeM3s?: number | null;
  runs: CountryRun[];
  country: string | null;
  basinId: number;
  outletId: number | null;
}

export interface Country {
  adm0: string;
  iso3: string;
  iso2: string | null;
  name: string;
  /** Russian name (Natural Earth name_ru, else CLDR's for iso2), or null. */
  nameRu: string | null;
  geometry: Geometry;
}

export interface Basin {
  id: number;
  name: string;
  mainOutletId: number | null;
  lengthKm: number;
  bbox: [number, number, number, number];
}

export interface GeographyTables {
  nodes: { lon: number; lat: number; outletId: number | null }[];
  reaches: StoredReach[];
  outlets: Outlet[];
  basins: Basin[];
  countries: Country[];
  boundaries: { left: string; right: string; type: string | null; geometry: Geometry }[];
  lakes: { name: string | null; scalerank: number | null; terminal: boolean; geometry: Geometry }[];
  places: {
    name: string;
    /** Natural Earth name_ru, where the layer has it. */
    nameRu: string | null;
    adm0: string | null;
    iso2: string | null;
    popMax: number | null;
    scalerank: number | null;
    lon: number;
    lat: number;
  }[];
  marine: { name: string | null; featurecla: string | null; geometry: Geometry }[];
  meta: Record<string, string>;
}

const TABLES = [
  'net_meta',
  'net_nodes',
  'net_reaches',
  'net_reaches_rtree',
  'net_outlets',
  'net_basins',
  'geo_countries',
  'geo_countries_rtree',
  'geo_boundaries',
  'geo_boundaries_rtree',
  'geo_lakes',
  'geo_lakes_rtree',
  'geo_places',
  'geo_places_rtree',
  'geo_marine',
];

export function writeGeography(db: Db, g: GeographyTables): void {
  db.transaction(() => {
    for (const t of TABLES) db.prepare(`DELETE FROM ${t}`).run();
    const meta = db.prepare('INSERT INTO net_meta (key, value) VALUES (?, ?)');
    for (const [k, v] of Object.entries(g.meta)) meta.run(k, v);

    const node = db.prepare('INSERT INTO net_nodes (id, lon, lat, outlet_id) VALUES (?, ?, ?, ?)');
    g.nodes.forEach((n, id) => {
      node.run(id, n.lon, n.lat, n.outletId);
    });

    const reach =
      db.prepare(`INSERT INTO net_reaches (id, from_node, to_node, name, name_alt, featurecla, scalerank,
      source, length_km, reversed, coords, country_runs, country, outlet_id, basin_id,
      name_ne, name_local, name_ru, name_source, arm, source_id, discharge_m3s)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const reachBox = db.prepare('INSERT INTO net_reaches_rtree VALUES (?, ?, ?, ?, ?)');
    for (const r of g.reaches) {
      reach.run(
        r.id,
        r.from,
        r.to,
        r.name,
        JSON.stringify(r.nameAlt),
        r.featurecla,
        r.scalerank,
        r.source,
        r.lengthKm,
        r.reversed ? 1 : 0,
        Buffer.from(r.coords.buffer, r.coords.byteOffset, r.coords.byteLength),
        JSON.stringify(r.runs),
        r.country,
        r.outletId,
        r.basinId,
        r.nameNe,
        r.nameLocal,
        r.nameRu,
        r.nameSource,
        r.arm ? 1 : 0,
        r.sourceId ?? null,
        r.dischargeM3s ?? null,
      );
      reachBox.run(r.id, ...boxOf(r.coords));
    }
    const outlet = db.prepare(
      'INSERT INTO net_outlets (id, node_id, kind, name, lon, lat) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const o of g.outlets) outlet.run(o.id, o.node, o.kind, o.name, o.lon, o.lat);
    const basin =
      db.prepare(`INSERT INTO net_basins (id, name, main_outlet_id, length_km, min_lon, min_lat, max_lon, max_lat)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const b of g.basins) basin.run(b.id, b.name, b.mainOutletId, b.lengthKm, ...b.bbox);

    const country = db.prepare(
      'INSERT INTO geo_countries (id, adm0_a3, iso3, iso2, name, name_ru, geometry) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const countryBox = db.prepare('INSERT INTO geo_countries_rtree VALUES (?, ?, ?, ?, ?)');
    g.countries.forEach((c, id) => {
      country.run(id, c.adm0, c.iso3, c.iso2, c.name, c.nameRu, JSON.stringify(c.geometry));
      countryBox.run(id, ...boxOf(Float64Array.from(positions(c.geometry))));
    });
    const boundary = db.prepare(
      'INSERT INTO geo_boundaries (id, left_a3, right_a3, type, geometry) VALUES (?, ?, ?, ?, ?)',
    );
    const boundaryBox = db.prepare('INSERT INTO geo_boundaries_rtree VALUES (?, ?, ?, ?, ?)');
    g.boundaries.forEach((b, id) => {
      boundary.run(id, b.left, b.right, b.type, JSON.stringify(b.geometry));
      boundaryBox.run(id, ...boxOf(Float64Array.from(positions(b.geometry))));
    });
    const lake = db.prepare(
      'INSERT INTO geo_lakes (id, name, scalerank, terminal, geometry) VALUES (?, ?, ?, ?, ?)',
    );
    const lakeBox = db.prepare('INSERT INTO geo_lakes_rtree VALUES (?, ?, ?, ?, ?)');
    g.lakes.forEach((l, id) => {
      lake.run(id, l.name, l.scalerank, l.terminal ? 1 : 0, JSON.stringify(l.geometry));
      lakeBox.run(id, ...boxOf(Float64Array.from(positions(l.geometry))));
    });
    const place = db.prepare(
      'INSERT INTO geo_places (id, name, name_ru, adm0_a3, iso2, pop_max, scalerank, lon, lat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const placeBox = db.prepare('INSERT INTO geo_places_rtree VALUES (?, ?, ?, ?, ?)');
    g.places.forEach((p, id) => {
      place.run(id, p.name, p.nameRu, p.adm0, p.iso2, p.popMax, p.scalerank, p.lon, p.lat);
      placeBox.run(id, p.lon, p.lon, p.lat, p.lat);
    });
    const marine = db.prepare('INSERT INTO geo_marine (id, name, featurecla, geometry) VALUES (?, ?, ?, ?)');
    g.marine.forEach((m, id) => {
      marine.run(id, m.name, m.featurecla, JSON.stringify(m.geometry));
    });
  })();
}

/** rtree column order: min_lon, max_lon, min_lat, max_lat. */
function boxOf(c: Float64Array): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < c.length; i += 2) {
    minX = Math.min(minX, c[i]!);
    maxX = Math.max(maxX, c[i]!);
    minY = Math.min(minY, c[i + 1]!);
    maxY = Math.max(maxY, c[i + 1]!);
  }
  return [minX, maxX, minY, maxY];
}

export function positions(g: Geometry): number[] {
  const out: number[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x) && typeof x[0] === 'number') out.push(x[0] as number, x[1] as number);
    else if (Array.isArray(x)) for (const y of x) walk(y);
  };
  if (g.type !== 'GeometryCollection') walk(g.coordinates);
  return out;
}
