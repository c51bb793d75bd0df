// Resolves one display name per reach, in order: reviewed stretches and spellings
// (data/river-names.json), Natural Earth `name`, `name_alt`, then inference along the main stem.
import { SegmentIndex } from '../geo/segment-index.js';
import type { Diagnostic, Edge } from './types.js';

export type NameSource = 'reviewed' | 'natural_earth' | 'name_alt' | 'inferred';

export interface ReviewedRiver {
  name: string;
  nameLocal: string | null;
  nameRu: string | null;
  /** Natural Earth spellings (`name` or `name_alt`) that mean this river inside `bbox`. */
  aliases: string[];
  /** West, south, east, north: where the spellings mean this river (homonyms elsewhere keep theirs). */
  bbox: [number, number, number, number];
  /** A delta arm: outlets it reaches are labelled with it. */
  arm?: boolean;
  /** The river an arm belongs to (the Danube): kept as an alternative name, so look-ups by it match. */
  partOf?: string;
  source: string;
}

/** A point on a reach, with that reach's Natural Earth name (null: unnamed), so no reach id is stored. */
export interface NamePoint {
  lon: number;
  lat: number;
  ne: string | null;
}

/** Every reach on a flow path from the reach at `from` to the reach at `to` (both included) is `name`. */
export interface NameStretch {
  name: string;
  from: NamePoint;
  to: NamePoint;
  source: string;
}

export interface RiverNames {
  rivers: ReviewedRiver[];
  stretches: NameStretch[];
  /** Points where a reach is divided (no change in connectivity) so a name can change there. */
  splits: { lon: number; lat: number; reason: string }[];
}

export interface ReachName {
  name: string | null;
  nameLocal: string | null;
  nameRu: string | null;
  nameSource: NameSource;
  arm: boolean;
  partOf?: string;
}

/** Reach found within this distance of a reviewed point. */
const POINT_KM = 3;

/** Case-, diacritics- and spacing-insensitive form of a name. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-‐'’‘`]+/g, ' ')
    .trim();
}

/** The names an alternative-name field holds: Natural Earth lists a line's downstream names with commas. */
export const altNames = (alts: readonly string[]): string[] =>
  alts.flatMap((a) => a.split(',').map((s) => s.trim())).filter((s) => s.length > 0);

export function resolveReachNames(
  edges: readonly Edge[],
  nodeCount: number,
  names: RiverNames,
  diagnostics: Diagnostic[],
  /** Name of the Natural Earth lake polygon containing a point, for unnamed lake centerlines. */
  lakeAt: (lon: number, lat: number) => string | null = () => null,
): ReachName[] {
  const g = graph(edges, nodeCount);
  const out: (ReachName | null)[] = edges.map(() => null);
  const lakeNamed = new Set<number>();
  applyStretches(edges, g, names, out, diagnostics);

  const byKey = new Map<string, ReviewedRiver[]>();
  for (const r of names.rivers) {
    for (const k of new Set([r.name, ...r.aliases].map(nameKey))) byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const reviewed = (n: string, e: Edge): ReviewedRiver | null => {
    const candidates = byKey.get(nameKey(n));
    if (!candidates) return null;
    const mid = Math.floor(e.coords.length / 4) * 2;
    const lon = e.coords[mid]!;
    const lat = e.coords[mid + 1]!;
    return (
      candidates.find((r) => lon >= r.bbox[0] && lon <= r.bbox[2] && lat >= r.bbox[1] && lat <= r.bbox[3]) ??
      null
    );
  };
  const label = (n: string, e: Edge, source: NameSource): ReachName => {
    const r = reviewed(n, e);
    if (!r) return { name: n, nameLocal: n, nameRu: e.nameRu, nameSource: source, arm: false };
    const spelled = source === 'natural_earth' && r.name !== n ? 'reviewed' : source;
    return {
      name: r.name,
      nameLocal: r.nameLocal,
      nameRu: r.nameRu,
      nameSource: spelled,
      arm: r.arm ?? false,
      ...(r.partOf ? { partOf: r.partOf } : {}),
    };
  };
  edges.forEach((e, i) => {
    if (out[i]) {
      const r = reviewed(out[i].name!, e);
      if (r)
        out[i] = {
          ...out[i],
          nameLocal: r.nameLocal,
          nameRu: r.nameRu,
          arm: r.arm ?? false,
          ...(r.partOf ? { partOf: r.partOf } : {}),
        };
      return;
    }
    if (e.name) out[i] = label(e.name, e, 'natural_earth');
    else {
      const alt = altNames(e.nameAlt)[0];
      if (alt) out[i] = label(alt, e, 'name_alt');
      else if (e.featurecla === 'Lake Centerline') {
        // An unnamed line through a lake is that lake (Lake Onega), not a "tributary of" its outflow.
        const mid = Math.floor(e.coords.length / 4) * 2;
        const lake = lakeAt(e.coords[mid]!, e.coords[mid + 1]!);
        if (lake) {
          out[i] = label(lake, e, 'natural_earth');
          lakeNamed.add(i);
        }
      }
    }
  });
  inferAlongMainStem(edges, g, out, lakeNamed);
  return out.map(
    (n) => n ?? { name: null, nameLocal: null, nameRu: null, nameSource: 'inferred', arm: false },
  );
}

interface Graph {
  inflows: number[][];
  outflows: number[][];
  /** Edge ids, upstream before downstream (cycles, if any, appended). */
  order: number[];
  /** River km upstream of each edge's end, counting the edge. */
  upKm: Float64Array;
}

function graph(edges: readonly Edge[], nodeCount: number): Graph {
  const inflows: number[][] = Array.from({ length: nodeCount }, () => []);
  const outflows: number[][] = Array.from({ length: nodeCount }, () => []);
  edges.forEach((e, i) => {
    inflows[e.to]!.push(i);
    outflows[e.from]!.push(i);
  });
  const pending = edges.map((e) => inflows[e.from]!.length);
  const order: number[] = [];
  const queue = edges.flatMap((_, i) => (pending[i] === 0 ? [i] : []));
  const done = new Uint8Array(edges.length);
  while (queue.length > 0) {
    const i = queue.pop()!;
    order.push(i);
    done[i] = 1;
    for (const j of outflows[edges[i]!.to]!) if (--pending[j]! === 0) queue.push(j);
  }
  edges.forEach((_, i) => {
    if (!done[i]) order.push(i);
  });
  const upKm = new Float64Array(edges.length);
  for (const i of order) {
    const e = edges[i]!;
    upKm[i] = e.lengthKm + inflows[e.from]!.reduce((s, j) => s + upKm[j]!, 0);
  }
  return { inflows, outflows, order, upKm };
}

function applyStretches(
  edges: readonly Edge[],
  g: Graph,
  names: RiverNames,
  out: (ReachName | null)[],
  diagnostics: Diagnostic[],
): void {
  if (names.stretches.length === 0) return;
  const index = new SegmentIndex(edges.map((e) => e.coords));
  const locate = (p: NamePoint): number => {
    const key = p.ne === null ? null : nameKey(p.ne);
    const hit = index.nearest(p.lon, p.lat, POINT_KM, (i) => {
      const e = edges[i]!;
      return key === null
        ? e.name === null
        : [e.name, ...e.nameAlt].some((n) => n !== null && nameKey(n) === key);
    });
    return hit ? hit.line : -1;
  };
  for (const s of names.stretches) {
    const a = locate(s.from);
    const b = locate(s.to);
    const down = a < 0 ? new Set<number>() : walk(a, (i) => g.outflows[edges[i]!.to]!);
    const up = b < 0 ? new Set<number>() : walk(b, (i) => g.inflows[edges[i]!.from]!);
    const path = [...down].filter((i) => up.has(i));
    if (path.length === 0) {
      diagnostics.push({
        kind: 'errata_unused',
        lon: s.from.lon,
        lat: s.from.lat,
        message: `River name "${s.name}" matched no flow path (from ${a < 0 ? 'not found' : 'found'}, to ${b < 0 ? 'not found' : 'found'})`,
      });
      continue;
    }
    for (const i of path)
      out[i] ??= { name: s.name, nameLocal: s.name, nameRu: null, nameSource: 'reviewed', arm: false };
  }
}

function walk(start: number, next: (i: number) => number[]): Set<number> {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const j of next(stack.pop()!)) {
      if (!seen.has(j)) {
        seen.add(j);
        stack.push(j);
      }
    }
  }
  return seen;
}

