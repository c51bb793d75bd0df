// Travel velocity of each reach (m/s) for arrival times in upstream queries and the basin matrix:
// a documented default by river size, or discharge-based velocities (discharge-velocity.ts).
import type { Reach } from '../trace/river-network.js';

/** Mean flow velocity of a reach in m/s. */
export type ReachVelocity = (reach: Reach) => number;

/**
 * Default mean velocities by Natural Earth scalerank (0 = largest rivers): 1.2 m/s for the great
 * rivers (Danube below Vienna, Syr Darya), 1.0, 0.8 and 0.5 m/s for smaller ones. Typical mean
 * velocities of large lowland rivers are 0.5–1.5 m/s; the middle of that range is taken. A lake
 * centerline carries water through a lake or reservoir, where bulk transit is far slower: 0.1 m/s.
 */
export function defaultVelocityMs(reach: Reach): number {
  if (reach.featurecla === 'Lake Centerline') return 0.1;
  if (reach.scalerank <= 2) return 1.2;
  if (reach.scalerank <= 5) return 1.0;
  if (reach.scalerank <= 8) return 0.8;
  return 0.5;
}

/** The velocity of the default index (numbering, and arrival times where no discharge table is loaded). */
export const reachVelocityMs: ReachVelocity = defaultVelocityMs;

/** Hours to travel `km` at `velocityMs`. */
export const hoursFor = (km: number, velocityMs: number): number => km / (velocityMs * 3.6);

/** Say in query results which velocities produced the arrival times. */
export const DEFAULT_VELOCITY_MODEL =
  'default by river size: 1.2/1.0/0.8/0.5 m/s by Natural Earth scalerank, lakes 0.1 m/s';
export const DISCHARGE_VELOCITY_MODEL =
  "mean discharge (data/discharge.json, interpolated along the main path; size-class defaults elsewhere) through the release model's probable-case hydraulic geometry, lakes 10× slower";

/**
 * The model behind `Services.upstream` (discharge-based). Kept for callers that pass a label to
 * upstreamReport; it takes the index's own label when none is given.
 */
export const VELOCITY_MODEL = DISCHARGE_VELOCITY_MODEL;
