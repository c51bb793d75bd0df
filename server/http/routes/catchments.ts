// GET /api/basins/catchments: approximate basin catchments (GeoJSON, one area and one label point per
// basin, the Danube Delta as its own area). `?only=labels` gives just the label points (with name, kind,
// areaKm2 and bbox): what the basin selector needs, since the map draws the areas from the vector tiles.
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Response, Router } from 'express';
import type { FeatureCollection } from 'geojson';
import type { Services } from '../../runtime/services.js';
import { catchmentsGz } from '../../storage/catchment-source.js';
import { badRequest } from '../errors.js';
import { strictQuery } from '../security.js';

export function catchmentsRouter(services: Services): Router {
  const router = Router();
  let full: Buffer | null = null;
  let labels: Buffer | null = null;
  const send = (req: { acceptsEncodings(e: string): string | false }, res: Response, gz: Buffer) => {
    res.set('Content-Type', 'application/geo+json');
    res.set('Cache-Control', 'public, max-age=3600');
    res.set('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip')) {
      res.set('Content-Encoding', 'gzip');
      res.send(gz);
    } else res.send(gunzipSync(gz));
  };
  router.get('/basins/catchments', strictQuery('only'), (req, res) => {
    const only = req.query.only;
    if (only !== undefined && only !== 'labels') {
      throw badRequest('INVALID_QUERY', `only must be "labels" (got ${JSON.stringify(only).slice(0, 40)}).`, [
        { path: 'only', message: 'must be "labels"' },
      ]);
    }
    full ??= catchmentsGz(services.db, services.network, services.meta.built_at ?? 'unknown');
    if (only !== 'labels') {
      send(req, res, full);
      return;
    }
    if (!labels) {
      const fc = JSON.parse(gunzipSync(full).toString()) as FeatureCollection;
      fc.features = fc.features.filter((f) => f.properties?.role === 'label');
      labels = gzipSync(JSON.stringify(fc));
    }
    send(req, res, labels);
  });
  return router;
}