/**
 * An unnamed reach below a named main-stem reach carries its name (unless two named rivers of the
 * same rank meet there: a new river begins, whose name only review can give). Then, upstream: an
 * unnamed reach that is the same-rank main inflow of a named reach takes its name; any other
 * unnamed reach is a "tributary of X".
 */
function inferAlongMainStem(
  edges: readonly Edge[],
  g: Graph,
  out: (ReachName | null)[],
  /** Reaches named after the lake they cross: a lake's name is not carried onto rivers. */
  lakeNamed: ReadonlySet<number>,
): void {
  const tributaryOf: (string | null)[] = edges.map(() => null);
  // The Russian name of the same river, where reviewed: "приток реки Дунай" (no declension needed).
  const tributaryOfRu: (string | null)[] = edges.map(() => null);
  const mainInflow = (i: number): number | null => {
    const ins = g.inflows[edges[i]!.from]!;
    let best: number | null = null;
    for (const j of ins) {
      const a = edges[j]!;
      const b = best === null ? null : edges[best]!;
      if (!b || a.scalerank < b.scalerank || (a.scalerank === b.scalerank && g.upKm[j]! > g.upKm[best!]!))
        best = j;
    }
    return best;
  };
  for (const i of g.order) {
    if (out[i]) continue;
    const m = mainInflow(i);
    const from = m === null ? null : out[m];
    if (m === null || !from?.name || tributaryOf[m] !== null || lakeNamed.has(m)) continue;
    const rival = g.inflows[edges[i]!.from]!.some(
      (j) =>
        j !== m && edges[j]!.scalerank === edges[m]!.scalerank && out[j]?.name && out[j]!.name !== from.name,
    );
    if (!rival) out[i] = { ...from, nameSource: 'inferred', arm: false, partOf: undefined };
  }
  for (let k = g.order.length - 1; k >= 0; k--) {
    const i = g.order[k]!;
    if (out[i]) continue;
    const downs = g.outflows[edges[i]!.to]!.filter((j) => out[j]?.name);
    const o = downs.sort((a, b) => edges[a]!.scalerank - edges[b]!.scalerank || a - b)[0];
    if (o === undefined) continue;
    const below = out[o]!;
    const sameStem =
      tributaryOf[o] === null &&
      !lakeNamed.has(o) &&
      edges[o]!.scalerank === edges[i]!.scalerank &&
      mainInflow(o) === i;
    if (sameStem) out[i] = { ...below, nameSource: 'inferred', arm: false, partOf: undefined };
    else {
      const river = tributaryOf[o] ?? below.name!;
      const riverRu = tributaryOf[o] !== null ? tributaryOfRu[o] : (below.nameRu ?? null);
      tributaryOf[i] = river;
      tributaryOfRu[i] = riverRu ?? null;
      out[i] = {
        name: `tributary of ${river}`,
        nameLocal: null,
        nameRu: `приток реки ${riverRu ?? river}`,
        nameSource: 'inferred',
        arm: false,
      };
    }
  }
}
