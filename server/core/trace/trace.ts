// Follows water downstream from a snapped point through every branch to every outlet, and
// summarises the main path: countries in order, border crossings, rivers, outlets.
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { pointAtKm, sliceByKm } from '../geo/geodesy.js';
import type { CountryRun } from '../network/country-runs.js';
import { MinHeap } from '../network/min-heap.js';
import type { NameSource } from '../network/river-names.js';
import { calibrateTrace } from './calibrate-trace.js';
import { connectionOf, type SnapConnection, type TraceWarning } from './connection.js';
import { countryChanges, countryStretches } from './country-sequence.js';
import { mainOutflow } from './main-path.js';
import { type AnchoredChainage, naturalEarthMaxKm, pathKm, type RiverKm } from './river-km.js';
import type { Reach, RiverNetwork } from './river-network.js';
import type { Snap } from './snap.js';

export interface TraceCountry {
  iso3: string;
  name: string;
  entryKm: number;
  exitKm: number;
  sharedWith: string[];
  /** Official chainage at the entry (data/river-chainage.json), null off its rivers. */
  riverKm: RiverKm | null;
}

export interface TraceResult {
  /** `connection`: how the point joins the network (`via` the receiving river). */
  snap: { lon: number; lat: number; distanceKm: number; river: string | null; connection: SnapConnection };
  lengthKm: number;
  truncated: boolean;
  /** Every outlet reached, nearest first; `main` marks the one at the end of the main path. */
  outlets: {
    name: string;
    kind: string;
    river: string | null;
    /** The delta arm that enters the outlet ("Sulina arm"), null where the river is not an arm. */
    arm: string | null;
    km: number;
    lon: number;
    lat: number;
    main: boolean;
    riverKm: RiverKm | null;
  }[];
  countries: TraceCountry[];
  crossings: {
    km: number;
    lon: number;
    lat: number;
    from: string;
    to: string;
    kind: string;
    riverKm: RiverKm | null;
  }[];
  rivers: TraceRiver[];
  path: FeatureCollection<LineString, PathProps>;
  /** Doubts about the start: a snap across a divide, a point far from its own (missing) stream. */
  warnings: TraceWarning[];
}

export interface TraceRiver {
  name: string | null;
  nameLocal: string | null;
  nameRu: string | null;
  /** Where the name comes from, for the most km of the entry. */
  nameSource: NameSource;
  fromKm: number;
  toKm: number;
}

export interface PathProps {
  reachId: number;
  kmFromStart: number;
  lengthKm: number;
  river: string | null;
  country: string | null;
  border: string | null;
  branch: 'main' | 'distributary';
}

