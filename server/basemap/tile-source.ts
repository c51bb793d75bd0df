// Basemap vector-tile source: reads the geo_* / net_reaches tables once and keeps one geojson-vt
// index per layer in memory, so tiles are cut on request with no pre-rendered tile store.

import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { area, booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import { TILE_LAYERS, type TileLayer } from '../../shared/map.js';
import { waterNameRu } from '../../shared/water-names.js';
import { BASEMAP_MAX_ZOOM } from '../core/tiles/vector-layers.js';
import type { Db } from '../storage/db.js';

// The tiles' layers are named in the contract with the client (shared/map.ts).
export { TILE_LAYERS, type TileLayer };

/** Deepest zoom cut from the data; MapLibre overzooms beyond it (Natural Earth 10m holds no more detail). */
export const TILE_MAX_ZOOM = BASEMAP_MAX_ZOOM;

type Props = Record<string, string | number | boolean | null>;

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

function feature(geometry: Geometry, properties: Props): Feature {
  return { type: 'Feature', geometry, properties };
}

/** Largest ring of a (multi)polygon: labels go there, not into a tiny exclave. */
function largestPolygon(geometry: Polygon | MultiPolygon): Polygon {
  if (geometry.type === 'Polygon') return geometry;
  let best: Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0] ?? [] };
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const poly: Polygon = { type: 'Polygon', coordinates };
    const a = area(poly);
    if (a > bestArea) {
      best = poly;
      bestArea = a;
    }
  }
  return best;
}

/** A point inside the polygon: the centroid when it falls inside, else turf's point-on-surface. */
export function labelPoint(geometry: Polygon | MultiPolygon): Point {
  const poly = largestPolygon(geometry);
  const c = centroid(poly).geometry;
  return booleanPointInPolygon(c, poly) ? c : pointOnFeature(poly).geometry;
}

function isAreal(g: Geometry): g is Polygon | MultiPolygon {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

interface GeoRow {
  geometry: string;
}

function readLayers(db: Db): Record<TileLayer, Feature[]> {
  const out: Record<TileLayer, Feature[]> = {
    countries: [],
    boundaries: [],
    lakes: [],
    rivers: [],
    country_labels: [],
    places: [],
    water_labels: [],
    catchments: [],
  };
  const countries = db
    .prepare('SELECT iso3, adm0_a3, name, name_ru, geometry FROM geo_countries')
    .all() as (GeoRow & {
    iso3: string;
    adm0_a3: string;
    name: string;
    name_ru: string | null;
  })[];
  for (const r of countries) {
    const g = JSON.parse(r.geometry) as Geometry;
    out.countries.push(feature(g, { iso3: r.iso3, name: r.name }));
    if (isAreal(g)) {
      // Area in km² drives label size and which labels survive at low zoom.
      const areaKm2 = Math.round(area(largestPolygon(g)) / 1e6);
      const minzoom = areaKm2 > 1_000_000 ? 0 : areaKm2 > 100_000 ? 2 : areaKm2 > 5_000 ? 3 : 5;
      out.country_labels.push(
        feature(labelPoint(g), {
          iso3: r.iso3,
          name: r.name,
          name_ru: r.name_ru,
          area_km2: areaKm2,
          minzoom,
        }),
      );
    }
  }
  for (const r of db
    .prepare('SELECT left_a3, right_a3, type, geometry FROM geo_boundaries')
    .all() as (GeoRow & {
    left_a3: string;
    right_a3: string;
    type: string | null;
  })[]) {
    out.boundaries.push(
      feature(JSON.parse(r.geometry) as Geometry, { left: r.left_a3, right: r.right_a3, type: r.type }),
    );
  }
  for (const r of db.prepare('SELECT name, scalerank, terminal, geometry FROM geo_lakes').all() as (GeoRow & {
    name: string | null;
    scalerank: number | null;
    terminal: number;
  })[]) {
    const g = JSON.parse(r.geometry) as Geometry;
    const rank = r.scalerank ?? 10;
    out.lakes.push(feature(g, { name: r.name, scalerank: rank, minzoom: rank <= 2 ? 0 : rank <= 5 ? 2 : 4 }));
    if (r.name && isAreal(g) && rank <= 6) {
      out.water_labels.push(
        feature(labelPoint(g), {
          name: r.name,
          name_ru: waterNameRu(r.name),
          kind: 'lake',
          rank,
          minzoom: rank <= 2 ? 3 : 5,
        }),
      );
    }
  }
  for (const r of db
    .prepare('SELECT name, featurecla, geometry FROM geo_marine WHERE name IS NOT NULL')
    .all() as (GeoRow & {
    name: string;
    featurecla: string | null;
  })[]) {
    const g = JSON.parse(r.geometry) as Geometry;
    if (!isAreal(g)) continue;
    const rank = r.featurecla === 'ocean' ? 0 : r.featurecla === 'sea' ? 2 : 4;
    const props = {
      name: titleCase(r.name),
      name_ru: waterNameRu(r.name),
      kind: r.featurecla ?? 'sea',
      rank,
      minzoom: rank === 0 ? 0 : rank + 1,
    };
    out.water_labels.push(feature(labelPoint(g), props));
  }
  for (const r of db.prepare('SELECT name, name_ru, pop_max, scalerank, lon, lat FROM geo_places').all() as {
    name: string;
    name_ru: string | null;
    pop_max: number | null;
    scalerank: number | null;
    lon: number;
    lat: number;
  }[]) {
    const rank = r.scalerank ?? 10;
    out.places.push(
      feature(
        { type: 'Point', coordinates: [r.lon, r.lat] },
        {
          name: r.name,
          name_ru: r.name_ru,
          pop_max: r.pop_max ?? 0,
          scalerank: rank,
          minzoom: rank <= 1 ? 2 : Math.min(7, 2 + Math.ceil(rank / 2)),
        },
      ),
    );
  }
  // Map labels: resolved river names, but no "tributary of X" labels strewn over small rivers.
  for (const r of db
    .prepare(
      `SELECT CASE WHEN name LIKE 'tributary of %' THEN NULL ELSE name END AS name,
       CASE WHEN name LIKE 'tributary of %' THEN NULL ELSE name_ru END AS name_ru,
       featurecla, scalerank, basin_id, coords FROM net_reaches`,
    )
    .all() as {
    name: string | null;
    name_ru: string | null;
    featurecla: string;
    scalerank: number;
    basin_id: number;
    coords: Buffer;
  }[]) {
    out.rivers.push(
      feature(
        { type: 'LineString', coordinates: decodeCoords(r.coords) },
        {
          name: r.name,
          name_ru: r.name_ru,
          featurecla: r.featurecla,
          scalerank: r.scalerank,
          basin_id: r.basin_id,
          minzoom: riverMinZoom(r.scalerank),
        },
      ),
    );
  }
  return out;
}

/** Small rivers only from the zoom where they stop cluttering the map (and bloating tiles). */
export function riverMinZoom(scalerank: number): number {
  return scalerank <= 2 ? 0 : scalerank <= 4 ? 2 : scalerank <= 6 ? 3 : scalerank <= 8 ? 4 : 5;
}

/** net_reaches.coords is a little-endian Float64Array of lon,lat pairs. */
export function decodeCoords(blob: Buffer): [number, number][] {
  const copy = new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < copy.length; i += 2) out.push([copy[i] as number, copy[i + 1] as number]);
  return out;
}

