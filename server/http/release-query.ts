// Query parameters describing a release on GET /api/trace, and their translation to the core's
// checked release (ranges here, combinations in the core).
import { z } from 'zod';
import { RELEASE_LIMITS, type Release, resolveRelease } from '../core/transport/release.js';
import { badRequest } from './errors.js';
import { numberParam } from './query.js';

const L = RELEASE_LIMITS;

export const releaseQueryShape = {
  releaseKg: numberParam('releaseKg', ...L.releaseKg).optional(),
  releaseVolumeM3: numberParam('releaseVolumeM3', ...L.releaseVolumeM3).optional(),
  releaseConcentrationMgL: numberParam('releaseConcentrationMgL', ...L.releaseConcentrationMgL).optional(),
  substance: z.string().trim().min(1, { error: 'substance must not be empty' }).max(120).optional(),
  decayPerDay: numberParam('decayPerDay', ...L.decayPerDay).optional(),
  dischargeFactor: numberParam('dischargeFactor', ...L.dischargeFactor).optional(),
  limitMgL: numberParam('limitMgL', ...L.limitMgL).optional(),
};

const releaseQuery = z.object(releaseQueryShape);
type ReleaseQuery = z.output<typeof releaseQuery>;

export function releaseFromQuery(q: ReleaseQuery): Release | null {
  const outcome = resolveRelease(q);
  if (!outcome.ok) throw badRequest('INVALID_QUERY', outcome.message);
  return outcome.release;
}
