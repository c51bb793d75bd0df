// Chooses how the network is loaded: the compact artifact next to the database when it matches the
// database's build, else the SQLite rows (object network). The build writes the artifact.
import type { CompactNetworkData } from '../core/trace/compact-data.js';
import { CompactRiverNetwork, compactNetworkData } from '../core/trace/compact-network.js';
import type { RiverNetwork } from '../core/trace/river-network.js';
import type { Db } from './db.js';
import {
  ArtifactError,
  artifactPathFor,
  readArtifactMeta,
  readNetworkArtifact,
  writeNetworkArtifact,
} from './network-artifact.js';
import { loadNetwork, networkMeta } from './network-loader.js';

export type NetworkSource = 'artifact' | 'sqlite';

/** The compact form of a loaded network, stamped with the database build it came from. */
export function compactFromNetwork(net: RiverNetwork, stamp: string): CompactNetworkData {
  return compactNetworkData(net.reaches, {
    nodeCount: net.outflows.length,
    outlets: net.outlets,
    countries: [...net.countries],
    basins: [...net.basins],
    stamp,
  });
}

function stampOf(db: Db): string {
  return networkMeta(db).built_at ?? 'unknown';
}

/** After a build: reads the network back from SQLite and writes `<db>.network.bin`. */
export function writeArtifactFromDb(db: Db, dbPath: string): { file: string; bytes: number } {
  const file = artifactPathFor(dbPath);
  const bytes = writeNetworkArtifact(file, compactFromNetwork(loadNetwork(db), stampOf(db)));
  return { file, bytes };
}

/** The artifact when present and of this database's build (unless `prefer` is 'sqlite'); otherwise the SQLite rows. */
export function loadNetworkFor(
  db: Db,
  dbPath: string,
  prefer: NetworkSource = 'artifact',
): { network: RiverNetwork; source: NetworkSource } {
  const file = artifactPathFor(dbPath);
  try {
    const meta = prefer === 'artifact' ? readArtifactMeta(file) : null;
    if (meta && meta.stamp === stampOf(db)) {
      return { network: new CompactRiverNetwork(readNetworkArtifact(file)), source: 'artifact' };
    }
  } catch (err) {
    // A damaged artifact costs start-up time, not service: the rows hold the same network.
    if (!(err instanceof ArtifactError)) throw err;
  }
  return { network: loadNetwork(db), source: 'sqlite' };
}
