// The release scenario in the permalink: the /api/trace release parameters under their own names,
// checked against the server's ranges so a link never carries a release the trace would refuse.
import { RELEASE_LIMITS as LIMITS } from '../../../shared/limits.js';
import { parseReleaseAt } from './release-format.js';
import type { ReleaseParams } from './release-params.js';

type NumberKey = keyof typeof LIMITS;
const OPTIONAL_NUMBERS = ['decayPerDay', 'dischargeFactor', 'limitMgL'] as const;
const SUBSTANCE_MAX = 120;
/** What the trace accepts for releasedAt (a zone is required) and for a plan id. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const PLAN_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

function numberIn(p: URLSearchParams, key: NumberKey): number | undefined {
  const raw = p.get(key)?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  const [min, max] = LIMITS[key];
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

/**
 * The release in a query string, or undefined. The amount decides: a mass, else a volume with its
 * concentration (a mass wins when both are given, as the trace refuses the pair); without a valid
 * amount the other parameters describe nothing and are dropped.
 */
export function decodeRelease(p: URLSearchParams): ReleaseParams | undefined {
  const releaseKg = numberIn(p, 'releaseKg');
  const volume = numberIn(p, 'releaseVolumeM3');
  const concentration = numberIn(p, 'releaseConcentrationMgL');
  let r: ReleaseParams;
  if (releaseKg !== undefined) r = { releaseKg };
  else if (volume !== undefined && concentration !== undefined)
    r = { releaseVolumeM3: volume, releaseConcentrationMgL: concentration };
  else return undefined;
  const substance = p.get('substance')?.trim();
  if (substance && substance.length <= SUBSTANCE_MAX) r.substance = substance;
  for (const k of OPTIONAL_NUMBERS) {
    const v = numberIn(p, k);
    if (v !== undefined) r[k] = v;
  }
  const releasedAt = p.get('releasedAt')?.trim();
  if (releasedAt && ISO_WITH_ZONE.test(releasedAt) && !Number.isNaN(Date.parse(releasedAt))) {
    r.releasedAt = releasedAt;
    const plan = p.get('plan')?.trim();
    if (plan && PLAN_ID.test(plan)) r.plan = plan;
  }
  const at = p.get('releaseAt')?.trim();
  if (at && parseReleaseAt(at)) r.releaseAt = at;
  return r;
}

/** Writes the release's set parameters into `p` (mass, or volume and concentration, then the rest). */
export function encodeRelease(r: ReleaseParams, p: URLSearchParams): void {
  const set = (k: keyof ReleaseParams) => {
    const v = r[k];
    if (v !== undefined && v !== '') p.set(k, String(v));
  };
  if (r.releaseKg !== undefined) set('releaseKg');
  else {
    set('releaseVolumeM3');
    set('releaseConcentrationMgL');
  }
  set('substance');
  for (const k of OPTIONAL_NUMBERS) set(k);
  if (r.releasedAt) {
    set('releasedAt');
    set('plan');
  }
  set('releaseAt');
}
