// The release scenario a user enters: the /api/trace release parameters (ranges in shared/limits.ts),
// apart from the trace calls so the permalink codec can name them without importing the API client.
export interface ReleaseParams {
  releaseKg?: number;
  releaseVolumeM3?: number;
  releaseConcentrationMgL?: number;
  substance?: string;
  decayPerDay?: number;
  dischargeFactor?: number;
  limitMgL?: number;
  /** ISO 8601 release time (UTC); with it the trace adds the plan's notification timeline. */
  releasedAt?: string;
  /** A plan id; without it the plan covering the start point is used. */
  plan?: string;
  /** When the release happened (datetime-local text, the browser's time zone): arrival clock times. Client-only. */
  releaseAt?: string;
}
