// Saved planning reviews in SQLite (migration 010): insert with its audit row in one transaction, list
// newest first with paging, read one back as stored.
import { randomUUID } from 'node:crypto';
import { type Actor, actorLabel } from '../auth/roles.js';
import { recordAudit } from './audit-store.js';
import type { Db } from './db.js';

export type StoredVerdict = 'advise_against' | 'advise_with_conditions' | 'do_not_advise_against';

export interface NewPlanningReview {
  title: string;
  reference: string | null;
  request: { geometry: unknown; developmentType: string; name: string | null };
  answer: { verdict: StoredVerdict } & Record<string, unknown>;
}

export interface PlanningReviewSummary {
  id: string;
  title: string;
  reference: string | null;
  developmentType: string;
  verdict: StoredVerdict;
  author: string;
  createdAt: string;
}

export interface PlanningReviewRecord extends PlanningReviewSummary {
  request: NewPlanningReview['request'];
  answer: Record<string, unknown>;
}

interface Row {
  id: string;
  title: string;
  reference: string | null;
  development_type: string;
  verdict: StoredVerdict;
  author: string;
  created_at: string;
  request?: string;
  answer?: string;
}

const summary = (r: Row): PlanningReviewSummary => ({
  id: r.id,
  title: r.title,
  reference: r.reference,
  developmentType: r.development_type,
  verdict: r.verdict,
  author: r.author,
  createdAt: r.created_at,
});

/** Stores the review and its `planning_review.save` audit row together (both or neither). */
export function insertPlanningReview(
  db: Db,
  review: NewPlanningReview,
  by: { actor: Actor; client: string | null },
  now = new Date(),
): PlanningReviewRecord {
  const id = randomUUID();
  const at = now.toISOString();
  const author = actorLabel(by.actor);
  const userId = by.actor.kind === 'user' || by.actor.kind === 'token' ? by.actor.userId : null;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO planning_reviews (id, title, reference, development_type, verdict, request, answer, author, user_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      review.title,
      review.reference,
      review.request.developmentType,
      review.answer.verdict,
      JSON.stringify(review.request),
      JSON.stringify(review.answer),
      author,
      userId,
      at,
    );
    recordAudit(
      db,
      {
        action: 'planning_review.save',
        outcome: 'ok',
        actor: by.actor,
        client: by.client,
        target: `planning_review:${id}`,
        details: { title: review.title, verdict: review.answer.verdict },
      },
      now,
    );
  })();
  return {
    id,
    title: review.title,
    reference: review.reference,
    developmentType: review.request.developmentType,
    verdict: review.answer.verdict,
    author,
    createdAt: at,
    request: review.request,
    answer: review.answer,
  };
}

/** Newest first. */
export function listPlanningReviews(
  db: Db,
  page: { limit: number; offset: number },
): { total: number; items: PlanningReviewSummary[] } {
  const total = db.prepare('SELECT COUNT(*) FROM planning_reviews').pluck().get() as number;
  const rows = db
    .prepare(
      `SELECT id, title, reference, development_type, verdict, author, created_at FROM planning_reviews
       ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as Row[];
  return { total, items: rows.map(summary) };
}

export function getPlanningReview(db: Db, id: string): PlanningReviewRecord | null {
  const row = db.prepare('SELECT * FROM planning_reviews WHERE id = ?').get(id) as Row | undefined;
  if (!row) return null;
  return {
    ...summary(row),
    request: JSON.parse(row.request ?? '{}') as NewPlanningReview['request'],
    answer: JSON.parse(row.answer ?? '{}') as Record<string, unknown>,
  };
}
