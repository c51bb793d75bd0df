// Builds data/hazatlas.sqlite from Natural Earth: routed river network, countries, boundaries,
// lakes, seas and places. Usage: tsx scripts/build-db.ts [--sources DIR|URL] [--db FILE] [--if-missing] [--help]
// [--network naturalearth|hydrorivers --rivers FILE [--names FILE]] [--supplement FILE ...]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dbPathFromEnv } from '../server/config.js';
import { TopologyError } from '../server/core/network/hydrorivers.js';
import { createServices } from '../server/runtime/services.js';
import { openDb } from '../server/storage/db.js';
import { writeArtifactFromDb } from '../server/storage/network-compact.js';
import { writeGeography } from '../server/storage/network-store.js';
import { loadSeed } from '../server/storage/site-seed.js';
import { rederiveAll } from '../server/storage/site-store.js';
import { buildGeography } from './geography.js';
import { FormatError } from './hydrorivers/formats.js';
import { buildHydroGeography } from './hydrorivers-geography.js';
import { DEFAULT_SOURCE_URL, SourceError } from './sources.js';
import { REVIEWED_SUPPLEMENT, SupplementError } from './supplements.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `Usage: npm run build:db -- [options]

Builds the database and the network artifact from Natural Earth (or a HydroRIVERS extract).

Options:
  --sources DIR|URL      Natural Earth layers (default: $HAZATLAS_SOURCES, ../shared/data/naturalearth, the public download)
  --db FILE              database to write (default: $HAZATLAS_DB or data/hazatlas.sqlite)
  --if-missing           do nothing when the database is already built
  --network NAME         naturalearth (default) or hydrorivers
  --rivers FILE          the HydroRIVERS extract (.gpkg, zipped Shapefile, .geojson[.gz]) for --network hydrorivers
  --names FILE           reviewed names for the HydroRIVERS build
  --supplement FILE      an extra network supplement (repeatable)
  -h, --help             print this help`;

/** The command line, strictly: an unknown flag or a stray argument is a usage error, not ignored. */
function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        sources: { type: 'string' },
        db: { type: 'string' },
        'if-missing': { type: 'boolean' },
        network: { type: 'string' },
        rivers: { type: 'string' },
        names: { type: 'string' },
        supplement: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const dbPath = path.resolve(opts.db ?? dbPathFromEnv());
  // Without a setting, a Natural Earth mirror beside the checkout (../shared/data/naturalearth, the layout
  // CI and development machines use) comes before the public download.
  const sibling = path.resolve(ROOT, '../shared/data/naturalearth');
  const location =
    opts.sources ?? process.env.HAZATLAS_SOURCES ?? (fs.existsSync(sibling) ? sibling : DEFAULT_SOURCE_URL);
  if (opts['if-missing'] && isBuilt(dbPath)) {
    console.log(
      `Database ${path.relative(process.cwd(), dbPath)} already built; skipping (npm run build:db rebuilds).`,
    );
    return;
  }
  const started = performance.now();
  const network = opts.network ?? 'naturalearth';
  const rivers = opts.rivers;
  if (network !== 'naturalearth' && network !== 'hydrorivers')
    throw new UsageError(`--network must be naturalearth or hydrorivers, not "${network}".`);
  if (network === 'hydrorivers' && !rivers)
    throw new UsageError(
      '--network hydrorivers needs --rivers FILE (.gpkg, zipped Shapefile, .geojson[.gz]).',
    );
  const sources = {
    location: path.isAbsolute(location) || /^https?:/i.test(location) ? location : path.resolve(location),
    cacheDir: path.join(ROOT, 'data/cache'),
  };
  const namesFile = opts.names;
  const supplements = (opts.supplement ?? []).map((f) => path.resolve(f));
  console.log(`Building ${dbPath} from ${network === 'hydrorivers' ? `${rivers} and ` : ''}${location}`);
  // On a terminal each stage shows as it starts and is overwritten by its result; in a pipe or CI
  // only the results print. The network's review flags go to a file, counted here.
  const tty = process.stdout.isTTY === true;
  const clear = tty ? '\r\x1b[K' : '';
  const flags: string[] = [];
  // The review's open flags are few (cycle breaks are only counted): print them and keep them in a file.
  const onLog = (msg: string) => {
    if (msg.startsWith('! ')) flags.push(msg.slice(2));
    process.stdout.write(`${clear}  ${msg}\n`);
  };
  const onStage = (label: string) => {
    if (tty) process.stdout.write(`${clear}  ${label}…`);
  };
  const tables =
    network === 'hydrorivers'
      ? await buildHydroGeography(
          sources,
          {
            riversFile: path.resolve(rivers!),
            ...(namesFile ? { namesFile: path.resolve(namesFile) } : {}),
            supplementFiles: supplements,
          },
          onLog,
        )
      : await buildGeography(sources, onLog, [REVIEWED_SUPPLEMENT, ...supplements], onStage);
  const flagFile = path.join(path.dirname(dbPath), 'build-diagnostics.log');
  fs.writeFileSync(flagFile, flags.length ? `${flags.join('\n')}\n` : '');
  console.log(
    `  ${flags.length} network flag(s) for review, also in ${path.relative(process.cwd(), flagFile)}`,
  );
  if (tty) process.stdout.write('  writing tables…');
  const db = openDb(dbPath);
  try {
    tables.meta.build_seconds = ((performance.now() - started) / 1000).toFixed(1);
    writeGeography(db, tables);
    db.pragma('optimize');
    const artifact = writeArtifactFromDb(db, dbPath);
    console.log(
      `  network artifact: ${path.relative(process.cwd(), artifact.file)} (${(artifact.bytes / 1e6).toFixed(1)} MB)`,
    );
  } finally {
    db.close();
  }
  if (tty) process.stdout.write(`${clear}  tables written\n  deriving the register…`);
  registerSites(dbPath);
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

/** First build: loads the seed register. Rebuild: the network changed, so every site's derived fields
 * (country, basin, outlet, downstream countries) are recomputed against it. */
function registerSites(dbPath: string): void {
  const services = createServices({ dbPath });
  try {
    const seeded = loadSeed(services.db, services.hydrology);
    if ('loaded' in seeded)
      console.log(
        `${process.stdout.isTTY ? '\r\x1b[K' : ''}  register: loaded ${seeded.loaded} seed sites (data/seed/sites.json)`,
      );
    else
      console.log(
        `${process.stdout.isTTY ? '\r\x1b[K' : ''}  register: re-derived ${rederiveAll(services.db, services.hydrology)} sites on the new network`,
      );
  } finally {
    services.close();
  }
}

function isBuilt(dbPath: string): boolean {
  if (!fs.existsSync(dbPath)) return false;
  try {
    const db = openDb(dbPath);
    const row = db.prepare("SELECT value FROM net_meta WHERE key = 'built_at'").get();
    db.close();
    return row !== undefined;
  } catch {
    return false;
  }
}

class UsageError extends Error {}

main().catch((err: unknown) => {
  if (
    err instanceof SourceError ||
    err instanceof TopologyError ||
    err instanceof FormatError ||
    err instanceof UsageError ||
    err instanceof SupplementError
  ) {
    console.error(`build-db: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
