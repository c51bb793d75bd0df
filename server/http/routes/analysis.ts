// GET /api/upstream (registered sites draining to a point) and GET /api/matrix[.csv] (basin
// transboundary matrix): parse with the use case's schema, call it, answer.
import { Router } from 'express';
import type { AppContext } from '../../app/context.js';
import {
  countryName,
  DEFAULT_UPSTREAM_LIMIT,
  MAX_UPSTREAM_LIMIT,
  matrixRequest,
  transboundaryMatrix,
  upstreamRequest,
  upstreamSites,
} from '../../app/upstream.js';
import { matrixCsv } from '../../core/upstream/basin-matrix.js';
import { badRequest } from '../errors.js';
import { parseQuery } from '../query.js';

export { DEFAULT_UPSTREAM_LIMIT, MAX_UPSTREAM_LIMIT };

export const upstreamQuery = upstreamRequest('query');
export const matrixQuery = matrixRequest;

export function analysisRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/upstream', async (req, res) => {
    const answer = await upstreamSites(ctx, parseQuery(upstreamQuery, req.query));
    if (!answer.ok) throw badRequest(answer.code, answer.message);
    const { ok: _, ...body } = answer;
    res.json(body);
  });

  const matrixFor = async (basin: string | undefined) => {
    const m = await transboundaryMatrix(ctx, basin);
    if (!m.ok)
      throw badRequest(
        m.code,
        `${m.message} Give a basin id from /api/basins or a name such as ${m.tryBasins.join(', ')}; omit basin for all data.`,
      );
    const { ok: _, ...matrix } = m;
    return matrix;
  };

  router.get('/matrix', async (req, res) => {
    const m = await matrixFor(parseQuery(matrixQuery, req.query).basin);
    const names: Record<string, string> = {};
    for (const iso of [...m.rows, ...m.columns]) names[iso] = countryName(ctx, iso);
    res.json({ ...m, countryNames: names, velocityModel: ctx.upstream.velocityModel });
  });

  router.get('/matrix.csv', async (req, res) => {
    const m = await matrixFor(parseQuery(matrixQuery, req.query).basin);
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
