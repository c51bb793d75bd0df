// Wires storage to the core: opens the database, loads the network and geography indexes once, and
// gives the use cases their store (SQLite behind the app's asynchronous Store interface).
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { AppContext } from '../app/context.js';
import type { Store } from '../app/ports.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { PolygonLocator } from '../core/geo/polygon-locator.js';
import { SegmentIndex } from '../core/geo/segment-index.js';
import { networkHydrology } from '../core/register/location-hydrology.js';
import type { DrainageAreas } from '../core/trace/drainage-areas.js';
import { anchorChainage } from '../core/trace/river-km.js';
import { reachAreas } from '../core/transport/catchment-area.js';
import { type AnchoredDischarge, anchorDischarge } from '../core/transport/discharge-table.js';
import { naturalFlow } from '../core/transport/runoff.js';
import { dischargeUpstreamIndex } from '../core/upstream/discharge-velocity.js';
import { type UpstreamIndex, upstreamIndexOf } from '../core/upstream/upstream-index.js';
import { type Db, openDb } from '../storage/db.js';
import { loadDrainageAreas } from '../storage/drainage-source.js';
import { loadNetworkFor, type NetworkSource } from '../storage/network-compact.js';
import { networkMeta } from '../storage/network-loader.js';
import { positions } from '../storage/network-store.js';
import { loadPlanningSeed } from '../storage/plan-seed.js';
import { readReferenceFile } from '../storage/reference-data.js';
import { syncSitePositions } from '../storage/site-positions.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { syncStationPlaces } from '../storage/station-store.js';
import { JobRunner } from './job-runner.js';

/** The use cases' context plus what only the adapters and the runtime use (the raw database for the
 * routes not yet behind the store, the password and jobs threads). */
export interface Services extends AppContext {
  db: Db;
  /** Where the network came from: the compact artifact next to the database, or its SQLite rows. */
  networkSource: NetworkSource;
  loadMs: number;
  /** Password hashing on its own thread with a bounded queue (started on first use). */
  passwords: PasswordHasher;
  /** Heavy jobs, inline or on the jobs worker thread (started on first use). */
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
  // The inline runner refers to the services object built below; the job modules load on first use, so
  // a CLI command that opens the services never pays for them.
  const jobs = new JobRunner(options.dbPath, async (job) =>
    (await import('./jobs.js')).runJob(services, job),
  );
  const store: Store = sqliteStore(db);
  const services: Services = {
    store,
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
