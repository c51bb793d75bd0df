// A small OpenMapTiles-schema PMTiles archive around the Pančevo industrial zone (Serbia), generated for
// tests from real anchors: the registered sites' positions and names from the database, the Danube's
// course and Russian name from the built network, Belgrade from Natural Earth's populated places.
// Building and road shapes are simple outlines placed at those points: the fixture proves the serving
// and drawing path, it is not a map of Pančevo.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { bboxClip, buffer, lineString } from '@turf/turf';
import Database from 'better-sqlite3';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { decodeCoords } from '../../server/basemap/tile-source.js';
import { type FixtureTile, writePmtiles } from './pmtiles-writer.js';

/** West, south, east, north: Belgrade's centre to the Pančevo refinery, across the Danube. */
export const FIXTURE_BOUNDS: [number, number, number, number] = [20.44, 44.78, 20.74, 44.89];
export const FIXTURE_ZOOMS = [10, 11, 12, 13, 14] as const;
/** HIP Azotara Pančevo, a registered site (data/seed): the map test centres here. */
export const AZOTARA = { name: 'HIP Azotara Pančevo', lon: 20.7, lat: 44.82 };

const feature = (geometry: Geometry, properties: Record<string, string | number>): Feature => ({
  type: 'Feature',
  geometry,
  properties,
});

/** A rectangle of about `wM` × `hM` metres centred on a point. */
function footprint(lon: number, lat: number, wM: number, hM: number): Geometry {
  const dLon = wM / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  const dLat = hM / 2 / 110_540;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - dLon, lat - dLat],
        [lon + dLon, lat - dLat],
        [lon + dLon, lat + dLat],
        [lon - dLon, lat + dLat],
        [lon - dLon, lat - dLat],
      ],
    ],
  };
}

function layers(dbPath: string): Record<string, Feature[]> {
  const db = new Database(dbPath, { readonly: true });
  try {
    const [w, s, e, n] = FIXTURE_BOUNDS;
    const sites = db
      .prepare('SELECT name, lon, lat FROM sites WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?')
      .all(w, e, s, n) as { name: string; lon: number; lat: number }[];
    const belgrade = db.prepare("SELECT lon, lat FROM geo_places WHERE name = 'Belgrade'").get() as {
      lon: number;
      lat: number;
    };
    const danube = (
      db.prepare("SELECT coords, name_ru FROM net_reaches WHERE name = 'Danube'").all() as {
        coords: Buffer;
        name_ru: string | null;
      }[]
    )
      .map((r) => ({ line: decodeCoords(r.coords), nameRu: r.name_ru ?? 'Дунай' }))
      .filter((r) => r.line.some(([x, y]) => x >= w && x <= e && y >= s && y <= n));
    const building = sites.map((site) =>
      feature(footprint(site.lon, site.lat, 160, 90), { render_height: 12 }),
    );
    const industrial = sites.map((site) =>
      feature(footprint(site.lon, site.lat, 900, 600), { class: 'industrial' }),
    );
    const azotara = sites.find((x) => x.name === AZOTARA.name) ?? AZOTARA;
    const transportation = [
      feature(
        {
          type: 'LineString',
          coordinates: [
            [belgrade.lon, belgrade.lat],
            [azotara.lon, azotara.lat],
          ],
        },
        {
          class: 'primary',
        },
      ),
      feature({ type: 'LineString', coordinates: sites.map((x) => [x.lon, x.lat]) }, { class: 'minor' }),
    ];
    const waterway: Feature[] = [];
    const water: Feature[] = [];
    for (const r of danube) {
      const clipped = bboxClip(lineString(r.line), [w - 0.05, s - 0.05, e + 0.05, n + 0.05]);
      waterway.push(
        feature(clipped.geometry, {
          class: 'river',
          name: 'Dunav',
          'name:en': 'Danube',
          'name:ru': r.nameRu,
        }),
      );
      // The Danube is some 500 m wide at Pančevo: a band of ±250 m along the line.
      const band = buffer(clipped, 0.25, { units: 'kilometers' });
      if (band) water.push(feature(band.geometry, { class: 'river' }));
    }
    const place = [
      // Belgrade's point from Natural Earth; its Russian name is the standard exonym.
      feature(
        { type: 'Point', coordinates: [belgrade.lon, belgrade.lat] },
        {
          class: 'city',
          name: 'Beograd',
          'name:en': 'Belgrade',
          'name:ru': 'Белград',
        },
      ),
    ];
    return { landuse: industrial, water, waterway, transportation, building, place };
  } finally {
    db.close();
  }
}

/** Tiles x/y covering the bounds at zoom z. */
function tileRange(z: number): { x0: number; x1: number; y0: number; y1: number } {
  const n = 2 ** z;
  const [w, s, e, nLat] = FIXTURE_BOUNDS;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  };
  return { x0: x(w), x1: x(e), y0: y(nLat), y1: y(s) };
}

/** Writes the fixture archive to a temporary file; returns its path and the tiles' MVT bytes by z/x/y. */
export function buildBasemapFixture(dbPath: string): { file: string; mvt: Map<string, Buffer> } {
  const byLayer = layers(dbPath);
  const indexes = Object.entries(byLayer).map(
    ([name, features]) =>
      [
        name,
        new GeoJSONVT({ type: 'FeatureCollection', features } as FeatureCollection, {
          maxZoom: 14,
          indexMaxZoom: 14,
        }),
      ] as const,
  );
  const tiles: FixtureTile[] = [];
  const mvt = new Map<string, Buffer>();
  for (const z of FIXTURE_ZOOMS) {
    const r = tileRange(z);
    for (let x = r.x0; x <= r.x1; x++)
      for (let y = r.y0; y <= r.y1; y++) {
        const parts = Object.fromEntries(
          indexes.flatMap(([name, index]) => {
            const t = index.getTile(z, x, y);
            return t && t.features.length > 0 ? [[name, t]] : [];
          }),
        );
        if (Object.keys(parts).length === 0) continue;
        const pbf = Buffer.from(fromGeojsonVt(parts, { version: 2, extent: 4096 }));
        mvt.set(`${z}/${x}/${y}`, pbf);
        tiles.push({ z, x, y, data: gzipSync(pbf) });
      }
  }
  const archive = writePmtiles({
    tiles,
    tileType: 1,
    tileCompression: 2,
    bounds: FIXTURE_BOUNDS,
    metadata: {
      name: 'HazAtlas test fixture: Pančevo',
      attribution: 'HazAtlas test fixture',
      vector_layers: Object.keys(byLayer).map((id) => ({ id, fields: {} })),
    },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hazatlas-basemap-'));
  const file = path.join(dir, 'pancevo.pmtiles');
  fs.writeFileSync(file, archive);
  return { file, mvt };
}
