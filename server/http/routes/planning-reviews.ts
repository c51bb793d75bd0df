// Saved planning reviews over HTTP: save (editors; the server re-runs the review and stores its own
// answer), list newest first, reopen one as stored, and its printable page (CSP allows its style).
import express from 'express';
import { z } from 'zod';
import { DEVELOPMENT_TYPES } from '../../core/planning/tables.js';
import { type PrintableReview, renderReviewPrint } from '../../core/report/planning-review-print.js';
import type { Services } from '../../runtime/services.js';
import {
  getPlanningReview,
  insertPlanningReview,
  listPlanningReviews,
  type NewPlanningReview,
} from '../../storage/planning-review-store.js';
import { clientAddress } from '../audit.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import type { HeavyOptions } from '../heavy.js';
import { intParam, validateQuery, validationError } from '../query.js';
import { strictQuery, styleHashesOnHtml } from '../security.js';
import { developmentGeometry, positionCount } from './planning.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const REVIEW_LIST_MAX = 100;

export const SaveReviewBody = z
  .object({
    title: z
      .string({
        error: 'title is required: a short name for the case, e.g. "Pančevo intake, application 2026/41"',
      })
      .trim()
      .min(1, { error: 'title must not be empty' })
      .max(200, { error: 'title is at most 200 characters' }),
    reference: z.string().trim().min(1).max(100, { error: 'reference is at most 100 characters' }).optional(),
    geometry: z.unknown(),
    developmentType: z.enum(DEVELOPMENT_TYPES as [string, ...string[]], {
      error: `developmentType must be one of ${DEVELOPMENT_TYPES.join(', ')}`,
    }),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const ReviewListQuery = z
  .object({
    limit: intParam('limit', 1, REVIEW_LIST_MAX).default(20),
    offset: intParam('offset', 0, 1e9).default(0),
  })
  .strict();

export const PrintQuery = z
  .object({ lang: z.enum(['en', 'ru'], { error: 'lang must be en or ru' }).default('en') })
  .strict();

function reviewId(req: express.Request): string {
  const id = String(req.params.id);
  if (!UUID.test(id)) throw new HttpError(404, 'NOT_FOUND', `No saved planning review ${id.slice(0, 100)}.`);
  return id;
}

export function planningReviewsRouter(services: Services, heavy: HeavyOptions): express.Router {
  const r = express.Router();

  r.post('/planning/reviews', heavy.limit, strictQuery(), async (req, res) => {
    const parsed = SaveReviewBody.safeParse(req.body ?? {});
    if (!parsed.success)
      throw validationError(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        `The review cannot be saved: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}. Send {title, reference?, geometry, developmentType, name?}.`,
      );
    const actor = actorOf(res);
    const geometry = developmentGeometry(parsed.data.geometry);
    const request = {
      geometry,
      developmentType: parsed.data.developmentType,
      name: parsed.data.name ?? null,
    };
    // The stored verdict is the server's own, computed now, never one the client sends.
    const result = await services.jobs.run(
      { kind: 'review', dev: request },
      positionCount(geometry) > heavy.offload.reviewPositions,
    );
    if (result.kind === 'error')
      throw new HttpError(result.status, result.code, result.message, result.details);
    if (result.kind !== 'json') throw new Error('planning review answered without JSON');
    const saved = insertPlanningReview(
      services.db,
      {
        title: parsed.data.title,
        reference: parsed.data.reference ?? null,
        request,
        answer: result.value as NewPlanningReview['answer'],
      },
      { actor, client: clientAddress(req) },
    );
    res.status(201).location(`/api/planning/reviews/${saved.id}`).json(saved);
  });

  r.get('/planning/reviews', (req, res) => {
    const q = validateQuery(ReviewListQuery, req);
    res
      .set('Cache-Control', 'no-store')
      .json({ limit: q.limit, offset: q.offset, ...listPlanningReviews(services.db, q) });
  });

  r.get('/planning/reviews/:id', strictQuery(), (req, res) => {
    const id = reviewId(req);
    const review = getPlanningReview(services.db, id);
    if (!review) throw new HttpError(404, 'NOT_FOUND', `No saved planning review ${id}.`);
    res.set('Cache-Control', 'no-store').json(review);
  });

  r.get('/planning/reviews/:id/print', (req, res) => {
    const q = validateQuery(PrintQuery, req);
    const id = reviewId(req);
    const review = getPlanningReview(services.db, id);
    if (!review) throw new HttpError(404, 'NOT_FOUND', `No saved planning review ${id}.`);
    styleHashesOnHtml(res);
    res
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(renderReviewPrint(review as unknown as PrintableReview, q.lang));
  });

  return r;
}
