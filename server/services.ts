// Wires storage to the core: opens the database, loads the network and geography indexes once.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { PasswordHasher } from './auth/password-hasher.js';
import { PolygonLocator } from './core/geo/polygon-locator.js';
import { SegmentIndex } from './core/geo/segment-index.js';
import type { HydrologyProvider } from './core/register/hydrology.js';
import { networkHydrology } from './core/register/location-hydrology.js';
import type { RiverNetwork } from './core/trace/river-network.js';
import { type AnchoredDischarge, anchorDischarge } from './core/transport/discharge-table.js';
import { dischargeUpstreamIndex } from './core/upstream/discharge-velocity.js';
import { type UpstreamIndex, upstreamIndexOf } from './core/upstream/upstream-index.js';
import { type Db, openDb } from './storage/db.js';
import { readDischargeTable } from './storage/discharge-loader.js';
import { loadNetwork, networkMeta } from './storage/network-loader.js';
import { positions } from './storage/network-store.js';
import { syncSitePositions } from './storage/site-positions.js';
import { JobRunner } from './workers/job-runner.js';

export interface Services {
  db: Db;
  network: RiverNetwork;
  /** Country (ADM0_A3) containing a point, from the 50 m polygons. */
  land: PolygonLocator<string>;
  boundaries: SegmentIndex;
  hydrology: HydrologyProvider;
  /** The discharge table's points snapped onto the network (for release arrival times). */
  discharge: AnchoredDischarge;
  /** Nested-set numbering of the network with discharge-based travel times (built on first use). */
  readonly upstream: UpstreamIndex;
  meta: Record<string, string>;
  loadMs: number;
  /** Password hashing on its own thread with a bounded queue (started on first use). */
  passwords: PasswordHasher;
  /** Heavy jobs, inline or on the jobs worker thread (started on first use). */
  jobs: JobRunner;
  dbPath: string;
  close(): void;
}

export function createServices(options: { dbPath: string }): Services {
  const started = performance.now();
  const db = openDb(options.dbPath);
  const network = loadNetwork(db);
  const countries = db.prepare('SELECT adm0_a3, geometry FROM geo_countries').all() as {
    adm0_a3: string;
    geometry: string;
  }[];
  const land = new PolygonLocator(
    countries.map((c) => ({ item: c.adm0_a3, geometry: JSON.parse(c.geometry) as Polygon | MultiPolygon })),
  );
  const boundaryRows = db.prepare('SELECT geometry FROM geo_boundaries').all() as { geometry: string }[];
  const boundaries = new SegmentIndex(
    boundaryRows.flatMap((b) => lineParts(JSON.parse(b.geometry) as Geometry)),
  );
  const hydrology = networkHydrology(network, land, boundaries);
  upstreamIndexOf(network);
  syncSitePositions(db, network, hydrology);
  const discharge = anchorDischarge(network, readDischargeTable());
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
    discharge,
    get upstream() {
      upstream ??= dischargeUpstreamIndex(network, discharge);
      return upstream;
    },
    meta: networkMeta(db),
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
