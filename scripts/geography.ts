import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Polygon } from 'geojson';
import { PolygonLocator } from '../server/core/geo/polygon-locator.js';
import { buildNetwork } from '../server/core/network/build-network.js';
import { type CountryRun, countryRuns } from '../server/core/network/country-runs.js';
import { basinName, cleanName, marineNamer } from '../server/core/network/name-outlets.js';
import {
  formatReview,
  type InlandSystem,
  type ReviewedLink,
  reviewNetwork,
} from '../server/core/network/network-review.js';
import { type ReachName, type RiverNames, resolveReachNames } from '../server/core/network/river-names.js';
import { DEFAULT_BUILD_OPTIONS, type Errata, type Outlet } from '../server/core/network/types.js';
import type { Basin, GeographyTables, StoredReach } from '../server/storage/network-store.js';
import { readReferenceFile } from '../server/storage/reference-data.js';
import { landTables } from './land-tables.js';
import { LAYERS, lineParts, polygons, readAll, riverLines } from './load-geography.js';
import { type SourceConfig, str } from './sources.js';
import { REVIEWED_SUPPLEMENT, readSupplements, supplementRiverLines } from './supplements.js';

const _DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
/** A river within this distance of a land boundary is on it (the two 10 m layers differ by up to ~1 km). */
export const BORDER_KM = 1;

export async function buildGeography(
  config: SourceConfig,
  log: (m: string) => void,
  supplementFiles: readonly string[] = [REVIEWED_SUPPLEMENT],
  /** Called as each stage starts (the build-db progress line); `log` reports when it ends. */
  onStage: (label: string) => void = () => {},
): Promise<GeographyTables> {
  let t = performance.now();
  const lap = (label: string) => {
    const now = performance.now();
    log(`${label} (${((now - t) / 1000).toFixed(1)} s)`);
    t = now;
  };
  onStage('[1/4] reading sources');
  const layers = await readAll(config);
  lap('read sources');

  const riverNames: RiverNames = readReferenceFile('river-names.json');
  const errata: Errata & { inlandSystems: InlandSystem[]; reviewedLinks: ReviewedLink[] } = {
    ...readReferenceFile('network-errata.json'),
    splitEdges: riverNames.splits,
  };
  // Countries, borders, lakes (terminal ones too), places and seas: the part every network source shares.
  const land = landTables(layers);
  const { terminalLakes } = land;

  onStage('[2/4] building the river network');
  const rivers = riverLines(layers.rivers, layers.riversEurope);
  const supplement = supplementRiverLines(rivers, readSupplements(supplementFiles), log);
  rivers.push(...supplement.lines);
  const coastline = layers.coastline.features.flatMap((f) => lineParts(f.geometry));
  const net = buildNetwork({ rivers, coastline, terminalLakes }, errata, DEFAULT_BUILD_OPTIONS);
  lap(`network: ${net.edges.length} reaches, ${net.nodeLon.length} nodes, ${net.outlets.length} outlets`);
  const lakeLocator = new PolygonLocator(
    [...layers.lakes.features, ...layers.lakesEurope.features].flatMap((f) => {
      const name = cleanName(str(f.props, 'name'));
      return name && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
        ? [{ item: name, geometry: f.geometry as Polygon | MultiPolygon }]
        : [];
    }),
  );
  const names = resolveReachNames(net.edges, net.nodeLon.length, riverNames, net.diagnostics, (lon, lat) =>
    lakeLocator.locate(lon, lat),
  );
  // Basins and inland ends are named after real rivers, not "tributary of …" labels.
  const namedEdges = net.edges.map((e, i) => {
    const n = names[i]!;
    return { ...e, name: n.name?.startsWith('tributary of ') ? null : n.name, nameAlt: [] };
  });
  lap('river names');

  onStage('[3/4] countries along every reach');
  const { countries, locator, boundaryLookup } = land;
  const runs: CountryRun[][] = net.edges.map((e) =>
    countryRuns(e.coords, locator, boundaryLookup, BORDER_KM),
  );
  lap('country runs');

  onStage('[4/4] basins and outlets');
  const nameSea = marineNamer(polygons(layers.marine, ['name']));
  const basinEdges = new Map<number, typeof net.edges>();
  namedEdges.forEach((e, i) => {
    const b = net.edgeBasin[i]!;
    basinEdges.set(b, [...(basinEdges.get(b) ?? []), e]);
  });
  const basinNames = new Map([...basinEdges].map(([id, edges]) => [id, basinName(edges)]));
  const nodeBasin = new Map<number, number>();
  net.edges.forEach((e, i) => {
    nodeBasin.set(e.to, net.edgeBasin[i]!);
  });
  const outlets: Outlet[] = net.outlets.map((o, id) => {
    const lon = net.nodeLon[o.node]!;
    const lat = net.nodeLat[o.node]!;
    const basin = basinNames.get(nodeBasin.get(o.node) ?? -1) ?? 'river';
    const name =
      o.kind === 'sea'
        ? (nameSea(lon, lat) ?? 'Sea (unnamed)')
        : o.kind === 'terminal_lake'
          ? (o.name ?? 'Terminal lake')
          : `Inland end of the ${basin}`;
    return { id, node: o.node, kind: o.kind, name, lon, lat };
  });
  lap('outlets named');

  const reaches: StoredReach[] = net.edges.map((e, i) => ({
    ...e,
    ...storedNames(e, names[i]!),
    runs: runs[i]!,
    country: majorityCountry(runs[i]!),
    basinId: net.edgeBasin[i]!,
    outletId: net.nodeOutlet[e.to]! >= 0 ? net.nodeOutlet[e.to]! : null,
  }));
  const basins = basinTable(reaches, basinNames, outlets);
  const nodeOutlets = new Map(outlets.map((o) => [o.node, o.id]));

  const diagnosticCounts: Record<string, number> = {};
  for (const d of net.diagnostics) diagnosticCounts[d.kind] = (diagnosticCounts[d.kind] ?? 0) + 1;
  // Unused errata are mistakes in a reviewed file: always listed. Cycle breaks and duplicates are counted.
  for (const d of net.diagnostics.filter((x) => x.kind === 'errata_unused')) {
    log(`! ${d.kind} at ${d.lon.toFixed(4)},${d.lat.toFixed(4)}: ${d.message}`);
  }
  const review = reviewNetwork(
    {
      edges: net.edges,
      nodeLon: net.nodeLon,
      nodeLat: net.nodeLat,
      outletAt: new Map(outlets.map((o) => [o.node, o])),
      diagnostics: net.diagnostics,
      snapJoins: net.snapJoins,
      resolvedNames: names.map((n) => n.name),
    },
    errata.inlandSystems ?? [],
    errata.reviewedLinks ?? [],
  );
  lap('network review');
  for (const line of formatReview(review)) log(line);
  log(
    `diagnostics: ${JSON.stringify(diagnosticCounts)}; ${net.stats.snappedEnds} ends snapped; ` +
      `${net.stats.reversedKm.toFixed(0)} of ${net.stats.totalKm.toFixed(0)} km flow against digitising`,
  );

  return {
    nodes: net.nodeLon.map((lon, i) => ({ lon, lat: net.nodeLat[i]!, outletId: nodeOutlets.get(i) ?? null })),
    reaches,
    outlets,
    basins,
    countries,
    boundaries: land.boundaries,
    lakes: land.lakes,
    places: land.places,
    marine: land.marine,
    meta: {
      built_at: new Date().toISOString(),
      sources: JSON.stringify(Object.fromEntries(Object.entries(layers).map(([k, l]) => [k, l.origin]))),
      source_layers: JSON.stringify(LAYERS),
      stats: JSON.stringify(net.stats),
      diagnostics: JSON.stringify(net.diagnostics.filter((d) => d.kind !== 'dropped_duplicate')),
      diagnostic_counts: JSON.stringify(diagnosticCounts),
      review: JSON.stringify(review),
      border_km: String(BORDER_KM),
      supplements: JSON.stringify(supplement.report),
    },
  };
}

