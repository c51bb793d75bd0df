// A release scenario as given by a user (mass, or volume × concentration) and its checked,
// resolved form used by the plume model.

export interface ReleaseInput {
  releaseKg?: number;
  releaseVolumeM3?: number;
  releaseConcentrationMgL?: number;
  substance?: string;
  decayPerDay?: number;
  dischargeFactor?: number;
  limitMgL?: number;
}

export type ReleaseAmount =
  | { kind: 'mass'; releaseKg: number }
  | { kind: 'volume'; releaseVolumeM3: number; releaseConcentrationMgL: number };

export interface Release {
  amount: ReleaseAmount;
  massKg: number;
  substance: string | null;
  decayPerDay: number;
  dischargeFactor: number;
  limitMgL: number | null;
}

/** The accepted ranges live in the contract shared with the client (its forms and permalinks). */
export { RELEASE_LIMITS } from '../../../shared/limits.js';

export type ReleaseOutcome = { ok: true; release: Release | null } | { ok: false; message: string };

/** Checks the combination of release parameters (ranges are checked by the callers' parsers). */
export function resolveRelease(input: ReleaseInput): ReleaseOutcome {
  const hasMass = input.releaseKg !== undefined;
  const hasVolume = input.releaseVolumeM3 !== undefined || input.releaseConcentrationMgL !== undefined;
  const extras = (['substance', 'decayPerDay', 'dischargeFactor', 'limitMgL'] as const).filter(
    (k) => input[k] !== undefined,
  );
  if (!hasMass && !hasVolume) {
    if (extras.length > 0)
      return {
        ok: false,
        message: `${extras.join(', ')} describe a release: give releaseKg (or releaseVolumeM3 with releaseConcentrationMgL) as well.`,
      };
    return { ok: true, release: null };
  }
  if (hasMass && hasVolume)
    return {
      ok: false,
      message:
        'Give the release either as releaseKg or as releaseVolumeM3 with releaseConcentrationMgL, not both.',
    };
  let amount: ReleaseAmount;
  let massKg: number;
  if (hasMass) {
    amount = { kind: 'mass', releaseKg: input.releaseKg! };
    massKg = input.releaseKg!;
  } else {
    if (input.releaseVolumeM3 === undefined || input.releaseConcentrationMgL === undefined)
      return {
        ok: false,
        message: 'A release by volume needs both releaseVolumeM3 (m³) and releaseConcentrationMgL (mg/L).',
      };
    amount = {
      kind: 'volume',
      releaseVolumeM3: input.releaseVolumeM3,
      releaseConcentrationMgL: input.releaseConcentrationMgL,
    };
    // mg/L = g/m³, so m³ × mg/L = g.
    massKg = (input.releaseVolumeM3 * input.releaseConcentrationMgL) / 1000;
  }
  return {
    ok: true,
    release: {
      amount,
      massKg,
      substance: input.substance?.trim() || null,
      decayPerDay: input.decayPerDay ?? 0,
      dischargeFactor: input.dischargeFactor ?? 1,
      limitMgL: input.limitMgL ?? null,
    },
  };
}
