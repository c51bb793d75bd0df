// Release scenario on the client: the parameters a user enters, the /api/trace query they make,
// and the arrival fields the server adds to a trace when a release is given.

import type { RiverKm, TraceResult } from '../../../shared/api.js';
import { type Api, errorFrom, traceStart } from './api.js';
import type { Notification, NotificationPlan } from './plans-api.js';
import type { ReleaseParams } from './release-params.js';

export type { ReleaseParams };

export interface CaseValue {
  probable: number;
  bound: number;
}

export interface Arrival {
  leadingEdgeH: CaseValue;
  peakH: CaseValue;
  peakMgL: CaseValue;
}

export interface ProfilePoint extends Arrival {
  km: number;
  dischargeM3s: number;
  /** gauge: at a table point; interpolated: between two; estimated: catchment area × runoff. */
  dischargeSource?: 'gauge' | 'interpolated' | 'estimated';
  dischargeIsDefault: boolean;
  velocityMs: number;
  lake: boolean;
  riverKm?: RiverKm | null;
}

export type DischargeSource =
  | { default: false; river: string; place: string; km: number; dischargeM3s: number; source: string }
  | {
      default: true;
      river: string | null;
      fromKm: number;
      toKm: number;
      dischargeM3s: number;
      basis: string;
    };

export interface ReleaseTrace extends TraceResult {
  countries: (TraceResult['countries'][number] & { arrival: Arrival })[];
  outlets: (TraceResult['outlets'][number] & { arrival: Arrival })[];
  crossings: (TraceResult['crossings'][number] & { arrival: Arrival })[];
  release: {
    massKg: number;
    substance: string | null;
    decayPerDay: number;
    dischargeFactor: number;
    limitMgL: number | null;
    assumptions: string[];
    /** The same in Russian (absent from older answers). */
    assumptionsRu?: string[];
    discharge: DischargeSource[];
  };
  profile: ProfilePoint[];
  notifications?: Notification[];
  notificationPlan?: NotificationPlan;
  threshold?: {
    limitMgL: number;
    belowAtKm: { probable: number | null; bound: number | null };
    belowAtH: { probable: number | null; bound: number | null };
    countriesAbove: string[];
  };
}

export function isReleaseTrace(t: TraceResult | null): t is ReleaseTrace {
  return t !== null && 'profile' in t && Array.isArray((t as ReleaseTrace).profile);
}

const KEYS = [
  'releaseKg',
  'releaseVolumeM3',
  'releaseConcentrationMgL',
  'substance',
  'decayPerDay',
  'dischargeFactor',
  'limitMgL',
  'releasedAt',
  'plan',
] as const;

/** The release part of the /api/trace query (unset values left out). */
export function releaseQuery(r: ReleaseParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const k of KEYS) {
    const v = r[k];
    if (v !== undefined && v !== '') q.set(k, String(v));
  }
  return q;
}

/** The trace, with arrival times when a release is given (the plain trace goes through the shared client). */
export async function fetchTrace(
  api: Api,
  at: { lon: number; lat: number; siteId?: string },
  release: ReleaseParams | null,
  signal?: AbortSignal,
  fetchImpl: typeof fetch = (i, init) => fetch(i, init),
): Promise<TraceResult> {
  if (!release) return api.trace(at, signal);
  const q = traceStart(at);
  for (const [k, v] of releaseQuery(release)) q.set(k, v);
  const res = await fetchImpl(`/api/trace?${q}`, signal ? { signal } : undefined);
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as ReleaseTrace;
}
