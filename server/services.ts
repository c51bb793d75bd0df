// Wires storage to the core: opens the database, loads the network and geography indexes once.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { PasswordHasher } from './auth/password-hasher.js';
import { PolygonLocator } from './core/geo/polygon-locator.js';
import { SegmentIndex } from './core/geo/segment-index.js';
import type { HydrologyProvider } from './core/register/hydrology.js';
import { networkHydrology } from './core/register/location-hydrology.js';
import type { DrainageAreas } from './core/trace/drainage-areas.js';
import { anchorChainage } from './core/trace/river-km.js';
import type { RiverNetwork } from './core/trace/river-network.js';
import { reachAreas } from './core/transport/catchment-area.js';
import { type AnchoredDischarge, anchorDischarge } from './core/transport/discharge-table.js';
import { naturalFlow } from './core/transport/runoff.js';
import { dischargeUpstreamIndex } from './core/upstream/discharge-velocity.js';
import { type UpstreamIndex, upstreamIndexOf } from './core/upstream/upstream-index.js';
import { type Db, openDb } from './storage/db.js';
import { loadDrainageAreas } from './storage/drainage-source.js';
import { loadNetworkFor, type NetworkSource } from './storage/network-compact.js';
import { networkMeta } from './storage/network-loader.js';
import { positions } from './storage/network-store.js';
import { loadPlanningSeed } from './storage/plan-seed.js';
import { readReferenceFile } from './storage/reference-data.js';
import { syncSitePositions } from './storage/site-positions.js';
import { syncStationPlaces } from './storage/station-store.js';
import { JobRunner } from './workers/job-runner.js';

export interface Services {
  db: Db;
  network: RiverNetwork;
  /** Country (ADM0_A3) containing a point, from the 50 m polygons. */
  land: PolygonLocator<string>;
  boundaries: SegmentIndex;
  hydrology: HydrologyProvider;
  /**
   * The hydrological tables placed on the network: gauges, area × runoff on every reach for discharge
   * off the gauges, and the official river km the trace calibrates to (built on first use, ≈ 0.5–1.5 s).
   */
  readonly discharge: AnchoredDischarge;
  /** Which river system or terminal lake each land cell drains to (catchment-aware snapping; loaded on first use). */
  readonly drainage: DrainageAreas;
  /** Nested-set numbering of the network with discharge-based travel times (built on first use). */
  readonly upstream: UpstreamIndex;
  meta: Record<string, string>;
  /** Where the network came from: the compact artifact next to the database, or its SQLite rows. */
  networkSource: NetworkSource;
  loadMs: number;
  /** Password hashing on its own thread with a bounded queue (started on first use). */
  passwords: PasswordHasher;
  /** Heavy jobs, inline or on the jobs worker thread (started by the server at start-up, else on first use). */
  jobs: JobRunner;
  dbPath: string;
  close(): void;
}

/** `network: 'sqlite'` loads the object network from the rows even when a fresh artifact exists. */
export function createServices(options: { dbPath: string; network?: NetworkSource }): Services {
  const started = performance.now();
  const db = openDb(options.dbPath);
  const { network, source: networkSource } = loadNetworkFor(db, options.dbPath, options.network);
  const countries = db.prepare('SELECT adm0_a3, geometry FROM geo_countries').all() as {
    adm0_a3: string;
    geometry: string;
  }[];
  const landPolygons = countries.map((c) => JSON.parse(c.geometry) as Polygon | MultiPolygon);
  const land = new PolygonLocator(countries.map((c, i) => ({ item: c.adm0_a3, geometry: landPolygons[i]! })));
  const boundaryRows = db.prepare('SELECT geometry FROM geo_boundaries').all() as { geometry: string }[];
  const boundaries = new SegmentIndex(
    boundaryRows.flatMap((b) => lineParts(JSON.parse(b.geometry) as Geometry)),
  );
  const meta = networkMeta(db);
  let drainage: DrainageAreas | null = null;
  const drainageAreas = () => {
    drainage ??= loadDrainageAreas(db, network, meta.built_at ?? 'unknown');
    return drainage;
  };
  const hydrology = networkHydrology(
    network,
    land,
    boundaries,
    drainageAreas,
    readReferenceFile('tributary-mouths.json'),
  );
  upstreamIndexOf(network);
  syncSitePositions(db, network, hydrology);
  const dischargeTable = readReferenceFile('discharge.json');
  const runoffTable = readReferenceFile('runoff.json');
  const chainageTable = readReferenceFile('river-chainage.json');
  // Chainage is cheap to place (a few hundred points) and stations need it at start; the flow is not.
  const chainage = anchorChainage(network, chainageTable);
  let discharge: AnchoredDischarge | null = null;
  const dischargeOf = () => {
    discharge ??= anchorDischarge(
      network,
      dischargeTable,
      naturalFlow(network, runoffTable, reachAreas(network, landPolygons)),
      chainage,
    );
    return discharge;
  };
  // Plans and stations: seeded once per database; stations re-placed after a network rebuild.
  loadPlanningSeed(db, network, meta.built_at ?? null, chainage);
  syncStationPlaces(db, network, meta.built_at ?? null, chainage);
  let upstream: UpstreamIndex | null = null;
  const passwords = new PasswordHasher();
  // The inline runner refers to the services object built below.
  const jobs = new JobRunner(options.dbPath, () => services);
  const services: Services = {
    db,
    network,
    land,
    boundaries,
    hydrology,
    get discharge() {
      return dischargeOf();
    },
    get drainage() {
      return drainageAreas();
    },
    get upstream() {
      upstream ??= dischargeUpstreamIndex(network, dischargeOf());
      return upstream;
    },
    meta,
    networkSource,
    loadMs: performance.now() - started,
    passwords,
    jobs,
    dbPath: options.dbPath,
    close: () => {
      void passwords.close();
      void jobs.close();
      db.close();
    },
  };
  return services;
}

function lineParts(g: Geometry): number[][] {
  if (g.type === 'LineString') return [positions(g)];
  if (g.type === 'MultiLineString') return g.coordinates.map((l) => l.flatMap((p) => [p[0]!, p[1]!]));
  return [];
}
