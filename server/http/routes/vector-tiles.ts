// Vector tiles for other clients: TileJSON 3.0.0 for the basemap and the register's sites, and the
// sites as tiles, revalidated by an ETag that changes exactly when the register's tile content does.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import express from 'express';
import { BASEMAP_TILES, SITES_TILES } from '../../basemap/map-style.js';
import { pointBounds, tileJson, WORLD_BOUNDS } from '../../core/tiles/tilejson.js';
import {
  BASEMAP_LAYERS,
  BASEMAP_MAX_ZOOM,
  SITES_LAYER,
  SITES_MAX_ZOOM,
} from '../../core/tiles/vector-layers.js';
import type { Services } from '../../runtime/services.js';
import { SiteTileSource } from '../../storage/site-tiles.js';
import type { AccessSettings } from '../auth.js';
import { badRequest, HttpError } from '../errors.js';
import { absoluteParam, urlBase } from '../public-url.js';
import { strictQuery } from '../security.js';
import { parseTileAddress } from './tiles.js';

const TILE_CACHE_LIMIT = 2000;

export function vectorTilesRouter(
  services: Pick<Services, 'db'>,
  options: { publicUrl: string | null; access: AccessSettings },
): express.Router {
  const router = express.Router();
  const sites = new SiteTileSource(services.db);
  // Gzipped site tiles of the current register only (emptied when it changes), oldest evicted first.
  const cache = new Map<string, Buffer>();
  let cachedFingerprint = '';
  // The register is readable by everyone or by readers only (HAZATLAS_ANONYMOUS_READ): shared caches
  // may keep it only in the first case. Always revalidated: an edit must show on the next draw.
  const cacheControl = options.access.anonymousRead ? 'public, no-cache' : 'private, no-cache';
  const base = (query: unknown) => urlBase(options.publicUrl, absoluteParam(query));

  router.get('/tiles/basemap.json', strictQuery('absolute'), (req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json(
      tileJson({
        name: 'HazAtlas basemap',
        description: 'Natural Earth countries, borders, lakes, rivers, places and basin catchments',
        attribution: 'Natural Earth',
        tiles: `${base(req.query.absolute)}${BASEMAP_TILES}`,
        minzoom: 0,
        maxzoom: BASEMAP_MAX_ZOOM,
        bounds: WORLD_BOUNDS,
        layers: BASEMAP_LAYERS,
      }),
    );
  });

  router.get('/tiles/sites.json', strictQuery('absolute'), (req, res) => {
    const origin = base(req.query.absolute);
    const state = sites.current();
    res.set('Cache-Control', cacheControl);
    res.set('ETag', `W/"${state.fingerprint}"`);
    res.json(
      tileJson({
        name: 'HazAtlas sites',
        description: 'Registered hazardous activities and tailings management facilities',
        attribution: 'HazAtlas register',
        tiles: `${origin}${SITES_TILES}`,
        minzoom: 0,
        maxzoom: SITES_MAX_ZOOM,
        bounds: pointBounds(state.points),
        layers: [SITES_LAYER],
        counts: { [SITES_LAYER.id]: state.count },
      }),
    );
  });

  router.get('/tiles/sites/:z/:x/:y.pbf', strictQuery(), (req, res) => {
    const addr = parseTileAddress(String(req.params.z), String(req.params.x), String(req.params.y));
    if (!addr) throw badRequest('BAD_TILE', `No tile ${req.params.z}/${req.params.x}/${req.params.y}.`);
    if (addr.z > SITES_MAX_ZOOM)
      throw new HttpError(
        404,
        'NO_TILE',
        `Site tiles are cut down to zoom ${SITES_MAX_ZOOM} (TileJSON maxzoom); draw zoom ${addr.z} from its zoom-${SITES_MAX_ZOOM} tile.`,
      );
    const state = sites.current();
    res.set('Cache-Control', cacheControl);
    res.set('ETag', `W/"${state.fingerprint}"`);
    res.set('Vary', 'Accept-Encoding');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (state.fingerprint !== cachedFingerprint) {
      cache.clear();
      cachedFingerprint = state.fingerprint;
    }
    const key = `${addr.z}/${addr.x}/${addr.y}`;
    let gz = cache.get(key);
    if (!gz) {
      // An empty tile still names the layer, so GDAL opens it (0 features) instead of refusing a 0-byte file.
      const tile: GeoJSONVTTile = state.index.getTile(addr.z, addr.x, addr.y) ?? {
        transformed: true,
        features: [],
        source: null,
        ...addr,
      };
      gz = gzipSync(fromGeojsonVt({ [SITES_LAYER.id]: tile }, { version: 2, extent: 4096 }));
      if (cache.size >= TILE_CACHE_LIMIT) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(key, gz);
    }
    res.set('Content-Type', 'application/x-protobuf');
    if (req.acceptsEncodings('gzip')) {
      res.set('Content-Encoding', 'gzip');
      res.send(gz);
    } else res.send(gunzipSync(gz));
  });

  return router;
}
