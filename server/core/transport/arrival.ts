// Adds a release's arrival times and peak concentrations to a trace: per country entry, outlet
// and border crossing, a km profile for plotting, and the km/time where a limit is undershot.

import { type AnchoredChainage, naturalEarthMaxKm, pathKm, type RiverKm } from '../trace/river-km.js';
import type { RiverNetwork } from '../trace/river-network.js';
import type { Snap } from '../trace/snap.js';
import { mainPath, type TraceResult } from '../trace/trace.js';
import type { AnchoredDischarge } from './discharge-table.js';
import { MODEL_ASSUMPTIONS, MODEL_ASSUMPTIONS_RU } from './model-notes.js';
import { type DischargeSource, type DischargeSourceUsed, dischargeAlongPath } from './path-discharge.js';
import { type Arrival, buildPlume, type CaseValue, type Plume, plumeAt } from './plume.js';
import type { Release, ReleaseAmount } from './release.js';

export interface ProfilePoint extends Arrival {
  km: number;
  dischargeM3s: number;
  /** Where the discharge comes from: a gauge, between gauges, or area × runoff. */
  dischargeSource: DischargeSource;
  /** `dischargeSource === 'estimated'` (compatibility). */
  dischargeIsDefault: boolean;
  velocityMs: number;
  lake: boolean;
  /** Official chainage here, null off the chainage table's rivers. */
  riverKm: RiverKm | null;
}

export interface Threshold {
  limitMgL: number;
  /** Where the peak first falls below the limit; null when it stays above along the whole path. */
  belowAtKm: { probable: number | null; bound: number | null };
  belowAtH: { probable: number | null; bound: number | null };
  /** Countries (ISO3) whose water carries a maximum-probable peak above the limit. */
  countriesAbove: string[];
}

export interface ReleaseSummary {
  amount: ReleaseAmount;
  massKg: number;
  substance: string | null;
  decayPerDay: number;
  dischargeFactor: number;
  limitMgL: number | null;
  assumptions: string[];
  /** The same in Russian, item for item. */
  assumptionsRu: string[];
  discharge: DischargeSourceUsed[];
}

type WithArrival<T> = T & { arrival: Arrival };

export interface TraceWithRelease extends Omit<TraceResult, 'countries' | 'outlets' | 'crossings'> {
  countries: WithArrival<TraceResult['countries'][number]>[];
  outlets: WithArrival<TraceResult['outlets'][number]>[];
  crossings: WithArrival<TraceResult['crossings'][number]>[];
  release: ReleaseSummary;
  profile: ProfilePoint[];
  threshold?: Threshold;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const sig = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));
const cases = (v: CaseValue, f: (x: number) => number): CaseValue => ({
  probable: f(v.probable),
  bound: f(v.bound),
});

function arrivalOut(p: Arrival): Arrival {
  return {
    leadingEdgeH: cases(p.leadingEdgeH, r2),
    peakH: cases(p.peakH, r2),
    peakMgL: cases(p.peakMgL, sig),
  };
}

/**
 * Integration step (pieces also break at every reach end): discharge is linear in km between table
 * points, so a few hundred pieces integrate T and σt² to well under 1 %; ≤ ~500 keeps it fast.
 */
const stepKmFor = (lengthKm: number) => Math.min(5, Math.max(0.25, lengthKm / 500));
/** Profile spacing: 1 km on short paths, up to 5 km on long ones (≤ ~400 points). */
const profileKmFor = (lengthKm: number) => Math.min(5, Math.max(1, Math.round(lengthKm / 400)));

