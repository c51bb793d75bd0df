// GET /api/upstream (registered sites draining to a point) and GET /api/matrix[.csv] (basin
// transboundary matrix): parse and validate, call the core, answer.
import { Router } from 'express';
import { z } from 'zod';
import { findBasin, largestBasinNames } from '../../core/upstream/basin-lookup.js';
import { type BasinMatrix, basinMatrix, matrixCsv } from '../../core/upstream/basin-matrix.js';
import { upstreamReport } from '../../core/upstream/upstream-report.js';
import type { Services } from '../../services.js';
import { matrixSites, sitesInTreeRange } from '../../storage/analysis-read.js';
import { locateReach } from '../../trace-service.js';
import { badRequest } from '../errors.js';
import { numberParam, parseQuery } from '../query.js';
import { startPoint } from './trace.js';

export const MAX_UPSTREAM_LIMIT = 5000;
export const DEFAULT_UPSTREAM_LIMIT = 200;

export const upstreamQuery = z
  .object({
    lon: numberParam('lon', -180, 180).optional(),
    lat: numberParam('lat', -90, 90).optional(),
    crs: z.string().max(64).optional(),
    x: numberParam('x', -1e9, 1e9).optional(),
    y: numberParam('y', -1e9, 1e9).optional(),
    maxKm: numberParam('maxKm', 0, 20000).optional(),
    maxHours: numberParam('maxHours', 0, 100000).optional(),
    snapMaxKm: numberParam('snapMaxKm', 0.001, 200).optional(),
    river: z.string().trim().min(1).max(120).optional(),
    limit: numberParam('limit', 1, MAX_UPSTREAM_LIMIT)
      .pipe(z.number().int({ error: 'limit must be a whole number' }))
      .optional(),
  })
  .strict();

export const matrixQuery = z.object({ basin: z.string().trim().min(1).max(120).optional() }).strict();

export function analysisRouter(services: Services): Router {
  const router = Router();
  const inRange = sitesInTreeRange(services.db);

  router.get('/upstream', (req, res) => {
    const q = parseQuery(upstreamQuery, req.query);
    const { lon, lat } = startPoint(q);
    // Located like the trace: within the point's own drainage area first (warnings say otherwise).
    const located = locateReach(services, { lon, lat, snapMaxKm: q.snapMaxKm, river: q.river ?? null });
    if (!located.ok) throw badRequest(located.code, located.message);
    res.json({
      ...upstreamReport(
        services.upstream,
        located.snap,
        { maxKm: q.maxKm, maxHours: q.maxHours, limit: q.limit ?? DEFAULT_UPSTREAM_LIMIT },
        inRange,
      ),
      warnings: located.warnings,
    });
  });

  const matrixFor = (
    basin: string | undefined,
  ): { basin: { id: number; name: string } | null } & BasinMatrix => {
    if (basin === undefined)
      return { basin: null, ...basinMatrix(services.upstream, matrixSites(services.db, null)) };
    const found = findBasin(services.network, basin);
    if (!found)
      throw badRequest(
        'UNKNOWN_BASIN',
        `No basin or outlet named "${basin}". Give a basin id from /api/basins or a name such as ${largestBasinNames(services.network).join(', ')}; omit basin for all data.`,
      );
    return {
      basin: { id: found.id, name: found.name },
      ...basinMatrix(services.upstream, matrixSites(services.db, found.id)),
    };
  };

  router.get('/matrix', (req, res) => {
    const q = parseQuery(matrixQuery, req.query);
    const m = matrixFor(q.basin);
    const names: Record<string, string> = {};
    for (const iso of [...m.rows, ...m.columns]) names[iso] = countryName(services, iso);
    res.json({ ...m, countryNames: names, velocityModel: services.upstream.velocityModel });
  });

  router.get('/matrix.csv', (req, res) => {
    const q = parseQuery(matrixQuery, req.query);
    const m = matrixFor(q.basin);
    const file = m.basin
      ? `hazatlas-matrix-${m.basin.name.replace(/[^\w-]+/g, '_')}.csv`
      : 'hazatlas-matrix.csv';
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${file}"`)
      .send(matrixCsv(m));
  });
  return router;
}

/** Country names are keyed by ADM0_A3 in the network; the matrix speaks ISO3 (equal for all but a few). */
function countryName(services: Services, iso3: string): string {
  for (const c of services.network.countries.values()) if (c.iso3 === iso3) return c.name;
  return iso3;
}
