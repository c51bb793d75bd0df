// Mean discharge along a trace's main path: table values interpolated linearly in km along each
// river, carried across confluences without decreasing, and size-class defaults where the table
// has nothing, each piece saying which it is.

import type { Reach, RiverNetwork } from '../trace/river-network.js';
import { normalizeName } from '../trace/snap.js';
import type { MainStep } from '../trace/trace.js';
import { type AnchoredDischarge, type DischargeAnchor, defaultDischargeM3s } from './discharge-table.js';
import { hasNetworkDischarge, networkDischargeAlongPath } from './network-discharge.js';

export interface DischargePiece {
  fromKm: number;
  toKm: number;
  /** Table or default discharge (before any user factor). */
  dischargeM3s: number;
  isDefault: boolean;
  reach: Reach;
}

export type DischargeSourceUsed =
  | {
      default: false;
      river: string;
      place: string;
      /** Km along the main path (negative: upstream of the start, used to interpolate). */
      km: number;
      dischargeM3s: number;
      source: string;
      reference: string;
      estimate: boolean;
      /** "network": the value is the network source's own (HydroRIVERS DIS_AV_CMS), not the table's. */
      dischargeSource?: 'network';
    }
  | {
      default: true;
      river: string | null;
      fromKm: number;
      toKm: number;
      scalerank: number;
      dischargeM3s: number;
      basis: string;
    };

interface Control {
  km: number;
  q: number;
  anchor: DischargeAnchor;
}

interface Run {
  names: Set<string>;
  steps: MainStep[];
}

/** How far upstream along the same river to look for a table value to interpolate from. */
const UPSTREAM_SEARCH_KM = 2000;

const namesOf = (r: Reach) =>
  new Set([r.name, ...r.nameAlt].filter((n): n is string => n !== null).map(normalizeName));

/** Consecutive main-path reaches of one river (by any shared name; unnamed pieces continue it). */
function riverRuns(steps: readonly MainStep[]): Run[] {
  const runs: Run[] = [];
  for (const s of steps) {
    const names = namesOf(s.reach);
    const last = runs[runs.length - 1];
    if (last && (names.size === 0 || [...names].some((n) => last.names.has(n)))) {
      for (const n of names) last.names.add(n);
      last.steps.push(s);
    } else runs.push({ names, steps: [s] });
  }
  return runs;
}

/** Nearest table point upstream of the run's start along the same river, with its distance. */
function upstreamControl(
  net: RiverNetwork,
  table: AnchoredDischarge,
  inflows: number[][],
  run: Run,
): Control | null {
  const first = run.steps[0]!;
  const startKm = first.startKm;
  const onStart = (table.byReach.get(first.reach.id) ?? []).filter((a) => a.offsetKm < first.fromReachKm);
  const nearest = onStart[onStart.length - 1];
  if (nearest)
    return {
      km: startKm - (first.fromReachKm - nearest.offsetKm),
      q: nearest.point.dischargeM3s,
      anchor: nearest,
    };
  if (run.names.size === 0) return null;
  let reach = first.reach;
  let walkedKm = first.fromReachKm;
  const seen = new Set<number>([reach.id]);
  while (walkedKm < UPSTREAM_SEARCH_KM) {
    const up = inflows[reach.from]!.map((id) => net.reaches[id]!)
      .filter((r) => !seen.has(r.id) && [...namesOf(r)].some((n) => run.names.has(n)))
      .sort((a, b) => a.scalerank - b.scalerank || a.id - b.id)[0];
    if (!up) return null;
    seen.add(up.id);
    const here = table.byReach.get(up.id) ?? [];
    const last = here[here.length - 1];
    if (last)
      return {
        km: startKm - walkedKm - (up.lengthKm - last.offsetKm),
        q: last.point.dischargeM3s,
        anchor: last,
      };
    walkedKm += up.lengthKm;
    reach = up;
  }
  return null;
}

const inflowCache = new WeakMap<RiverNetwork, number[][]>();
function inflowsOf(net: RiverNetwork): number[][] {
  let inflows = inflowCache.get(net);
  if (!inflows) {
    inflows = net.outflows.map(() => []);
    for (const r of net.reaches) inflows[r.to]!.push(r.id);
    inflowCache.set(net, inflows);
  }
  return inflows;
}

