// Reach-by-reach Gaussian plume of an instantaneous release: travel time and time variance
// accumulate over segments of constant discharge, the peak follows from mass and dilution.
import { hydraulics, type ReachKind, type TransportCase } from './hydraulics.js';

export interface PlumeSegment {
  lengthKm: number;
  /** Mean discharge over the segment (already scaled by any user discharge factor). */
  dischargeM3s: number;
  kind: ReachKind;
}

export interface PlumeRelease {
  massKg: number;
  decayPerDay: number;
  /** Concentration of the released liquid when known: the river cannot carry more (mg/L). */
  maxConcentrationMgL: number | null;
}

export interface CaseValue {
  probable: number;
  bound: number;
}

export interface Arrival {
  leadingEdgeH: CaseValue;
  peakH: CaseValue;
  peakMgL: CaseValue;
}

/** Jobson (1996): the leading edge arrives on average at 0.89 of the peak's travel time. */
export const LEADING_EDGE_TO_PEAK = 0.89;
/**
 * The 1-D model assumes the release is mixed over the cross-section; nearer than this the
 * cloud is not yet mixed and concentrations are evaluated as if at this distance.
 */
export const NEAR_FIELD_KM = 1;

const CASES: TransportCase[] = ['probable', 'bound'];

interface Boundary {
  km: number;
  /** Travel time (s) and time variance (s²) of the cloud centre at this boundary, per case. */
  timeS: CaseValue;
  varianceS2: CaseValue;
}

interface SegmentState {
  fromKm: number;
  toKm: number;
  dischargeM3s: number;
  kind: ReachKind;
  velocityMs: CaseValue;
  /** dT/dx (s/m) and dσt²/dx (s²/m) on this segment, per case. */
  slowness: CaseValue;
  varianceRate: CaseValue;
  /** Share of the released mass still in the river (water abstracted downstream takes its share). */
  massFraction: number;
}

export interface Plume {
  release: PlumeRelease;
  lengthKm: number;
  segments: SegmentState[];
  starts: Boundary[];
}

export function buildPlume(segments: readonly PlumeSegment[], release: PlumeRelease): Plume {
  if (segments.length === 0) throw new Error('A plume needs at least one segment.');
  const states: SegmentState[] = [];
  const starts: Boundary[] = [];
  let km = 0;
  let time: CaseValue = { probable: 0, bound: 0 };
  let variance: CaseValue = { probable: 0, bound: 0 };
  let massFraction = 1;
  let prevQ: number | null = null;
  for (const s of segments) {
    if (prevQ !== null && s.dischargeM3s < prevQ) massFraction *= s.dischargeM3s / prevQ;
    prevQ = s.dischargeM3s;
    const h = {
      probable: hydraulics(s.dischargeM3s, s.kind, 'probable'),
      bound: hydraulics(s.dischargeM3s, s.kind, 'bound'),
    };
    const state: SegmentState = {
      fromKm: km,
      toKm: km + s.lengthKm,
      dischargeM3s: s.dischargeM3s,
      kind: s.kind,
      velocityMs: { probable: h.probable.velocityMs, bound: h.bound.velocityMs },
      slowness: { probable: 1 / h.probable.velocityMs, bound: 1 / h.bound.velocityMs },
      // Frozen-cloud approximation: σx² grows by 2·D·dt, seen at a station as σt² = σx²/U².
      varianceRate: {
        probable: (2 * h.probable.dispersionM2s) / h.probable.velocityMs ** 3,
        bound: (2 * h.bound.dispersionM2s) / h.bound.velocityMs ** 3,
      },
      massFraction,
    };
    states.push(state);
    starts.push({ km, timeS: time, varianceS2: variance });
    const m = s.lengthKm * 1000;
    time = {
      probable: time.probable + m * state.slowness.probable,
      bound: time.bound + m * state.slowness.bound,
    };
    variance = {
      probable: variance.probable + m * state.varianceRate.probable,
      bound: variance.bound + m * state.varianceRate.bound,
    };
    km += s.lengthKm;
  }
  return { release, lengthKm: km, segments: states, starts };
}

/** Index of the segment holding km (the last one beyond the end, the first one before 0). */
function segmentIndex(p: Plume, km: number): number {
  let lo = 0;
  let hi = p.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.segments[mid]!.fromKm <= km) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Travel time (s) and time variance (s²) of the cloud centre at km, per case. */
export function centreAt(p: Plume, km: number): { timeS: CaseValue; varianceS2: CaseValue } {
  const i = segmentIndex(p, km);
  const s = p.segments[i]!;
  const b = p.starts[i]!;
  const m = (km - s.fromKm) * 1000;
  return {
    timeS: {
      probable: b.timeS.probable + m * s.slowness.probable,
      bound: b.timeS.bound + m * s.slowness.bound,
    },
    varianceS2: {
      probable: b.varianceS2.probable + m * s.varianceRate.probable,
      bound: b.varianceS2.bound + m * s.varianceRate.bound,
    },
  };
}

export interface PlumePoint extends Arrival {
  dischargeM3s: number;
  velocityMs: CaseValue;
  lake: boolean;
  /** σt (s) of the concentration–time curve at this station, per case. */
  sigmaS: CaseValue;
}

/**
 * Arrival at km (beyond the end the last segment continues). The peak is the cloud centre's
 * concentration: M·e^(−kT)/(Q·√(2π)·σt), which for a uniform reach is exactly the ADE's
 * M/(A·√(4πDT))·e^(−kT) at x = U·T, since Q = U·A and σt² = 2·D·T/U².
 */
export function plumeAt(p: Plume, km: number): PlumePoint {
  const i = segmentIndex(p, km);
  const s = p.segments[i]!;
  const at = centreAt(p, Math.max(0, km));
  const mixed = centreAt(p, Math.max(km, NEAR_FIELD_KM));
  const k = p.release.decayPerDay / 86400;
  const out = {
    leadingEdgeH: { probable: 0, bound: 0 },
    peakH: { probable: 0, bound: 0 },
    peakMgL: { probable: 0, bound: 0 },
    sigmaS: { probable: 0, bound: 0 },
  };
  for (const c of CASES) {
    const t = at.timeS[c];
    const sigma = Math.sqrt(at.varianceS2[c]);
    const sigmaMixed = Math.sqrt(mixed.varianceS2[c]);
    out.peakH[c] = t / 3600;
    // Jobson's empirical ratio, not the Gaussian's Tp − 3σt: near the source the Gaussian tail
    // runs unphysically far ahead of the cloud (Fischer's advective zone).
    out.leadingEdgeH[c] = (LEADING_EDGE_TO_PEAK * t) / 3600;
    out.sigmaS[c] = sigma;
    const mgL =
      (1000 * p.release.massKg * s.massFraction * Math.exp(-k * mixed.timeS[c])) /
      (s.dischargeM3s * Math.sqrt(2 * Math.PI) * sigmaMixed);
    out.peakMgL[c] =
      p.release.maxConcentrationMgL === null ? mgL : Math.min(mgL, p.release.maxConcentrationMgL);
  }
  return { ...out, dischargeM3s: s.dischargeM3s, velocityMs: s.velocityMs, lake: s.kind === 'lake' };
}

/** Concentration–time curve at a station (Gaussian in time around the peak), mg/L at t seconds. */
export function stationConcentrationMgL(point: PlumePoint, tcase: TransportCase, tS: number): number {
  const tp = point.peakH[tcase] * 3600;
  const sigma = point.sigmaS[tcase];
  return point.peakMgL[tcase] * Math.exp(-((tS - tp) ** 2) / (2 * sigma ** 2));
}
