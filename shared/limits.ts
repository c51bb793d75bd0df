// Ranges the API accepts, shared so the client never offers (or puts in a link) a value the server refuses.

/** Release parameters of GET /api/trace and the CLI (checked by server/core/transport/release.ts). */
export const RELEASE_LIMITS = {
  releaseKg: [1e-6, 1e9],
  releaseVolumeM3: [1e-6, 1e9],
  releaseConcentrationMgL: [1e-9, 1e6],
  decayPerDay: [0, 100],
  dischargeFactor: [0.01, 10],
  limitMgL: [1e-9, 1e6],
} as const satisfies Record<string, readonly [number, number]>;

/** GET /api/screening/border and /natech parameters. */
export const SCREENING_LIMITS = {
  withinKm: { min: 0, max: 5000, default: 50 },
  borderWithinKm: { min: 0, max: 5000 },
  riverWithinM: { min: 0, max: 50_000, default: 500 },
} as const;

/** The receptor list route's largest page. */
export const MAX_RECEPTOR_LIMIT = 10_000;
