// Builds the geography tables from a HydroRIVERS-schema file: the network from NEXT_DOWN, names from
// the file, a names file or Natural Earth, and the land tables (countries, borders, seas) from Natural Earth.
import { PolygonLocator } from '../server/core/geo/polygon-locator.js';
import { SegmentIndex } from '../server/core/geo/segment-index.js';
import { type CountryRun, countryRuns } from '../server/core/network/country-runs.js';
import { buildHydroNetwork, checkTopology } from '../server/core/network/hydrorivers.js';
import { joinNames } from '../server/core/network/join-names.js';
import { basinName, marineNamer } from '../server/core/network/name-outlets.js';
import type { Outlet } from '../server/core/network/types.js';
import type { GeographyTables, StoredReach } from '../server/storage/network-store.js';
import { BORDER_KM, basinTable, majorityCountry } from './geography.js';
import { readHydroRivers, readNames } from './hydrorivers/records.js';
import { landTables } from './land-tables.js';
import { LAYERS, polygons, readAll, riverLines } from './load-geography.js';
import type { SourceConfig } from './sources.js';
import { readSupplements, supplementRecords } from './supplements.js';

export interface HydroBuildInput {
  riversFile: string;
  namesFile?: string;
  /** Network supplement files (only these: the reviewed one is for Natural Earth builds). */
  supplementFiles?: readonly string[];
}

/** An inland sink within this distance of a reviewed terminal lake ends in that lake. */
const TERMINAL_LAKE_KM = 25;

