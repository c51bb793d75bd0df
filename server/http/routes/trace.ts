// GET /api/trace: parse and validate the query, convert CRS if given, run the core trace.
import { Router } from 'express';
import { z } from 'zod';
import { lookupCrs, toWgs84 } from '../../core/crs.js';
import { locateSite, SITE_FALLBACK_SNAP_KM } from '../../core/trace/site-start.js';
import {
  MAX_SNAP_MAX_KM,
  runTrace,
  type TraceOutcome,
  traceLocated,
} from '../../core/trace/trace-request.js';
import type { Release } from '../../core/transport/release.js';
import type { Services } from '../../services.js';
import { getSite } from '../../storage/site-store.js';
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

/** A registered site as the start: the register's record of it (location, receiving river, stored connection). */
function registeredSite(services: Services, q: TraceQuery) {
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
  return site;
}

/**
 * A site traces from its stored connection to the network; with an explicit river or snapMaxKm the
 * caller asks for a fresh snap of the site's location instead.
 */
function traceSite(services: Services, q: TraceQuery, release: Release | null): TraceOutcome {
  const site = registeredSite(services, q);
  const { network: net, land, discharge } = services;
  const request = { ...site.location, maxKm: q.maxKm, snapMaxKm: q.snapMaxKm, release };
  if (q.river !== undefined || q.snapMaxKm !== undefined)
    return runTrace(net, land, { ...request, river: q.river ?? null }, discharge, services.drainage);
  const located = locateSite(net, services.drainage, {
    ...site.location,
    receivingRiver: site.receivingRiver,
    reachId: site.derived?.position?.reachId ?? null,
    offsetKm: site.derived?.position?.offsetKm ?? null,
    outletName: site.derived?.outletName ?? null,
    outletKind: site.derived?.outletKind ?? null,
  });
  if (!located)
    return {
      ok: false,
      code: 'NO_RIVER_NEARBY',
      message: `The site "${site.name}" lies more than ${SITE_FALLBACK_SNAP_KM} km from any river in the network. Check its location in the register.`,
    };
  return traceLocated(net, land, located, request, discharge);
}

export function traceRouter(services: Services): Router {
  const router = Router();
  router.get('/trace', (req, res) => {
    const q = parseQuery(querySchema, req.query);
    const release = releaseFromQuery(q);
    const outcome =
      q.siteId === undefined
        ? runTrace(
            services.network,
            services.land,
            { ...startPoint(q), maxKm: q.maxKm, snapMaxKm: q.snapMaxKm, river: q.river, release },
            services.discharge,
            services.drainage,
          )
        : traceSite(services, q, release);
    if (!outcome.ok) throw badRequest(outcome.code, outcome.message);
    res.json(outcome.result);
  });
  return router;
}
