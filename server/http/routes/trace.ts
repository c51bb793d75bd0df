// GET /api/trace: parse and validate the query, convert CRS if given, run the core trace. Answers are
// cached by snapped reach and offset (and the other parameters): only the `snap` member depends on the
// exact point, so a hit costs a snap and a string join; bodies go out compressed when accepted.
import { Router } from 'express';
import { z } from 'zod';
import { notificationsFor } from '../../app/plans.js';
import { pointShape, startPoint as startPointOf } from '../../app/request.js';
import { locatePoint, locateSiteStart, traceFrom } from '../../app/trace.js';
import { snapSummary } from '../../core/trace/trace.js';
import { GEOMETRY_MODES, type GeometryMode, pathWithGeometry } from '../../core/trace/trace-geometry.js';
import { MAX_SNAP_MAX_KM } from '../../core/transport/trace-request.js';
import type { Services } from '../../runtime/services.js';
import { traceGpkg } from '../../storage/trace-gpkg.js';
import { principalOf } from '../auth.js';
import { sendJsonParts } from '../compress.js';
import { badRequest } from '../errors.js';
import { Lru } from '../lru.js';
import { numberParam, parseQuery } from '../query.js';
import { releaseFromQuery, releaseQueryShape } from '../release-query.js';

export const querySchema = z
  .object({
    ...pointShape('query'),
    maxKm: numberParam('maxKm', 0.001, 20000).optional(),
    snapMaxKm: numberParam('snapMaxKm', 0.001, MAX_SNAP_MAX_KM).optional(),
    river: z.string().trim().min(1).max(120).optional(),
    siteId: z.string().trim().min(1).max(100).optional(),
    geometry: z.enum(GEOMETRY_MODES, { error: 'geometry must be none, simplified or full' }).optional(),
    /** `gpkg`: the trace as a GeoPackage with layers path, crossings and outlets. */
    format: z.enum(['json', 'gpkg']).optional(),
    ...releaseQueryShape,
    releasedAt: z.iso
      .datetime({
        offset: true,
        error: 'releasedAt must be an ISO 8601 date-time with a time zone, e.g. 2026-03-01T06:30:00Z',
      })
      .optional(),
    plan: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'plan must be a plan id (GET /api/plans)' })
      .optional(),
  })
  .strict();

export type TraceQuery = z.output<typeof querySchema>;

/** The start point in WGS84 from lon/lat, or from x/y in the given CRS (app/request.ts), or a 400. */
function startPoint(q: TraceQuery): { lon: number; lat: number } {
  const p = startPointOf(q);
  if (!p.ok) throw badRequest(p.code, p.message);
  return { lon: p.lon, lat: p.lat };
}

/** With siteId no point may be given: the site is the start. */
function checkSiteQuery(q: TraceQuery): void {
  if (
    q.lon !== undefined ||
    q.lat !== undefined ||
    q.x !== undefined ||
    q.y !== undefined ||
    q.crs !== undefined
  )
    throw badRequest('INVALID_QUERY', 'Give either siteId or a point (lon/lat or crs with x/y), not both.');
}

/** Recent answers (without their `snap` member), ~20 KB each with full geometry. */
export const TRACE_CACHE_ENTRIES = 500;

export function traceRouter(services: Services): Router {
  const router = Router();
  const cache = new Lru<string, { river: string | null; rest: Buffer }>(TRACE_CACHE_ENTRIES);
  router.get('/trace', async (req, res) => {
    const q = parseQuery(querySchema, req.query);
    const release = releaseFromQuery(q);
    if (q.plan !== undefined && q.releasedAt === undefined)
      throw badRequest(
        'INVALID_QUERY',
        'plan needs releasedAt: give the release time as ISO 8601 with a zone.',
      );
    if (q.releasedAt !== undefined && !release)
      throw badRequest(
        'INVALID_QUERY',
        'releasedAt needs a release: give releaseKg (or releaseVolumeM3 with releaseConcentrationMgL) as well.',
      );
    const geometry: GeometryMode = q.geometry ?? 'full';
    const options = { maxKm: q.maxKm, snapMaxKm: q.snapMaxKm, river: q.river, release };
    if (q.siteId !== undefined) checkSiteQuery(q);
    const start =
      q.siteId === undefined
        ? locatePoint(services, { ...startPoint(q), ...options })
        : await locateSiteStart(services, q.siteId, options);
    if (!start.ok) throw badRequest(start.code, start.message);
    const located = start.located;
    // The answer depends only on the snapped reach and offset (and the parameters), except its `snap`
    // and `warnings`, which are the caller's own: those are written per request around the cached rest.
    if (q.releasedAt === undefined && q.format !== 'gpkg' && located.kind === 'reach') {
      const snap = located.snap;
      const key = `${snap.reach.id}|${snap.offsetKm}|${q.maxKm ?? ''}|${geometry}|${JSON.stringify(release)}`;
      let hit = cache.get(key);
      if (hit === undefined) {
        const outcome = traceFrom(services, { ...start, located: { ...located, warnings: [] } });
        if (!outcome.ok) throw badRequest(outcome.code, outcome.message);
        const { snap: s, warnings: _, ...rest } = outcome.result;
        hit = {
          river: s.river,
          rest: Buffer.from(
            JSON.stringify({ ...rest, path: pathWithGeometry(rest.path, geometry) }).slice(1),
          ),
        };
        cache.set(key, hit);
      }
      const head = `{"snap":${JSON.stringify(snapSummary(snap, hit.river))},"warnings":${JSON.stringify(located.warnings)},`;
      sendJsonParts(req, res, head, hit.rest);
      return;
    }
    const outcome = traceFrom(services, start);
    if (!outcome.ok) throw badRequest(outcome.code, outcome.message);
    if (q.format === 'gpkg') {
      res
        .type('application/geopackage+sqlite3')
        .set('Content-Disposition', 'attachment; filename="hazatlas-trace.gpkg"')
        .send(traceGpkg(outcome.result));
      return;
    }
    const result = { ...outcome.result, path: pathWithGeometry(outcome.result.path, geometry) };
    if (q.releasedAt === undefined || !('release' in outcome.result)) {
      res.json(result);
      return;
    }
    const site = q.siteId === undefined ? null : await services.store.getSite(q.siteId);
    const n = await notificationsFor(services, {
      start: site ? site.location : startPoint(q),
      trace: outcome.result,
      releasedAt: new Date(q.releasedAt),
      plan: q.plan === undefined ? { kind: 'covering' } : { kind: 'id', id: q.plan },
      canReadContacts: principalOf(res) !== null,
      originIso3: site?.derived?.countryIso3 ?? null,
    });
    if (!n.ok) throw badRequest('UNKNOWN_PLAN', n.message);
    const { notifications, ...notificationPlan } = n.block;
    res.json({ ...result, notifications, notificationPlan });
  });
  return router;
}
