// Follows water downstream from a snapped point through every branch to every outlet, and
// summarises the main path: countries in order, border crossings, rivers, outlets.
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { pointAtKm, sliceByKm } from '../geo/geodesy.js';
import type { CountryRun } from '../network/country-runs.js';
import { MinHeap } from '../network/min-heap.js';
import type { NameSource } from '../network/river-names.js';
import { calibrateTrace } from './calibrate-trace.js';
import { connectionOf } from './connection.js';
import { countryChanges, countryStretches } from './country-sequence.js';
import { type MainStep, mainPath } from './main-path.js';
import { type AnchoredChainage, naturalEarthMaxKm, pathKm } from './river-km.js';
import type { Reach, RiverNetwork } from './river-network.js';
import type { Snap } from './snap.js';
import type { PathProps, TraceResult, TraceRiver } from './trace-result.js';

export { type MainStep, mainPath } from './main-path.js';
export type { PathProps, TraceCountry, TraceResult, TraceRiver } from './trace-result.js';

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
        armRu: arm?.arm ? (arm.nameRu ?? null) : null,
        km: round(isMain ? lengthKm : km),
        lon: o.lon,
        lat: o.lat,
        main: isMain,
        riverKm: null,
      };
    })
    .sort((a, b) => a.km - b.km || a.name.localeCompare(b.name));

  const rivers = riverSequence(main);
  const result: TraceResult = {
    snap: snapSummary(snap, rivers[0]?.name ?? start.name),
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

/** The answer's `snap` member: where the point joined the network. */
/** Where the start joined the network; `river` is the resolved name of the path's first river. */
export function snapSummary(snap: Snap, river: string | null = snap.reach.name): TraceResult['snap'] {
  const distanceKm = round(snap.distanceKm);
  return {
    lon: round(snap.lon, 6),
    lat: round(snap.lat, 6),
    distanceKm,
    river,
    connection: connectionOf(distanceKm, river),
  };
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
          ...sourceIdOf(s.reach),
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
        ...sourceIdOf(r),
      }),
    );
  }
  return { type: 'FeatureCollection', features };
}

const sourceIdOf = (r: Reach): { sourceId?: number } =>
  typeof r.sourceId === 'number' ? { sourceId: r.sourceId } : {};

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
