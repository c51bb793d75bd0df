// The shape of a code-label locale: every code of shared/codes.ts in words, so a locale missing one
// fails the type check.
import type {
  CrossingKind,
  DamRaiseType,
  FloodExposure,
  OutletKind,
  ReceptorKind,
  Sector,
  SeismicExposure,
  SiteKind,
  SiteStatus,
  ToxicConstituent,
} from '../codes.js';

export interface CodeLabels {
  kind: Record<SiteKind, string>;
  sector: Record<Sector, string>;
  status: Record<SiteStatus, string>;
  damRaise: Record<DamRaiseType, string>;
  floodExposure: Record<FloodExposure, string>;
  seismicExposure: Record<SeismicExposure, string>;
  toxic: Record<ToxicConstituent, string>;
  receptorKind: Record<ReceptorKind, string>;
  outletKind: Record<OutletKind, string>;
  crossingKind: Record<CrossingKind, string>;
}

/** A code list's name in CodeLabels (what `codeWords` is asked for). */
export type CodeList = keyof CodeLabels;
