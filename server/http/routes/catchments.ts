// GET /api/basins/catchments: approximate basin catchments (GeoJSON, one area and one label point per
// basin, the Danube Delta as its own area) for the map's basin layer.
import { gunzipSync } from 'node:zlib';
import { Router } from 'express';
import type { Services } from '../../services.js';
import { catchmentsGz } from '../../storage/catchment-source.js';
import { strictQuery } from '../security.js';

export function catchmentsRouter(services: Services): Router {
  const router = Router();
  let body: Buffer | null = null;
  router.get('/basins/catchments', strictQuery(), (req, res) => {
    body ??= catchmentsGz(services.db, services.network, services.meta.built_at ?? 'unknown');
    res.set('Content-Type', 'application/geo+json');
    res.set('Cache-Control', 'public, max-age=3600');
    res.set('Vary', 'Accept-Encoding');
    if (req.acceptsEncodings('gzip')) {
      res.set('Content-Encoding', 'gzip');
      res.send(body);
    } else res.send(gunzipSync(body));
  });
  return router;
}
