// Route docs for saved planning reviews: save (editors; the server's own answer is stored), list,
// reopen one as stored, and its printable page.
import { z } from 'zod';
import { PrintQuery, ReviewListQuery, SaveReviewBody } from '../routes/planning-reviews.js';
import { Timestamp } from './common.js';
import { file, json, type RouteGroup } from './describe.js';
import { PlanningReview } from './planning-paths.js';

const VERDICT = z.enum(['advise_against', 'advise_with_conditions', 'do_not_advise_against']);

export const PlanningReviewSummary = z.looseObject({
  id: z.uuid(),
  title: z.string(),
  reference: z.string().nullable(),
  developmentType: z.string(),
  verdict: VERDICT,
  author: z.string(),
  createdAt: Timestamp,
});

export const SavedPlanningReview = PlanningReviewSummary.extend({
  request: z.looseObject({ geometry: z.unknown(), developmentType: z.string(), name: z.string().nullable() }),
  answer: PlanningReview,
});

const Page = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(PlanningReviewSummary),
});

export const planningReviewsGroup: RouteGroup = {
  tag: 'Planning',
  description: 'Saved planning reviews: case records with the verdict as computed when saved.',
  schemas: { PlanningReviewSummary, SavedPlanningReview },
  inputs: { SaveReviewBody },
  routes: [
    {
      method: 'post',
      path: '/planning/reviews',
      operationId: 'savePlanningReview',
      summary:
        'Save a planning review as a case record (the server re-runs the review and stores its answer)',
      description: 'Editors and admins; writes an audit row (planning_review.save).',
      heavy: true,
      body: {
        content: [json(SaveReviewBody)],
        description:
          'title, reference?, and the review request: geometry (Point or Polygon, ≤ 5,000 positions), developmentType, name?.',
      },
      responses: {
        201: {
          description: 'The saved review with its answer.',
          content: [json(SavedPlanningReview)],
          headers: { Location: 'The saved review (GET).' },
        },
      },
      errors: [413],
    },
    {
      method: 'get',
      path: '/planning/reviews',
      operationId: 'listPlanningReviews',
      summary: 'Saved planning reviews, newest first',
      query: ReviewListQuery,
      responses: { 200: { description: 'One page of saved reviews.', content: [json(Page)] } },
    },
    {
      method: 'get',
      path: '/planning/reviews/:id',
      operationId: 'getPlanningReview',
      summary: 'A saved planning review: its request and the answer as stored',
      pathParams: { id: "The review's id (a UUID)." },
      responses: { 200: { description: 'The saved review.', content: [json(SavedPlanningReview)] } },
      errors: [404],
    },
    {
      method: 'get',
      path: '/planning/reviews/:id/print',
      operationId: 'printPlanningReview',
      summary: 'The printable page of a saved review (sketch map, verdict, rule, tables)',
      pathParams: { id: "The review's id (a UUID)." },
      query: PrintQuery,
      responses: { 200: { description: 'A self-contained HTML page (A4).', content: [file('text/html')] } },
      errors: [404],
    },
  ],
};