export interface MainStep {
  reach: Reach;
  /** Km along the reach where the step starts/ends (partial for the first and a truncated last). */
  fromReachKm: number;
  toReachKm: number;
  startKm: number;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Km in the result, and `maxKm`, are calibrated to official lengths where `chainage` has points. */
export function traceDownstream(
  net: RiverNetwork,
  snap: Snap,
  maxCalKm = Number.POSITIVE_INFINITY,
  chainage: AnchoredChainage | null = null,
): TraceResult {
  const maxKm = naturalEarthMaxKm(net, chainage, snap, maxCalKm);
  const start = snap.reach;
  const firstKm = start.lengthKm - snap.offsetKm;

  // Shortest river distance from the start to every downstream node (the network is a DAG with splits).
  const dist = new Map<number, number>([[start.to, firstKm]]);
  const heap = new MinHeap();
  heap.push(firstKm, start.to);
  const reached: Reach[] = [];
  while (heap.size) {
    const [d, v] = heap.pop();
    if (d > dist.get(v)! || d >= maxKm || net.outletAt.has(v)) continue;
    for (const id of net.outflows[v]!) {
      const r = net.reaches[id]!;
      reached.push(r);
      const nd = d + r.lengthKm;
      if (nd < (dist.get(r.to) ?? Number.POSITIVE_INFINITY)) {
        dist.set(r.to, nd);
        heap.push(nd, r.to);
      }
    }
  }

  const main = mainPath(net, snap, maxKm);
  const last = main[main.length - 1]!;
  const lengthKm = last.startKm + last.toReachKm - last.fromReachKm;
  const truncated = lengthKm >= maxKm - 1e-9;

  const runs: CountryRun[] = [];
  for (const s of main) {
    for (const r of s.reach.runs) {
      const a = Math.max(r.fromKm, s.fromReachKm);
      const b = Math.min(r.toKm, s.toReachKm);
      if (b > a)
        runs.push({ ...r, fromKm: s.startKm + a - s.fromReachKm, toKm: s.startKm + b - s.fromReachKm });
    }
  }
  const stretches = countryStretches(runs);
  const at = (km: number): [number, number] => {
    const s = main.find((m) => km <= m.startKm + m.toReachKm - m.fromReachKm) ?? last;
    return pointAtKm(s.reach.coords, s.reach.cumKm, s.fromReachKm + km - s.startKm);
  };

  const outlets = [...dist]
    .filter(([node, km]) => net.outletAt.has(node) && km <= maxKm)
    .map(([node, km]) => {
      const o = net.outletAt.get(node)!;
      // The main outlet is where the main path ends: its km and arm are the main path's, not those of
      // the shortest route to the same node (which may run down a parallel arm of a delta).
      const isMain = node === last.reach.to && !truncated;
      const arm = isMain ? last.reach : (reached.find((r) => r.to === node) ?? null);
      return {
        name: o.name,
        kind: o.kind,
        river: arm?.name ?? null,
        arm: arm?.arm ? arm.name : null,
        km: round(isMain ? lengthKm : km),
        lon: o.lon,
        lat: o.lat,
        main: isMain,
        riverKm: null,
      };
    })
    .sort((a, b) => a.km - b.km || a.name.localeCompare(b.name));

  const rivers = riverSequence(main);
  const snapped = {
    lon: round(snap.lon, 6),
    lat: round(snap.lat, 6),
    distanceKm: round(snap.distanceKm),
    river: rivers[0]?.name ?? start.name,
  };
  const result: TraceResult = {
    snap: { ...snapped, connection: connectionOf(snapped.distanceKm, snapped.river) },
    lengthKm: round(lengthKm),
    truncated,
    outlets,
    countries: stretches.map((s) => {
      const c = net.country(s.countries[0]!);
      return {
        iso3: c.iso3,
        name: c.name,
        entryKm: round(s.fromKm),
        exitKm: round(s.toKm),
        sharedWith: s.countries.slice(1).map((a) => net.country(a).iso3),
        riverKm: null,
      };
    }),
    crossings: countryChanges(stretches).map((ch) => {
      const [lon, lat] = at(ch.km);
      return {
        km: round(ch.km),
        lon: round(lon, 6),
        lat: round(lat, 6),
        from: net.country(ch.from).iso3,
        to: net.country(ch.to).iso3,
        kind: ch.kind,
        riverKm: null,
      };
    }),
    rivers,
    path: pathFeatures(net, main, stretches, reached, dist, maxKm, rivers),
    warnings: [],
  };
  return chainage ? calibrateTrace(result, pathKm(net, chainage, main)) : result;
}

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

/** Natural Earth spellings of one river (Donau/Danube) merge; a reviewed or inferred name must match exactly. */
const spelledByNe = (r: Reach) =>
  (r.nameSource ?? 'natural_earth') === 'natural_earth' || r.nameSource === 'name_alt';

/** Consecutive reaches of one river merge into one entry (a short unnamed piece joins its neighbour). */
function riverSequence(main: MainStep[]): TraceRiver[] {
  type Open = TraceRiver & { names: Set<string>; ne: boolean; km: Map<NameSource, number> };
  const out: Open[] = [];
  const label = (r: Reach) => ({
    name: r.name,
    nameLocal: r.nameLocal ?? r.name,
    nameRu: r.nameRu ?? null,
  });
  for (const s of main) {
    const r = s.reach;
    const ne = spelledByNe(r);
    const names = new Set((ne ? [r.name, ...r.nameAlt] : [r.name]).filter((n): n is string => n !== null));
    const fromKm = s.startKm;
    const toKm = s.startKm + s.toReachKm - s.fromReachKm;
    const source = r.nameSource ?? 'natural_earth';
    const last = out[out.length - 1];
    const shared = !last
      ? []
      : last.ne && ne
        ? [...names].filter((n) => last.names.has(n))
        : r.name !== null && r.name === last.name
          ? [r.name]
          : [];
    if (last && (shared.length > 0 || names.size === 0 || (last.name === null && toKm - fromKm < 5))) {
      last.toKm = toKm;
      last.km.set(source, (last.km.get(source) ?? 0) + toKm - fromKm);
      if (shared.length > 0) {
        if (!shared.includes(last.name ?? '')) Object.assign(last, label(r));
        last.names = new Set(shared);
      } else if (last.name === null && names.size > 0) {
        Object.assign(last, label(r));
        last.names = names;
        last.ne = ne;
      }
    } else
      out.push({
        ...label(r),
        nameSource: source,
        fromKm,
        toKm,
        names,
        ne,
        km: new Map([[source, toKm - fromKm]]),
      });
  }
  return out.map((o) => ({
    name: o.name,
    nameLocal: o.nameLocal,
    nameRu: o.nameRu,
    nameSource: [...o.km].sort((a, b) => b[1] - a[1])[0]?.[0] ?? o.nameSource,
    fromKm: round(o.fromKm),
    toKm: round(o.toKm),
  }));
}

function pathFeatures(
  net: RiverNetwork,
  main: MainStep[],
  stretches: ReturnType<typeof countryStretches>,
  reached: Reach[],
  dist: Map<number, number>,
  maxKm: number,
  rivers: readonly TraceRiver[],
): FeatureCollection<LineString, PathProps> {
  const features: Feature<LineString, PathProps>[] = [];
  // Main-path pieces carry the name of the rivers[] entry they lie in, so the map and the list agree.
  const riverAt = (km: number) =>
    (rivers.find((r) => km < r.toKm) ?? rivers[rivers.length - 1])?.name ?? null;
  const onMain = new Set(main.map((s) => s.reach.id));
  for (const s of main) {
    // Split main-path reaches where the country changes so a map can colour them.
    const a0 = s.startKm;
    const a1 = s.startKm + s.toReachKm - s.fromReachKm;
    for (const st of stretches.filter((x) => x.toKm > a0 && x.fromKm < a1)) {
      const lo = Math.max(a0, st.fromKm);
      const hi = Math.min(a1, st.toKm);
      if (hi - lo <= 1e-9) continue;
      const iso = st.countries.map((c) => net.country(c).iso3);
      features.push(
        feature(s.reach, s.fromReachKm + lo - a0, s.fromReachKm + hi - a0, {
          reachId: s.reach.id,
          kmFromStart: round(lo),
          lengthKm: round(hi - lo),
          river: riverAt((lo + hi) / 2),
          country: iso[0] ?? null,
          border: iso.length > 1 ? iso.join('/') : null,
          branch: 'main',
        }),
      );
    }
  }
  for (const r of reached) {
    if (onMain.has(r.id)) continue;
    const startKm = dist.get(r.from) ?? 0;
    const end = Math.min(r.lengthKm, maxKm - startKm);
    if (end <= 0) continue;
    features.push(
      feature(r, 0, end, {
        reachId: r.id,
        kmFromStart: round(startKm),
        lengthKm: round(end),
        river: r.name,
        country: r.country ? net.country(r.country).iso3 : null,
        border: null,
        branch: 'distributary',
      }),
    );
  }
  return { type: 'FeatureCollection', features };
}

function feature(
  r: Reach,
  fromKm: number,
  toKm: number,
  properties: PathProps,
): Feature<LineString, PathProps> {
  return {
    type: 'Feature',
    properties,
    geometry: { type: 'LineString', coordinates: sliceByKm(r.coords, r.cumKm, fromKm, toKm) },
  };
}