export async function buildHydroGeography(
  config: SourceConfig,
  input: HydroBuildInput,
  log: (m: string) => void,
): Promise<GeographyTables> {
  let t = performance.now();
  const lap = (label: string) => {
    const now = performance.now();
    log(`${label} (${((now - t) / 1000).toFixed(1)} s)`);
    t = now;
  };
  let records = readHydroRivers(input.riversFile);
  checkTopology(records); // fail before the slow part
  const supplements = readSupplements(input.supplementFiles ?? []); // refuse a bad file early too
  lap(`read ${records.length} HydroRIVERS reaches from ${input.riversFile}`);
  const layers = await readAll(config);
  lap('read Natural Earth land layers');

  if (input.namesFile) {
    const names = readNames(input.namesFile);
    let applied = 0;
    records = records.map((r) => {
      const n = names.get(r.id);
      if (!n) return r;
      applied++;
      return { ...r, name: n };
    });
    log(`names file: ${applied} of ${names.size} names applied`);
  }
  const unnamed = records.flatMap((r, i) => (r.name === null ? [i] : []));
  const named = riverLines(layers.rivers, layers.riversEurope).flatMap((l) =>
    l.name ? [{ coords: l.coords, name: l.name, nameAlt: l.nameAlt }] : [],
  );
  const joined = joinNames(
    unnamed.map((i) => ({
      coords: Float64Array.from(records[i]!.coords),
      dischargeM3s: records[i]!.dischargeM3s,
    })),
    named,
  );
  const nameAlt = new Map<number, string[]>();
  let joinedCount = 0;
  unnamed.forEach((ri, k) => {
    const j = joined[k];
    if (!j) return;
    records[ri] = { ...records[ri]!, name: j.name };
    if (j.nameAlt.length) nameAlt.set(records[ri]!.id, j.nameAlt);
    joinedCount++;
  });
  lap(`names: ${joinedCount} of ${unnamed.length} unnamed reaches joined from Natural Earth`);
  let supplementReport: string[] = [];
  if (supplements.length)
    ({ records, report: supplementReport } = supplementRecords(records, supplements, log));
  const net = buildHydroNetwork(records);
  for (const e of net.edges) if (e.sourceId !== null) e.nameAlt = nameAlt.get(e.sourceId) ?? [];
  lap(`network: ${net.edges.length} reaches, ${net.nodeLon.length} nodes, ${net.outlets.length} outlets`);

  const land = landTables(layers);
  const runs: CountryRun[][] = net.edges.map((e) =>
    countryRuns(e.coords, land.locator, land.boundaryLookup, BORDER_KM),
  );
  lap('country runs');

  const nameSea = marineNamer(polygons(layers.marine, ['name']));
  const lakeAt = new PolygonLocator(land.terminalLakes.map((l) => ({ item: l.name, geometry: l.geometry })));
  const lakeShores = new SegmentIndex(
    land.terminalLakes.flatMap((l) =>
      (l.geometry.type === 'Polygon' ? [l.geometry.coordinates] : l.geometry.coordinates).map((p) =>
        (p[0] ?? []).flatMap((pos) => [pos[0]!, pos[1]!]),
      ),
    ),
  );
  const shoreLake = land.terminalLakes.flatMap((l) =>
    (l.geometry.type === 'Polygon' ? [0] : l.geometry.coordinates.map(() => 0)).map(() => l.name),
  );
  const basinEdges = new Map<number, typeof net.edges>();
  net.edges.forEach((e, i) => {
    const b = net.edgeBasin[i]!;
    const list = basinEdges.get(b);
    if (list) list.push(e);
    else basinEdges.set(b, [e]);
  });
  const basinNames = new Map([...basinEdges].map(([id, edges]) => [id, basinName(edges)]));
  const outlets: Outlet[] = net.outlets.map((o, id) => {
    const lon = net.nodeLon[o.node]!;
    const lat = net.nodeLat[o.node]!;
    if (o.kind === 'sea')
      return { id, node: o.node, kind: 'sea', name: nameSea(lon, lat) ?? 'Sea (unnamed)', lon, lat };
    const shore = lakeShores.nearest(lon, lat, TERMINAL_LAKE_KM);
    const lake = lakeAt.locate(lon, lat) ?? (shore ? (shoreLake[shore.line] ?? null) : null);
    return lake
      ? { id, node: o.node, kind: 'terminal_lake', name: lake, lon, lat }
      : {
          id,
          node: o.node,
          kind: 'inland_sink',
          name: `Inland end of the ${basinNames.get(id) ?? 'river'}`,
          lon,
          lat,
        };
  });
  lap('outlets named');

  // Names come from the file, a names file or a Natural Earth river nearby; none is reviewed or inferred.
  const reaches: StoredReach[] = net.edges.map((e, i) => ({
    ...e,
    nameNe: e.name,
    nameLocal: null,
    nameSource: 'natural_earth' as const,
    arm: false,
    runs: runs[i]!,
    country: majorityCountry(runs[i]!),
    basinId: net.edgeBasin[i]!,
    outletId: net.nodeOutlet[e.to]!,
  }));
  const nodeOutlets = new Map(outlets.map((o) => [o.node, o.id]));
  return {
    nodes: net.nodeLon.map((lon, i) => ({ lon, lat: net.nodeLat[i]!, outletId: nodeOutlets.get(i) ?? null })),
    reaches,
    outlets,
    basins: basinTable(reaches, basinNames, outlets),
    countries: land.countries,
    boundaries: land.boundaries,
    lakes: land.lakes,
    places: land.places,
    marine: land.marine,
    meta: {
      built_at: new Date().toISOString(),
      network_source: 'hydrorivers',
      sources: JSON.stringify({
        rivers: input.riversFile,
        ...(input.namesFile ? { names: input.namesFile } : {}),
        ...Object.fromEntries(Object.entries(layers).map(([k, l]) => [k, l.origin])),
      }),
      source_layers: JSON.stringify(LAYERS),
      stats: JSON.stringify({ ...net.stats, namesJoined: joinedCount }),
      diagnostics: '[]',
      diagnostic_counts: '{}',
      border_km: String(BORDER_KM),
      supplements: JSON.stringify(supplementReport),
    },
  };
}
