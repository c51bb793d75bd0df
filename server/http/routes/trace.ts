// GET /api/trace: parse and validate the query, convert CRS if given, run the core trace.
import { Router } from 'express';
import { z } from 'zod';
import { lookupCrs, toWgs84 } from '../../core/crs.js';
import { hasRiverNamed } from '../../core/trace/snap.js';
import { MAX_SNAP_MAX_KM, runTrace } from '../../core/trace/trace-request.js';
import type { Services } from '../../services.js';
import { getSite } from '../../storage/site-store.js';
import { traceGpkg } from '../../storage/trace-gpkg.js';
import { badRequest } from '../errors.js';
import { numberParam, parseQuery } from '../query.js';
import { releaseFromQuery, releaseQueryShape } from '../release-query.js';

const querySchema = z
  .object({
    lon: numberParam('lon', -180, 180).optional(),
    lat: numberParam('lat', -90, 90).optional(),
    crs: z.string().max(64).optional(),
    x: numberParam('x', -1e9, 1e9).optional(),
    y: numberParam('y', -1e9, 1e9).optional(),
    maxKm: numberParam('maxKm', 0.001, 20000).optional(),
    snapMaxKm: numberParam('snapMaxKm', 0.001, MAX_SNAP_MAX_KM).optional(),
    river: z.string().trim().min(1).max(120).optional(),
    siteId: z.string().trim().min(1).max(100).optional(),
    /** `gpkg`: the trace as a GeoPackage with layers path, crossings and outlets. */
    format: z.enum(['json', 'gpkg']).optional(),
    ...releaseQueryShape,
  })
  .strict();

export type TraceQuery = z.output<typeof querySchema>;

/** Resolves the start point in WGS84 from lon/lat, or from x/y in the given CRS. */
export function startPoint(q: TraceQuery): { lon: number; lat: number } {
  if (q.crs !== undefined && !/^(EPSG:)?4326$/i.test(q.crs.trim())) {
    const crs = lookupCrs(q.crs);
    if (!crs.ok)
      throw badRequest('UNKNOWN_CRS', `${crs.reason} Use a code such as EPSG:4326, EPSG:3844 or EPSG:32642.`);
    if (q.x === undefined || q.y === undefined) {
      throw badRequest('INVALID_QUERY', `With crs=${q.crs} give the point as x and y in that CRS.`);
    }
    const [lon, lat] = toWgs84(q.crs, q.x, q.y);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw badRequest('INVALID_COORDINATES', `x=${q.x}, y=${q.y} is outside the area of ${q.crs}.`);
    }
    return { lon, lat };
  }
  const lon = q.lon ?? q.x;
  const lat = q.lat ?? q.y;
  if (lon === undefined || lat === undefined) {
    throw badRequest(
      'INVALID_QUERY',
      'Give the start point as lon and lat (WGS84 degrees), crs with x and y, or the siteId of a registered site.',
    );
  }
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw badRequest('INVALID_COORDINATES', 'lon must be within ±180 and lat within ±90.');
  }
  return { lon, lat };
}

/** A registered site as the start: its location, and its receiving river when the network knows it. */
function siteStart(services: Services, q: TraceQuery): { lon: number; lat: number; river: string | null } {
  if (
    q.lon !== undefined ||
    q.lat !== undefined ||
    q.x !== undefined ||
    q.y !== undefined ||
    q.crs !== undefined
  )
    throw badRequest('INVALID_QUERY', 'Give either siteId or a point (lon/lat or crs with x/y), not both.');
  const site = getSite(services.db, q.siteId!);
  if (!site)
    throw badRequest(
      'UNKNOWN_SITE',
      `No registered site has id "${q.siteId}". Check the id (GET /api/sites).`,
    );
  const hint = q.river ?? site.receivingRiver;
  return {
    ...site.location,
    river: hint && hasRiverNamed(services.network, hint) ? hint : (q.river ?? null),
  };
}

export function traceRouter(services: Services): Router {
  const router = Router();
  router.get('/trace', (req, res) => {
    const q = parseQuery(querySchema, req.query);
    const release = releaseFromQuery(q);
    const { lon, lat, river } =
      q.siteId === undefined ? { ...startPoint(q), river: q.river } : siteStart(services, q);
    const request = { lon, lat, maxKm: q.maxKm, snapMaxKm: q.snapMaxKm, river, release };
    let outcome = runTrace(services.network, services.land, request, services.discharge);
    // A site's receiving river is a hint: when it is not within reach, trace from the nearest river.
    if (!outcome.ok && q.siteId !== undefined && q.river === undefined && river)
      outcome = runTrace(services.network, services.land, { ...request, river: null }, services.discharge);
    if (!outcome.ok) throw badRequest(outcome.code, outcome.message);
    if (q.format === 'gpkg') {
      res
        .type('application/geopackage+sqlite3')
        .set('Content-Disposition', 'attachment; filename="hazatlas-trace.gpkg"')
        .send(traceGpkg(outcome.result));
      return;
    }
    res.json(outcome.result);
  });
  return router;
}
