// The main path downstream: at a split the same river if it goes on, else the biggest one.
import type { Reach, RiverNetwork } from './river-network.js';
import type { Snap } from './snap.js';

export function mainOutflow(net: RiverNetwork, from: Reach): Reach | null {
  const options = net.outflows[from.to]!.map((id) => net.reaches[id]!);
  if (options.length <= 1) return options[0] ?? null;
  const names = new Set([from.name, ...from.nameAlt].filter((n) => n !== null));
  const score = (r: Reach): [number, number, number, number] => [
    [r.name, ...r.nameAlt].some((n) => n !== null && names.has(n)) ? 0 : 1,
    r.featurecla === 'River' ? 0 : 1,
    r.scalerank,
    r.id,
  ];
  return options.reduce((best, r) => {
    const a = score(r);
    const b = score(best);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? r : best;
    return best;
  });
}

export interface MainStep {
  reach: Reach;
  /** Km along the reach where the step starts/ends (partial for the first and a truncated last). */
  fromReachKm: number;
  toReachKm: number;
  startKm: number;
}

/** The main path from a snap: the main continuation at every split, up to `maxKm` or an outlet. */
export function mainPath(net: RiverNetwork, snap: Snap, maxKm: number): MainStep[] {
  const steps: MainStep[] = [];
  let reach = snap.reach;
  let fromReachKm = snap.offsetKm;
  let startKm = 0;
  const seen = new Set<number>();
  for (;;) {
    const remaining = maxKm - startKm;
    const toReachKm = Math.min(reach.lengthKm, fromReachKm + remaining);
    steps.push({ reach, fromReachKm, toReachKm, startKm });
    startKm += toReachKm - fromReachKm;
    seen.add(reach.id);
    if (toReachKm < reach.lengthKm || net.outletAt.has(reach.to)) break;
    const next = mainOutflow(net, reach);
    if (!next || seen.has(next.id)) break;
    reach = next;
    fromReachKm = 0;
  }
  return steps;
}
