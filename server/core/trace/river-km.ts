// Official river kilometres along a traced path: the reviewed chainage table (data/river-chainage.json)
// placed on the network, and a piecewise-linear map from Natural Earth km to calibrated km (the
// 1:10m lines cut meanders: the Prut's border stretch is ~0.6 of its real length), with the
// official chainage wherever the path lies between two points of one river.
import { z } from 'zod';
import { type ChainPoint, type MainChains, mainChains, onChainBelow, placeOnPath } from './main-chain.js';
import { type MainStep, mainPath } from './main-path.js';
import type { Reach, RiverNetwork } from './river-network.js';
import { normalizeName, type Snap, snapToNamedRiver } from './snap.js';

const PointSchema = z
  .object({
    place: z.string().min(1),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    km: z.number().min(0).max(10_000),
    source: z.string().min(1),
  })
  .strict();

export const ChainageTableSchema = z
  .object({
    about: z.string(),
    sources: z.record(z.string(), z.string()),
    rivers: z.array(
      z
        .object({
          river: z.string().min(1),
          names: z.array(z.string().min(1)).optional(),
          direction: z.enum(['fromMouth', 'fromSource']),
          lengthKm: z.number().positive().max(10_000),
          lengthSource: z.string().min(1),
          article: z.string().min(1).optional(),
          points: z.array(PointSchema).min(1),
        })
        .strict(),
    ),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.rivers.forEach((r, i) => {
      const check = (s: string, path: (string | number)[]) => {
        if (!(s in t.sources)) ctx.addIssue({ code: 'custom', path, message: `unknown source "${s}"` });
      };
      check(r.lengthSource, ['rivers', i, 'lengthSource']);
      for (const [j, p] of r.points.entries()) check(p.source, ['rivers', i, 'points', j, 'source']);
      const kms = r.points.map((p) => p.km);
      const sorted = [...kms].sort((a, b) => (r.direction === 'fromMouth' ? b - a : a - b));
      if (kms.some((k, j) => k !== sorted[j]))
        ctx.addIssue({
          code: 'custom',
          path: ['rivers', i, 'points'],
          message: 'points must run downstream',
        });
    });
  });

export type ChainageTable = z.output<typeof ChainageTableSchema>;

export interface ChainageAnchor extends ChainPoint {
  river: string;
  place: string;
  km: number;
  /** Index of the river in the table. */
  riverIndex: number;
  direction: 'fromMouth' | 'fromSource';
  /** True for the top of a river's Natural Earth line, given the reviewed length. */
  fromLength: boolean;
}

/** Is anchor `a` on the main chain below anchor `b`? */
export const anchorBelow = (chains: MainChains, a: ChainPoint, b: ChainPoint): boolean =>
  a.reachId === b.reachId ? a.offsetKm >= b.offsetKm : onChainBelow(chains, a.reachId, b.reachId);

export interface AnchoredChainage {
  rivers: ChainageTable['rivers'];
  anchors: ChainageAnchor[];
  unmatched: { river: string; place: string }[];
}

/** `{river, km}`: the official chainage at a point of the path. */
export interface RiverKm {
  river: string;
  km: number;
}

/** Calibrated / Natural Earth km outside this range means the points or the snap are wrong. */
const FACTOR_RANGE: [number, number] = [0.5, 3];
/** A reviewed length stretches the top of a river only within this factor (Natural Earth may start far below the source). */
const LENGTH_FACTOR_RANGE: [number, number] = [0.8, 2.2];

const namesOf = (r: Reach) =>
  [r.name, ...r.nameAlt.flatMap((n) => n.split(','))].filter((n): n is string => !!n).map(normalizeName);

export function anchorChainage(net: RiverNetwork, table: ChainageTable): AnchoredChainage {
  const chains = mainChains(net);
  const anchors: ChainageAnchor[] = [];
  const unmatched: AnchoredChainage['unmatched'] = [];
  const inflows = inflowsOf(net, chains);
  table.rivers.forEach((river, riverIndex) => {
    const names = [river.river, ...(river.names ?? [])];
    const own: ChainageAnchor[] = [];
    for (const p of river.points) {
      const snap = snapToNamedRiver(net, p.lon, p.lat, names);
      if (!snap) unmatched.push({ river: river.river, place: p.place });
      else
        own.push({
          river: river.river,
          place: p.place,
          km: p.km,
          reachId: snap.reach.id,
          offsetKm: snap.offsetKm,
          riverIndex,
          direction: river.direction,
          fromLength: false,
        });
    }
    anchors.push(...own);
    // Above the highest point of a river counted from its mouth: the reviewed length at the top of its line.
    const top = own.filter((a) => a.direction === 'fromMouth').sort((a, b) => b.km - a.km)[0];
    if (!top || top.km >= river.lengthKm) return;
    const wanted = new Set(names.map(normalizeName));
    let reach = top.reachId;
    for (let guard = 0; guard < 10_000; guard++) {
      const up = (inflows[reach] ?? [])
        .map((id) => net.reaches[id]!)
        .filter((r) => namesOf(r).some((n) => wanted.has(n)))
        .sort((a, b) => chains.kmToEnd[b.id]! - chains.kmToEnd[a.id]!)[0];
      if (!up) break;
      reach = up.id;
    }
    const rawKm = chains.kmToEnd[reach]! - (chains.kmToEnd[top.reachId]! - top.offsetKm);
    const factor = (river.lengthKm - top.km) / rawKm;
    if (rawKm > 1 && factor >= LENGTH_FACTOR_RANGE[0] && factor <= LENGTH_FACTOR_RANGE[1])
      anchors.push({
        ...top,
        place: 'top of the Natural Earth line (reviewed length)',
        km: river.lengthKm,
        reachId: reach,
        offsetKm: 0,
        fromLength: true,
      });
  });
  return { rivers: table.rivers, anchors, unmatched };
}

