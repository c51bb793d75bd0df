// Safety zones and land-use planning over HTTP: a site's zones and receptors, the planning review of a
// proposed development (read-only: open to readers), and border and natech screening.
import express from 'express';
import type { Point, Polygon } from 'geojson';
import { z } from 'zod';
import { SCREENING_LIMITS as S } from '../../../shared/limits.js';
import { borderScreen, natechScreen } from '../../app/planning.js';
import { siteZones } from '../../app/zones.js';
import { validateGeometry } from '../../core/geo/validate-geometry.js';
import { DEVELOPMENT_TYPES } from '../../core/planning/tables.js';
import type { Services } from '../../runtime/services.js';
import { HttpError } from '../errors.js';
import { answerJob, type HeavyOptions } from '../heavy.js';
import { numberParam, validateQuery, validationError } from '../query.js';
import { strictQuery } from '../security.js';

export const MAX_REVIEW_POSITIONS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ReviewBody = z
  .object({
    geometry: z.unknown(),
    developmentType: z.enum(DEVELOPMENT_TYPES as [string, ...string[]], {
      error: `developmentType must be one of ${DEVELOPMENT_TYPES.join(', ')}`,
    }),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const BorderQuery = z
  .object({
    withinKm: numberParam('withinKm', S.withinKm.min, S.withinKm.max).default(S.withinKm.default),
    borderWithinKm: numberParam('borderWithinKm', S.borderWithinKm.min, S.borderWithinKm.max).optional(),
  })
  .strict();

export const NatechQuery = z
  .object({
    riverWithinM: numberParam('riverWithinM', S.riverWithinM.min, S.riverWithinM.max).default(
      S.riverWithinM.default,
    ),
  })
  .strict();

/** Checks a development geometry (Point or Polygon, WGS84, closed, not self-crossing) or throws a 400. */
export function developmentGeometry(input: unknown): Point | Polygon {
  const geo = validateGeometry(input, { allowed: ['Point', 'Polygon'], maxPositions: MAX_REVIEW_POSITIONS });
  if (geo.ok) return geo.geometry as Point | Polygon;
  const issues = geo.issues.map((i) => ({
    path: i.path ? `geometry.${i.path}` : 'geometry',
    message: i.message,
  }));
  throw new HttpError(
    400,
    'INVALID_GEOMETRY',
    `Fix the geometry: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );
}

/** Positions in a validated Point or Polygon (what makes a review slow). */
export const positionCount = (g: Point | Polygon) =>
  g.type === 'Point' ? 1 : g.coordinates.reduce((n, ring) => n + ring.length, 0);

export function planningRouter(services: Services, heavy: HeavyOptions): express.Router {
  const r = express.Router();

  r.get('/sites/:id/zones', strictQuery(), async (req, res) => {
    const id = String(req.params.id);
    const zones = UUID.test(id) ? await siteZones(services, id) : null;
    if (!zones) throw new HttpError(404, 'NOT_FOUND', `No site ${id.slice(0, 100)}.`);
    res.json(zones);
  });

  r.post('/planning/review', heavy.limit, strictQuery(), async (req, res) => {
    const parsed = ReviewBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      throw validationError(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        'The review request is invalid: send {geometry, developmentType, name?}.',
      );
    }
    const geometry = developmentGeometry(parsed.data.geometry);
    const dev = { geometry, developmentType: parsed.data.developmentType, name: parsed.data.name ?? null };
    await answerJob(
      services,
      res,
      { kind: 'review', dev },
      positionCount(geometry) > heavy.offload.reviewPositions,
    );
  });

  r.get('/screening/border', async (req, res) => {
    const q = validateQuery(BorderQuery, req);
    res.json(await borderScreen(services, q.withinKm, q.borderWithinKm));
  });

  r.get('/screening/natech', async (req, res) => {
    const q = validateQuery(NatechQuery, req);
    res.json(await natechScreen(services, q.riverWithinM));
  });

  return r;
}