/** The resolved name is the reach's name; Natural Earth's spellings stay as alternatives for look-ups. */
function storedNames(e: { name: string | null; nameAlt: string[] }, n: ReachName) {
  const alts = [e.name, ...e.nameAlt, n.partOf ?? null].filter(
    (x): x is string => x !== null && x !== n.name,
  );
  return {
    name: n.name,
    nameAlt: [...new Set(alts)],
    nameNe: e.name,
    nameLocal: n.nameLocal,
    nameRu: n.nameRu,
    nameSource: n.nameSource,
    arm: n.arm,
  };
}

export function majorityCountry(runs: CountryRun[]): string | null {
  const km = new Map<string, number>();
  for (const r of runs) if (r.country) km.set(r.country, (km.get(r.country) ?? 0) + r.toKm - r.fromKm);
  return [...km].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

export function basinTable(reaches: StoredReach[], names: Map<number, string>, outlets: Outlet[]): Basin[] {
  const acc = new Map<number, Basin & { outletKm: Map<number, number> }>();
  for (const r of reaches) {
    let b = acc.get(r.basinId);
    if (!b) {
      b = {
        id: r.basinId,
        name: names.get(r.basinId) ?? 'Unnamed',
        mainOutletId: null,
        lengthKm: 0,
        bbox: [Infinity, Infinity, -Infinity, -Infinity],
        outletKm: new Map(),
      };
      acc.set(r.basinId, b);
    }
    b.lengthKm += r.lengthKm;
    if (r.outletId !== null) b.outletKm.set(r.outletId, (b.outletKm.get(r.outletId) ?? 0) + r.lengthKm);
    for (let i = 0; i < r.coords.length; i += 2) {
      b.bbox[0] = Math.min(b.bbox[0], r.coords[i]!);
      b.bbox[1] = Math.min(b.bbox[1], r.coords[i + 1]!);
      b.bbox[2] = Math.max(b.bbox[2], r.coords[i]!);
      b.bbox[3] = Math.max(b.bbox[3], r.coords[i + 1]!);
    }
  }
  return [...acc.values()].map(({ outletKm, ...b }) => ({
    ...b,
    mainOutletId: [...outletKm].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0] ?? outlets[0]?.id ?? null,
  }));
}