/** Reaches whose main chain continues into each reach. */
function inflowsOf(net: RiverNetwork, chains: MainChains): number[][] {
  const out: number[][] = net.reaches.map(() => []);
  for (const r of net.reaches) {
    const next = chains.next[r.id]!;
    if (next !== -1) out[next]!.push(r.id);
  }
  return out;
}

/** Km results are rounded to metres: a point this close to a bracket's end still belongs to it. */
const EDGE_KM = 0.01;
/** A path end (mouth, outlet) this far past a river's last point still reads that point's km (snap slack). */
const SNAP_SLACK_KM = 2;

interface Bracket {
  x0: number;
  x1: number;
  k0: number;
  k1: number;
  river: string;
}

/** Natural Earth km ↔ calibrated km along one main path, and the official chainage where known. */
export interface PathKm {
  /** Calibrated km at a Natural Earth km from the start (factor 1 outside the path). */
  cal(rawKm: number): number;
  /** Natural Earth km at a calibrated km. */
  raw(calKm: number): number;
  /** Official chainage at a Natural Earth km, or null off the table's rivers. */
  riverKm(rawKm: number): RiverKm | null;
}

/** A limit in calibrated km as Natural Earth km along the main path from `snap` (the same without chainage). */
export function naturalEarthMaxKm(
  net: RiverNetwork,
  chainage: AnchoredChainage | null | undefined,
  snap: Snap,
  maxCalKm: number,
): number {
  if (!chainage || !Number.isFinite(maxCalKm)) return maxCalKm;
  return pathKm(net, chainage, mainPath(net, snap, Number.POSITIVE_INFINITY)).raw(maxCalKm);
}

export const IDENTITY_PATH_KM: PathKm = { cal: (x) => x, raw: (x) => x, riverKm: () => null };

export function pathKm(
  net: RiverNetwork,
  chainage: AnchoredChainage | null | undefined,
  steps: readonly MainStep[],
): PathKm {
  const first = steps[0];
  if (!chainage || !first) return IDENTITY_PATH_KM;
  const last = steps[steps.length - 1]!;
  const lengthKm = last.startKm + last.toReachKm - last.fromReachKm;
  const placed = placeOnPath(mainChains(net), chainage.anchors, first.reach.id, first.fromReachKm);
  const byRiver = new Map<number, { point: ChainageAnchor; km: number }[]>();
  for (const p of placed) byRiver.set(p.point.riverIndex, [...(byRiver.get(p.point.riverIndex) ?? []), p]);
  const brackets: Bracket[] = [];
  for (const list of byRiver.values()) {
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      const dx = b.km - a.km;
      const dk = a.point.direction === 'fromMouth' ? a.point.km - b.point.km : b.point.km - a.point.km;
      if (dx <= 1e-6 || dk <= 0) continue;
      const f = dk / dx;
      if (f < FACTOR_RANGE[0] || f > FACTOR_RANGE[1]) continue;
      brackets.push({ x0: a.km, x1: b.km, k0: a.point.km, k1: b.point.km, river: a.point.river });
    }
  }
  const bracketAt = (x: number, tolKm = EDGE_KM) => {
    let best: Bracket | null = null;
    for (const b of brackets)
      if (x >= b.x0 - tolKm && x <= b.x1 + tolKm && (!best || b.x1 - b.x0 < best.x1 - best.x0)) best = b;
    return best;
  };
  // Breakpoints: the path's ends and every bracket end inside it; the factor is constant between them.
  const cuts = [0, lengthKm, ...brackets.flatMap((b) => [b.x0, b.x1])]
    .filter((x) => x >= 0 && x <= lengthKm)
    .sort((a, b) => a - b)
    .filter((x, i, all) => i === 0 || x - all[i - 1]! > 1e-9);
  const xs = [cuts[0]!];
  const cs = [0];
  for (let i = 1; i < cuts.length; i++) {
    const x0 = cuts[i - 1]!;
    const x1 = cuts[i]!;
    const b = bracketAt((x0 + x1) / 2);
    const f = b ? Math.abs(b.k1 - b.k0) / (b.x1 - b.x0) : 1;
    xs.push(x1);
    cs.push(cs[cs.length - 1]! + f * (x1 - x0));
  }
  const interp = (from: number[], to: number[], v: number) => {
    if (v <= from[0]!) return to[0]! + (v - from[0]!);
    const n = from.length - 1;
    if (v >= from[n]!) return to[n]! + (v - from[n]!);
    let lo = 0;
    let hi = n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (from[mid]! <= v) lo = mid;
      else hi = mid;
    }
    const t = (v - from[lo]!) / Math.max(1e-12, from[hi]! - from[lo]!);
    return to[lo]! + t * (to[hi]! - to[lo]!);
  };
  return {
    cal: (x) => interp(xs, cs, x),
    raw: (c) => interp(cs, xs, c),
    riverKm: (x) => {
      const b = bracketAt(x, SNAP_SLACK_KM);
      if (!b) return null;
      const t = Math.min(1, Math.max(0, (x - b.x0) / (b.x1 - b.x0)));
      const k = b.k0 + (b.k1 - b.k0) * t;
      return { river: b.river, km: Math.round(k * 10) / 10 };
    },
  };
}