/**
 * Discharge on pieces of at most stepKm along the main path. Within a river, between table
 * points: linear in km (so it may fall where the table says so, e.g. the regulated lower Syr
 * Darya); after the last point: held; before the first: the size-class default, capped by that
 * point. Entering a river never lowers the flow carried in, until the river's own table points.
 */
export function dischargeAlongPath(
  net: RiverNetwork,
  table: AnchoredDischarge,
  steps: readonly MainStep[],
  stepKm: number,
): { pieces: DischargePiece[]; sources: DischargeSourceUsed[] } {
  if (hasNetworkDischarge(steps)) return networkDischargeAlongPath(steps, stepKm);
  const inflows = inflowsOf(net);
  const pieces: DischargePiece[] = [];
  const used = new Map<DischargeAnchor, number>();
  let carried = 0;
  for (const run of riverRuns(steps)) {
    const up = upstreamControl(net, table, inflows, run);
    const onPath: Control[] = [];
    for (const s of run.steps)
      for (const a of table.byReach.get(s.reach.id) ?? [])
        if (a.offsetKm >= s.fromReachKm && a.offsetKm <= s.toReachKm)
          onPath.push({ km: s.startKm + a.offsetKm - s.fromReachKm, q: a.point.dischargeM3s, anchor: a });
    const controls = [...(up ? [up] : []), ...onPath];
    for (const c of controls) used.set(c.anchor, c.km);
    const firstOnPathKm = onPath[0]?.km ?? Number.POSITIVE_INFINITY;
    let runningDefault = carried;
    for (const s of run.steps) {
      const lengthKm = s.toReachKm - s.fromReachKm;
      const n = Math.max(1, Math.ceil(lengthKm / stepKm - 1e-9));
      for (let i = 0; i < n; i++) {
        const fromKm = s.startKm + (lengthKm * i) / n;
        const toKm = s.startKm + (lengthKm * (i + 1)) / n;
        const mid = (fromKm + toKm) / 2;
        let q: number;
        let isDefault: boolean;
        const first = controls[0];
        if (!first || mid < first.km) {
          runningDefault = Math.max(runningDefault, defaultDischargeM3s(s.reach.scalerank));
          q = first ? Math.min(first.q, runningDefault) : runningDefault;
          // Flow carried in from a tabulated river upstream is a table value, not a default.
          isDefault = q > carried;
        } else {
          const j = controls.findLastIndex((c) => c.km <= mid);
          const a = controls[j]!;
          const b = controls[j + 1];
          q = b ? a.q + ((b.q - a.q) * (mid - a.km)) / Math.max(1e-9, b.km - a.km) : a.q;
          isDefault = false;
        }
        if (mid <= firstOnPathKm) q = Math.max(q, carried);
        pieces.push({ fromKm, toKm, dischargeM3s: q, isDefault, reach: s.reach });
      }
    }
    carried = pieces[pieces.length - 1]?.dischargeM3s ?? carried;
  }
  return { pieces, sources: describeSources(table, used, pieces) };
}

function describeSources(
  table: AnchoredDischarge,
  used: Map<DischargeAnchor, number>,
  pieces: DischargePiece[],
): DischargeSourceUsed[] {
  const out: DischargeSourceUsed[] = [...used]
    .sort((a, b) => a[1] - b[1])
    .map(([a, km]) => ({
      default: false as const,
      river: a.point.river,
      place: a.point.place,
      km: Math.round(km * 10) / 10,
      dischargeM3s: a.point.dischargeM3s,
      source: a.point.source,
      reference: table.sources[a.point.source] ?? a.point.source,
      estimate: a.point.estimate ?? false,
    }));
  let open: Extract<DischargeSourceUsed, { default: true }> | null = null;
  for (const p of pieces) {
    if (!p.isDefault) {
      open = null;
      continue;
    }
    if (open && open.scalerank === p.reach.scalerank && open.river === p.reach.name) {
      open.toKm = Math.round(p.toKm * 10) / 10;
      open.dischargeM3s = Math.max(open.dischargeM3s, p.dischargeM3s);
      continue;
    }
    open = {
      default: true,
      river: p.reach.name,
      fromKm: Math.round(p.fromKm * 10) / 10,
      toKm: Math.round(p.toKm * 10) / 10,
      scalerank: p.reach.scalerank,
      dischargeM3s: p.dischargeM3s,
      basis: `size-class default for Natural Earth scalerank ${p.reach.scalerank}`,
    };
    out.push(open);
  }
  return out;
}
