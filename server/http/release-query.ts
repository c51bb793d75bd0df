// Query parameters describing a release on GET /api/trace and the reports (the shape shared with the
// CLI, server/app/request.ts), and their translation to the core's checked release.
import { z } from 'zod';
import { releaseShape } from '../app/request.js';
import { type Release, resolveRelease } from '../core/transport/release.js';
import { badRequest } from './errors.js';

export const releaseQueryShape = releaseShape('query');

const releaseQuery = z.object(releaseQueryShape);
type ReleaseQuery = z.output<typeof releaseQuery>;

export function releaseFromQuery(q: ReleaseQuery): Release | null {
  const outcome = resolveRelease(q);
  if (!outcome.ok) throw badRequest('INVALID_QUERY', outcome.message);
  return outcome.release;
}