export function addArrival(
  net: RiverNetwork,
  table: AnchoredDischarge,
  snap: Snap,
  trace: TraceResult,
  release: Release,
  maxKm?: number,
  chainage: AnchoredChainage | null = null,
): TraceWithRelease {
  const steps = mainPath(
    net,
    snap,
    naturalEarthMaxKm(net, chainage, snap, maxKm ?? Number.POSITIVE_INFINITY),
  );
  const raw = dischargeAlongPath(net, table, steps, stepKmFor(trace.lengthKm));
  // The trace is in calibrated km (official lengths): so are the pieces the plume travels along.
  const pk = pathKm(net, chainage, steps);
  const pieces = raw.pieces.map((p) => ({ ...p, fromKm: pk.cal(p.fromKm), toKm: pk.cal(p.toKm) }));
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const sources = raw.sources.map((d) =>
    d.default
      ? { ...d, fromKm: r1(pk.cal(d.fromKm)), toKm: r1(pk.cal(d.toKm)) }
      : { ...d, km: r1(pk.cal(d.km)) },
  );
  const plume = buildPlume(
    pieces.map((p) => ({
      lengthKm: p.toKm - p.fromKm,
      dischargeM3s: p.dischargeM3s * release.dischargeFactor,
      kind: p.reach.featurecla === 'Lake Centerline' ? 'lake' : 'river',
    })),
    {
      massKg: release.massKg,
      decayPerDay: release.decayPerDay,
      maxConcentrationMgL: release.amount.kind === 'volume' ? release.amount.releaseConcentrationMgL : null,
    },
  );
  const at = (km: number) => arrivalOut(plumeAt(plume, km));

  const spacing = profileKmFor(trace.lengthKm);
  const kms: number[] = [];
  for (let km = 0; km < trace.lengthKm; km += spacing) kms.push(km);
  kms.push(trace.lengthKm);
  let pi = 0;
  const profile = kms.map((km) => {
    while (pi < pieces.length - 1 && pieces[pi]!.toKm < km) pi++;
    const p = plumeAt(plume, km);
    return {
      km: r3(km),
      dischargeM3s: Math.round(p.dischargeM3s * 10) / 10,
      dischargeSource: pieces[pi]?.source ?? 'estimated',
      dischargeIsDefault: pieces[pi]?.isDefault ?? true,
      velocityMs: r3(p.velocityMs.probable),
      lake: p.lake,
      riverKm: pk.riverKm(pk.raw(km)),
      ...arrivalOut(p),
    };
  });

  const out: TraceWithRelease = {
    ...trace,
    countries: trace.countries.map((c) => ({ ...c, arrival: at(c.entryKm) })),
    outlets: trace.outlets.map((o) => ({ ...o, arrival: at(o.km) })),
    crossings: trace.crossings.map((c) => ({ ...c, arrival: at(c.km) })),
    release: {
      amount: release.amount,
      massKg: release.massKg,
      substance: release.substance,
      decayPerDay: release.decayPerDay,
      dischargeFactor: release.dischargeFactor,
      limitMgL: release.limitMgL,
      assumptions: MODEL_ASSUMPTIONS,
      assumptionsRu: MODEL_ASSUMPTIONS_RU,
      discharge: sources,
    },
    profile,
  };
  if (release.limitMgL !== null) out.threshold = threshold(plume, out, release.limitMgL, trace.lengthKm);
  return out;
}

function threshold(plume: Plume, t: TraceWithRelease, limitMgL: number, lengthKm: number): Threshold {
  // The peak never rises downstream (more water dilutes, abstraction takes its share of the mass,
  // σt only grows, decay only lowers it), so the first km below the limit is found by bisection.
  const below = (tcase: 'probable' | 'bound') => {
    const peak = (km: number) => plumeAt(plume, km).peakMgL[tcase];
    if (peak(0) < limitMgL) return 0;
    let lo = 0;
    let hi = lengthKm;
    if (peak(hi) >= limitMgL) return null;
    for (let i = 0; i < 40 && hi - lo > 1e-4; i++) {
      const mid = (lo + hi) / 2;
      if (peak(mid) < limitMgL) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const probableKm = below('probable');
  const boundKm = below('bound');
  const hours = (km: number | null, tcase: 'probable' | 'bound') =>
    km === null ? null : r2(plumeAt(plume, km).peakH[tcase]);
  const above = new Set<string>();
  for (const c of t.countries) {
    if (c.arrival.peakMgL.bound > limitMgL) for (const iso of [c.iso3, ...c.sharedWith]) above.add(iso);
  }
  return {
    limitMgL,
    belowAtKm: {
      probable: probableKm === null ? null : r3(probableKm),
      bound: boundKm === null ? null : r3(boundKm),
    },
    belowAtH: { probable: hours(probableKm, 'probable'), bound: hours(boundKm, 'bound') },
    countriesAbove: [...above],
  };
}
