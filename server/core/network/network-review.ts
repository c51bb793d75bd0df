// Network review: flags links a reviewer should check — inland river systems joined to another system,
// splits whose arms reach far-apart outlets, river names changing where no river joins, tributaries
// turned into distributaries — minus those already reviewed (data/network-errata.json).
import { haversineKm } from '../geo/geodesy.js';
import { SegmentIndex } from '../geo/segment-index.js';
import { vertexKey } from './prepare-lines.js';
import { altNames, nameKey } from './river-names.js';
import type { Diagnostic, Edge, OutletKind } from './types.js';

export interface InlandSystem {
  river: string;
  /** A point on the river and that reach's Natural Earth name. */
  lon: number;
  lat: number;
  ne: string;
  /** 'inland' for an inland end (desert, inland delta), else the terminal lake's name. */
  endsIn: string;
  source: string;
}

export interface ReviewedLink {
  lon: number;
  lat: number;
  reason: string;
}

export type ReviewKind =
  | 'inland_system_joined'
  | 'inter_basin_link'
  | 'name_change_without_confluence'
  | 'tributary_made_distributary';

export interface ReviewFlag {
  kind: ReviewKind;
  lon: number;
  lat: number;
  message: string;
}

export interface ReviewInput {
  edges: readonly Edge[];
  nodeLon: readonly number[];
  nodeLat: readonly number[];
  /** Outlet at a node: kind and name. */
  outletAt: ReadonlyMap<number, { kind: OutletKind; name: string }>;
  diagnostics: readonly Diagnostic[];
  /** Vertex keys of the joins the build made by snapping line ends (not in the source data). */
  snapJoins: ReadonlySet<string>;
  /** Resolved name per edge (data/river-names.json): two spellings of one river are no name change. */
  resolvedNames?: readonly (string | null)[];
}

export interface Review {
  flags: ReviewFlag[];
  /** Reviewed inland systems found ending where they should. */
  inlandOk: string[];
  /** Reviewed inland systems whose river Natural Earth lacks. */
  inlandAbsent: string[];
  /** Flags matching a reviewed link. */
  acknowledged: number;
}

const POINT_KM = 5;
const ACK_KM = 2;

export function reviewNetwork(
  input: ReviewInput,
  inland: readonly InlandSystem[],
  reviewed: readonly ReviewedLink[],
): Review {
  const { edges } = input;
  const outflows = new Map<number, number[]>();
  const inflows = new Map<number, number[]>();
  edges.forEach((e, i) => {
    outflows.set(e.from, [...(outflows.get(e.from) ?? []), i]);
    inflows.set(e.to, [...(inflows.get(e.to) ?? []), i]);
  });
  const review: Review = { flags: [], inlandOk: [], inlandAbsent: [], acknowledged: 0 };
  checkInland(input, outflows, inland, review);

  const candidates: ReviewFlag[] = input.diagnostics
    .filter((d) => d.kind === 'inter_basin_link')
    .map((d) => ({ kind: 'inter_basin_link', lon: d.lon, lat: d.lat, message: d.message }));
  for (const [node, outs] of outflows) {
    const ins = inflows.get(node) ?? [];
    const lon = input.nodeLon[node]!;
    const lat = input.nodeLat[node]!;
    if (ins.length === 1 && outs.length === 1 && input.snapJoins.has(vertexKey(lon, lat))) {
      const a = edges[ins[0]!]!;
      const b = edges[outs[0]!]!;
      const resolved = input.resolvedNames;
      const same = resolved !== undefined && resolved[ins[0]!] === resolved[outs[0]!];
      if (
        a.name &&
        b.name &&
        a.featurecla === 'River' &&
        b.featurecla === 'River' &&
        !same &&
        !sharesName(a, b)
      ) {
        candidates.push({
          kind: 'name_change_without_confluence',
          lon,
          lat,
          message: `${a.name} becomes ${b.name} where the build joined two line ends and no river joins`,
        });
      }
    }
    if (outs.length >= 2 && ins.length > 0) {
      for (const o of outs) {
        const e = edges[o]!;
        // Digitised toward this node, yet made to flow out of it: a tributary turned distributary.
        if (e.reversed && e.name && !ins.some((i) => sharesName(edges[i]!, e))) {
          candidates.push({
            kind: 'tributary_made_distributary',
            lon,
            lat,
            message: `${e.name} is drawn flowing into ${edges[ins[0]!]!.name ?? 'an unnamed river'} but leaves it here`,
          });
        }
      }
    }
  }
  for (const f of candidates) {
    if (reviewed.some((r) => haversineKm(r.lon, r.lat, f.lon, f.lat) <= ACK_KM)) review.acknowledged++;
    else review.flags.push(f);
  }
  return review;
}

