// Offline basemap endpoints: vector tiles cut from the database, the MapLibre style (also for other
// clients: ?absolute=1), and glyph PBFs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import express from 'express';
import type { FeatureCollection } from 'geojson';
import {
  APP_BASEMAP_TILES,
  BASEMAP_TILES,
  buildStyle,
  type DetailStyle,
  STYLE_SOURCES,
  type StyleSources,
} from '../../basemap/map-style.js';
import type { ArchiveSummary } from '../../basemap/pmtiles-archive.js';
import { TileSource } from '../../basemap/tile-source.js';
import type { Services } from '../../runtime/services.js';
import { catchmentsGz } from '../../storage/catchment-source.js';
import { badRequest, HttpError } from '../errors.js';
import { absoluteParam, urlBase } from '../public-url.js';
import { strictQuery } from '../security.js';

const GLYPH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/glyphs');
const TILE_CACHE_LIMIT = 4000;
const MAX_ZOOM = 22;

/** Parses z/x/y; null unless they are integers naming a tile that exists at that zoom. */
export function parseTileAddress(
  z: string,
  x: string,
  y: string,
): { z: number; x: number; y: number } | null {
  if (![z, x, y].every((v) => /^\d{1,8}$/.test(v))) return null;
  const zi = Number(z);
  const xi = Number(x);
  const yi = Number(y);
  if (zi > MAX_ZOOM) return null;
  const n = 2 ** zi;
  return xi < n && yi < n ? { z: zi, x: xi, y: yi } : null;
}

/** What the style needs to know of a configured archive (HAZATLAS_BASEMAP). */
function detailStyle(a: ArchiveSummary | null): DetailStyle | null {
  if (!a) return null;
  const common = { minZoom: a.minZoom, maxZoom: a.maxZoom, bounds: a.bounds, attribution: a.attribution };
  return a.content.kind === 'vector'
    ? { kind: 'vector', schema: a.content.schema, ...common }
    : { kind: 'raster', ...common };
}

export function tilesRouter(
  services: Pick<Services, 'db' | 'network' | 'meta'>,
  options: { publicUrl: string | null; basemap?: ArchiveSummary | null } = { publicUrl: null },
): express.Router {
  const router = express.Router();
  const detail = detailStyle(options.basemap ?? null);
  // Built on the first tile request (about a second), so servers that never draw a map don't pay for it.
  let source: TileSource | null = null;
  // Gzipped tiles, least recently used evicted first (Map keeps insertion order).
  const cache = new Map<string, Buffer>();
  // Tiles and glyphs take no query parameters (MapLibre adds none).
  router.use('/glyphs', strictQuery());

  // The app's path, and the same tiles beside their TileJSON (/api/tiles/basemap.json), where GDAL's
  // MVT driver looks for it when it opens MVT:…/api/tiles/basemap/<z>.
  router.get(['/tiles/:z/:x/:y.pbf', '/tiles/basemap/:z/:x/:y.pbf'], strictQuery(), (req, res) => {
    const addr = parseTileAddress(String(req.params.z), String(req.params.x), String(req.params.y));
    if (!addr) throw badRequest('BAD_TILE', `No tile ${req.params.z}/${req.params.x}/${req.params.y}.`);
    const key = `${addr.z}/${addr.x}/${addr.y}`;
    let gz = cache.get(key);
    if (gz) cache.delete(key);
    else {
      source ??= new TileSource(services.db, {
        // Cached in the database after the first computation (about a second).
        catchments: JSON.parse(
          gunzipSync(
            catchmentsGz(services.db, services.network, services.meta.built_at ?? 'unknown'),
          ).toString(),
        ) as FeatureCollection,
      });
      const layers = source.getTile(addr.z, addr.x, addr.y);
      const pbf = Object.keys(layers).length
        ? fromGeojsonVt(layers, { version: 2, extent: 4096 })
        : new Uint8Array(0);
      gz = gzipSync(pbf);
      if (cache.size >= TILE_CACHE_LIMIT) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    cache.set(key, gz);
    res.set('Content-Type', 'application/x-protobuf');
    // The basemap changes only when the database is rebuilt, which restarts the server.
    res.set('Cache-Control', 'public, max-age=86400');
    res.set('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip')) {
      res.set('Content-Encoding', 'gzip');
      res.send(gz);
    } else res.send(gunzipSync(gz));
  });

  // Never from the Host header (a client could point other visitors' caches at any host): the configured
  // public URL, else root-relative URLs that the client resolves against its own page. `absolute=1` is the
  // style for other clients (QGIS): absolute URLs or a 409 saying how to configure them, basemap and sites.
  router.get('/style.json', strictQuery('absolute', 'source'), (req, res) => {
    const absolute = absoluteParam(req.query.absolute);
    const source = req.query.source ?? (absolute ? 'all' : 'basemap');
    if (!(STYLE_SOURCES as readonly unknown[]).includes(source))
      throw badRequest('INVALID_QUERY', `source must be one of ${STYLE_SOURCES.join(', ')}.`);
    res.set('Cache-Control', 'no-cache');
    res.json(
      buildStyle(urlBase(options.publicUrl, absolute), {
        sources: source as StyleSources,
        basemapTiles: absolute ? BASEMAP_TILES : APP_BASEMAP_TILES,
        detail,
      }),
    );
  });

  router.get('/glyphs/:fontstack/:range.pbf', (req, res, next) => {
    const range = req.params.range;
    if (!/^\d+-\d+$/.test(range)) throw badRequest('BAD_GLYPH_RANGE', `Bad glyph range ${range}.`);
    // A style may ask for a comma-separated fallback list; serve the first stack we ship.
    const stack = req.params.fontstack
      .split(',')
      .map((s) => s.trim())
      .find(
        (s) =>
          !s.includes('..') && !s.includes('/') && fs.existsSync(path.join(GLYPH_DIR, s, `${range}.pbf`)),
      );
    if (!stack) {
      // MapLibre draws glyphs it cannot download with a local font, so 404 degrades gracefully.
      next(new HttpError(404, 'NO_GLYPHS', `No glyphs ${req.params.fontstack} ${range}.`));
      return;
    }
    res.set('Content-Type', 'application/x-protobuf');
    res.set('Cache-Control', 'public, max-age=604800');
    res.sendFile(path.join(GLYPH_DIR, stack, `${range}.pbf`));
  });

  return router;
}
