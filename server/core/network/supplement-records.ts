// Adds joined network supplements to a HydroRIVERS-schema network: each supplement becomes a reach,
// and the reach it joins is split at the join point so the topology (NEXT_DOWN) meets it there.
import type { HydroReachRecord } from './hydrorivers.js';
import type { JoinResult } from './supplement.js';

type Joined = Extract<JoinResult, { ok: true }>;

/**
 * `results` come from joinSupplements(lines, targets) with targets = `records` in order. Returns the
 * records with the supplements added (ids above the largest existing one) and the joined reaches split.
 */
export function addSupplementRecords(
  records: readonly HydroReachRecord[],
  results: readonly Joined[],
): HydroReachRecord[] {
  let nextId = records.reduce((m, r) => Math.max(m, r.id), 0) + 1;
  const added: HydroReachRecord[] = results.map((r) => ({
    id: nextId++,
    nextDown: 0, // set below
    endorheic: false,
    dischargeM3s: r.line.dischargeM3s,
    ordFlow: null,
    coords: [...r.line.coords, r.lon, r.lat],
    name: r.line.name,
    sourceId: null,
  }));
  const all = [...records, ...added];
  const targetOf = (r: Joined): number =>
    r.into.kind === 'network' ? r.into.index : records.length + r.into.index;
  // Group joins by the reach they meet, ordered along it, and split that reach once at all of them.
  const byTarget = new Map<number, { result: Joined; supplement: number }[]>();
  results.forEach((result, k) => {
    const t = targetOf(result);
    byTarget.set(t, [...(byTarget.get(t) ?? []), { result, supplement: records.length + k }]);
  });
  // First fix every join's downstream piece id, so supplements that are themselves split carry it.
  const plans = new Map<number, { result: Joined; supplement: number; downId: number }[]>();
  for (const [t, joins] of byTarget) {
    const c = all[t]!.coords;
    const along = (j: Joined) => {
      const s = j.into.seg;
      const segLen = Math.hypot(c[2 * s + 2]! - c[2 * s]!, c[2 * s + 3]! - c[2 * s + 1]!) || 1;
      return s + Math.hypot(j.lon - c[2 * s]!, j.lat - c[2 * s + 1]!) / segLen;
    };
    const plan = joins
      .sort((a, b) => along(a.result) - along(b.result))
      .map((j) => ({ ...j, downId: nextId++ }));
    for (const j of plan) all[j.supplement] = { ...all[j.supplement]!, nextDown: j.downId };
    plans.set(t, plan);
  }
  const pieces = new Map<number, HydroReachRecord[]>();
  for (const [t, plan] of plans) {
    const target = all[t]!;
    const sourceId = target.sourceId === undefined ? target.id : target.sourceId;
    const out: HydroReachRecord[] = [];
    let coords: number[] = [target.coords[0]!, target.coords[1]!];
    let seg = 0;
    let id = target.id;
    for (const j of plan) {
      for (; seg < j.result.into.seg; seg++)
        coords.push(target.coords[2 * seg + 2]!, target.coords[2 * seg + 3]!);
      coords.push(j.result.lon, j.result.lat);
      out.push({ ...target, id, coords, nextDown: j.downId, sourceId });
      id = j.downId;
      coords = [j.result.lon, j.result.lat];
    }
    for (; seg < target.coords.length / 2 - 1; seg++)
      coords.push(target.coords[2 * seg + 2]!, target.coords[2 * seg + 3]!);
    out.push({ ...target, id, coords, sourceId });
    pieces.set(t, out);
  }
  return all.flatMap((r, i) => pieces.get(i) ?? [r]);
}