function sharesName(a: Edge, b: Edge): boolean {
  const keys = new Set([a.name, ...altNames(a.nameAlt)].filter((n) => n !== null).map(nameKey));
  return [b.name, ...altNames(b.nameAlt)].some((n) => n !== null && keys.has(nameKey(n)));
}

/** Follows each reviewed inland river's main path (its own name first, then the biggest river). */
function checkInland(
  input: ReviewInput,
  outflows: Map<number, number[]>,
  inland: readonly InlandSystem[],
  review: Review,
): void {
  const { edges } = input;
  const index = new SegmentIndex(edges.map((e) => e.coords));
  for (const sys of inland) {
    const key = nameKey(sys.ne);
    const hit = index.nearest(sys.lon, sys.lat, POINT_KM, (i) =>
      [edges[i]!.name, ...altNames(edges[i]!.nameAlt)].some((n) => n !== null && nameKey(n) === key),
    );
    if (!hit) {
      review.inlandAbsent.push(sys.river);
      continue;
    }
    let e = hit.line;
    let joinedAt: { lon: number; lat: number; river: string } | null = null;
    const seen = new Set<number>();
    for (;;) {
      seen.add(e);
      const edge = edges[e]!;
      const next = (outflows.get(edge.to) ?? []).filter((j) => !seen.has(j));
      if (next.length === 0) break;
      const own = next.find((j) => edges[j]!.name !== null && nameKey(edges[j]!.name!) === key);
      const pick = own ?? next.sort((a, b) => edges[a]!.scalerank - edges[b]!.scalerank || a - b)[0]!;
      const name = edges[pick]!.name;
      if (!joinedAt && own === undefined && name !== null) {
        joinedAt = { lon: input.nodeLon[edge.to]!, lat: input.nodeLat[edge.to]!, river: name };
      }
      e = pick;
    }
    const end = input.outletAt.get(edges[e]!.to);
    const ok =
      sys.endsIn === 'inland'
        ? end?.kind === 'inland_sink'
        : end?.kind === 'terminal_lake' && nameKey(end.name) === nameKey(sys.endsIn);
    if (ok) {
      review.inlandOk.push(sys.river);
      continue;
    }
    const where = joinedAt ?? { lon: edges[e]!.coords.at(-2)!, lat: edges[e]!.coords.at(-1)!, river: '?' };
    review.flags.push({
      kind: 'inland_system_joined',
      lon: where.lon,
      lat: where.lat,
      message:
        `${sys.river} should end ${sys.endsIn === 'inland' ? 'inland' : `in ${sys.endsIn}`} but ` +
        `${joinedAt ? `joins the ${joinedAt.river} and ` : ''}reaches ${end?.name ?? 'no outlet'}`,
    });
  }
}

/** The review as a few lines for the build log: a summary, then one line per flag. */
export function formatReview(review: Review): string[] {
  const byKind = new Map<string, number>();
  for (const f of review.flags) byKind.set(f.kind, (byKind.get(f.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([k, n]) => `${n} ${k}`).join(', ');
  const lines = [
    `network review: ${review.flags.length} flagged${kinds ? ` (${kinds})` : ''}; ` +
      `${review.acknowledged} reviewed links (inter_basin_link etc.) acknowledged; ` +
      `inland systems ending right: ${review.inlandOk.length}` +
      (review.inlandAbsent.length ? `; not in Natural Earth: ${review.inlandAbsent.join(', ')}` : ''),
  ];
  for (const f of review.flags)
    lines.push(`! ${f.kind} at ${f.lon.toFixed(4)},${f.lat.toFixed(4)}: ${f.message}`);
  return lines;
}