/** Natural Earth spells marine names in capitals ("BLACK SEA"); labels read better in title case. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s\-(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * Catchment features for the tiles: vector-tile properties must be scalars, so the bbox (used only by
 * the basin selector, from GET /api/basins/catchments) is left out.
 */
function catchmentFeatures(fc: FeatureCollection | undefined): Feature[] {
  return (fc?.features ?? []).map((f) => {
    const { bbox: _bbox, ...props } = (f.properties ?? {}) as Record<string, unknown>;
    return feature(f.geometry, props as Props);
  });
}

export class TileSource {
  private readonly indexes = new Map<TileLayer, GeoJSONVT>();

  /** `catchments`: the approximate basin catchments (server/storage/catchment-source.ts), if drawn. */
  constructor(db: Db, extra: { catchments?: FeatureCollection } = {}) {
    const layers = readLayers(db);
    layers.catchments = catchmentFeatures(extra.catchments);
    for (const name of TILE_LAYERS) {
      // Points need no simplification; polygons and lines use a slightly coarser tolerance to keep tiles small.
      const points = name === 'places' || name.endsWith('_labels');
      this.indexes.set(
        name,
        new GeoJSONVT(collection(layers[name]), {
          maxZoom: TILE_MAX_ZOOM,
          indexMaxZoom: 4,
          tolerance: points ? 0 : 2,
          buffer: points ? 128 : 64,
        }),
      );
    }
  }

  /** The per-layer tiles at z/x/y; layers with nothing there are left out. */
  getTile(z: number, x: number, y: number): Record<string, GeoJSONVTTile> {
    const out: Record<string, GeoJSONVTTile> = {};
    for (const [name, index] of this.indexes) {
      const tile = index.getTile(z, x, y);
      if (!tile) continue;
      // Features carry the first zoom they are shown at; dropping the rest keeps low-zoom tiles light.
      const features = (tile.features as GeoJSONVTFeature[]).filter((f) => Number(f.tags?.minzoom ?? 0) <= z);
      if (features.length > 0) out[name] = { ...tile, features } as GeoJSONVTTile;
    }
    return out;
  }
}
