// The detailed basemap's tiles (HAZATLAS_BASEMAP), read from the local PMTiles archive on request and
// sent decoded (gzipped for clients that take it), so MapLibre needs no PMTiles code and the CSP no change.
import { gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { type ArchiveSummary, PmtilesArchive } from '../../basemap/pmtiles-archive.js';
import { badRequest, HttpError } from '../errors.js';
import { Lru } from '../lru.js';
import { strictQuery } from '../security.js';
import { parseTileAddress } from './tiles.js';

const CACHE_TILES = 2000;

export function basemapRouter(summary: ArchiveSummary): express.Router {
  const router = express.Router();
  const archive = new PmtilesArchive(summary);
  const vector = summary.content.kind === 'vector';
  // Vector tiles kept gzipped; images as they are (already compressed).
  const cache = new Lru<string, Buffer | null>(CACHE_TILES);

  router.use('/basemap', strictQuery());
  router.get('/basemap/:z/:x/:y', async (req, res) => {
    const addr = parseTileAddress(req.params.z, req.params.x, req.params.y);
    if (!addr) throw badRequest('BAD_TILE', `No tile ${req.params.z}/${req.params.x}/${req.params.y}.`);
    const key = `${addr.z}/${addr.x}/${addr.y}`;
    let body = cache.get(key);
    if (body === undefined) {
      let tile: Buffer | null;
      try {
        tile = await archive.tile(addr.z, addr.x, addr.y);
      } catch (err) {
        // Not cached: the file may be back (a copy finishing) on the next request.
        throw new HttpError(
          503,
          'BASEMAP_UNREADABLE',
          `The detailed basemap ${summary.path} cannot be read: ${(err as Error).message}`,
        );
      }
      body = tile && vector ? gzipSync(tile) : tile;
      cache.set(key, body);
    }
    res.set('Cache-Control', 'public, max-age=86400');
    if (!body) {
      // No tile there (outside the extract): an empty vector tile draws nothing; a missing image is a 204.
      if (vector) res.set('Content-Type', summary.contentType).send(Buffer.alloc(0));
      else res.status(204).end();
      return;
    }
    res.set('Content-Type', summary.contentType);
    if (!vector) {
      res.send(body);
      return;
    }
    res.set('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip')) res.set('Content-Encoding', 'gzip').send(body);
    else res.send(gunzipSync(body));
  });
  return router;
}
