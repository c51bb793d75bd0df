// Client calls for saved planning reviews (POST/GET /api/planning/reviews): save as an editor (the
// server re-runs the review and answers what it stored), list newest first, reopen one, print it.
import type { Point, Polygon } from 'geojson';
import { errorFrom } from './api.js';
import type { DevelopmentType, ReviewResult, Verdict } from './planning-api.js';
import { csrfHeaders, noteStatus } from './session.js';

export interface SavedReviewSummary {
  id: string;
  title: string;
  reference: string | null;
  developmentType: string;
  verdict: Verdict;
  author: string;
  createdAt: string;
}

export interface SavedReview extends SavedReviewSummary {
  request: { geometry: Point | Polygon; developmentType: DevelopmentType; name: string | null };
  answer: ReviewResult;
}

export interface SavedReviewPage {
  total: number;
  limit: number;
  offset: number;
  items: SavedReviewSummary[];
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { credentials: 'same-origin', ...init });
  noteStatus(res.status);
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

export const saveReview = (body: {
  title: string;
  reference?: string;
  geometry: Point | Polygon;
  developmentType: DevelopmentType;
  name?: string;
}) =>
  call<SavedReview>('/api/planning/reviews', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...csrfHeaders('POST') },
    body: JSON.stringify(body),
  });

export const listReviews = (offset: number, limit = 10, signal?: AbortSignal) =>
  call<SavedReviewPage>(
    `/api/planning/reviews?limit=${limit}&offset=${offset}`,
    signal ? { signal } : undefined,
  );

export const fetchReview = (id: string) =>
  call<SavedReview>(`/api/planning/reviews/${encodeURIComponent(id)}`);

/** The server's printable page (sketch map, tables) of a saved review. */
export const reviewPrintUrl = (id: string, lang: string) =>
  `/api/planning/reviews/${encodeURIComponent(id)}/print?lang=${lang === 'ru' ? 'ru' : 'en'}`;
