// Discharge along a main path taken from the network itself (HydroRIVERS DIS_AV_CMS on every
// reach), used instead of the table and the size-class defaults when every reach on the path has one.
import type { MainStep } from '../trace/trace.js';
import type { DischargePiece, DischargeSourceUsed } from './discharge-piece.js';

export const NETWORK_DISCHARGE_REFERENCE =
  'Long-term mean discharge of the network source (HydroRIVERS DIS_AV_CMS, from WaterGAP, 1971-2000)';

/** True when the path can use the network's own discharge throughout. */
export function hasNetworkDischarge(steps: readonly MainStep[]): boolean {
  return steps.length > 0 && steps.every((s) => typeof s.reach.dischargeM3s === 'number');
}

/** Pieces of at most stepKm carrying each reach's own discharge; one source entry per river run. */
export function networkDischargeAlongPath(
  steps: readonly MainStep[],
  stepKm: number,
): { pieces: DischargePiece[]; sources: DischargeSourceUsed[] } {
  const pieces: DischargePiece[] = [];
  const sources: DischargeSourceUsed[] = [];
  let lastRiver: string | null | undefined;
  for (const s of steps) {
    const q = s.reach.dischargeM3s ?? 0;
    const lengthKm = s.toReachKm - s.fromReachKm;
    const n = Math.max(1, Math.ceil(lengthKm / stepKm - 1e-9));
    for (let i = 0; i < n; i++)
      pieces.push({
        fromKm: s.startKm + (lengthKm * i) / n,
        toKm: s.startKm + (lengthKm * (i + 1)) / n,
        dischargeM3s: q,
        isDefault: false,
        source: 'network',
        reach: s.reach,
      });
    if (s.reach.name !== lastRiver || sources.length === 0) {
      sources.push({
        default: false,
        dischargeSource: 'network',
        river: s.reach.name ?? 'unnamed',
        place: `reach ${s.reach.sourceId ?? s.reach.id}`,
        km: Math.round(s.startKm * 10) / 10,
        dischargeM3s: q,
        source: 'network',
        reference: NETWORK_DISCHARGE_REFERENCE,
        estimate: false,
      });
      lastRiver = s.reach.name;
    }
  }
  return { pieces, sources };
}
