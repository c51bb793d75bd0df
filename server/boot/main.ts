// `npm start`: builds the database if missing, takes the database's server lock, then serves the API
// and the client on HOST:PORT. Any failure to start (bad setting, lock held, port busy) exits 1 with
// the reason.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, ConfigError, DEFAULT_DB_PATH, loadConfig } from '../config.js';
import { answerClientErrors } from '../http/security.js';
import { createLogger } from '../log.js';
import { createServices } from '../runtime/services.js';
import { recordAudit } from '../storage/audit-store.js';
import { loadReferenceData } from '../storage/reference-data.js';
import { acquireServerLock } from '../storage/server-lock.js';
import { createApp } from './app.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** How long SIGTERM waits for accepted requests before giving up. */
const SHUTDOWN_GRACE_MS = 30_000;

function fail(message: string): never {
  process.stderr.write(`HazAtlas cannot start: ${message}\n`);
  process.exit(1);
}

function ensureDatabase(dbPath: string): void {
  if (fs.existsSync(dbPath)) return;
  console.log(`No database at ${dbPath}; building it (this takes about half a minute)…`);
  execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/build-db.ts'), '--db', dbPath],
    {
      stdio: 'inherit',
    },
  );
}

/** The client is built by `npm install`; build it here too so a checkout without dist/ still starts. */
function ensureClient(): void {
  if (fs.existsSync(path.join(ROOT, 'dist/client/index.html'))) return;
  console.log('No built client in dist/client; building it with Vite…');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
      cwd: ROOT,
    },
  );
}

let cfg: Config;
try {
  cfg = loadConfig();
} catch (err) {
  fail(err instanceof ConfigError ? err.message : String(err));
}
// Every reviewed file in data/ checked before anything is opened: a broken edit names its file and field.
try {
  loadReferenceData();
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
const dbPath = cfg.dbPath ?? DEFAULT_DB_PATH;
// Held until the process ends: `hazatlas restore` and a second server refuse while it is held.
const taken = acquireServerLock(dbPath, 'server');
if (!taken.ok) fail(taken.reason);
const { lock } = taken;
ensureDatabase(dbPath);
ensureClient();
const services = createServices({ dbPath });
// `npm start` logs at info unless HAZATLAS_LOG_LEVEL says otherwise (also when started by a test).
const log = createLogger({ level: cfg.logLevel ?? 'info' });
let closing = false;
// The jobs worker loads its own services now, not on the first import, and comes back if it dies.
services.jobs.start((event) => {
  if (event.kind === 'started') log.info({ threadId: event.threadId }, 'Jobs worker started.');
  else if (event.kind === 'restarting')
    log.warn({ delayMs: event.delayMs }, `Restarting the jobs worker in ${event.delayMs} ms.`);
  else {
    log.error(
      { threadId: event.threadId, reason: event.reason, lostJob: event.lostJob },
      `The jobs worker died: ${event.reason}`,
    );
    try {
      recordAudit(services.db, {
        action: 'worker.died',
        outcome: 'failed',
        target: 'jobs-worker',
        details: { reason: event.reason, lostJob: event.lostJob },
      });
    } catch (err) {
      // The audit row is best effort (the database may be closing); the log line above stays.
      log.error({ err }, 'Could not record the worker death in the audit log.');
    }
  }
});
const app = createApp(services, {
  logger: log,
  anonymousRead: cfg.anonymousRead,
  trustProxy: cfg.trustProxy,
  publicUrl: cfg.publicUrl,
  basemap: cfg.basemap,
  secureCookies: cfg.secureCookies,
  closing: () => closing,
});
const server = app.listen(cfg.port, cfg.host);
server.on('error', (err: NodeJS.ErrnoException) => {
  const why =
    err.code === 'EADDRINUSE'
      ? `${cfg.host}:${cfg.port} is already in use (another server?); set PORT or HOST`
      : err.code === 'EACCES'
        ? `no permission to listen on ${cfg.host}:${cfg.port}`
        : `cannot listen on ${cfg.host}:${cfg.port}: ${err.message}`;
  fail(why);
});
server.on('listening', () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : cfg.port;
  const host = cfg.host;
  log.info(
    {
      url: `http://${host}:${actualPort}/`,
      database: path.relative(process.cwd(), dbPath),
      logLevel: log.level,
    },
    `HazAtlas listening on http://${host}:${actualPort}/ (database ${path.relative(process.cwd(), dbPath)})`,
  );
  // Warm the map's lazily built caches (vector-tile index, basin catchments) now, so the first
  // visitor's map doesn't wait seconds for them.
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  void fetch(`${origin}/api/tiles/0/0/0.pbf`)
    .then(() => fetch(`${origin}/api/basins/catchments`))
    .then(() => services.passwords.warm())
    .catch(() => undefined);
});

answerClientErrors(server);

/**
 * Closes idle keep-alive connections, but only from the check phase, after a poll phase has read
 * whatever arrived: a connection whose request is waiting to be read (behind a busy event loop) looks
 * idle until then, and closing it would drop an accepted request unanswered.
 */
function closeIdleSafely(): void {
  setImmediate(() => server.closeIdleConnections());
}

/**
 * Keeps accepting until no new connection arrived for a quiet interval (at most MAX_DRAIN_MS): clients
 * whose connection the kernel already completed, waiting in the backlog while the event loop was busy,
 * are served (with Connection: close) instead of being reset when the listener closes.
 */
const QUIET_MS = 150;
/** Node accepts about one connection per loop turn, so a long backlog under load takes seconds. */
const MAX_DRAIN_MS = 10_000;
let connectionsSeen = 0;
server.on('connection', () => {
  connectionsSeen += 1;
});

function stopAccepting(done: () => void): void {
  const started = Date.now();
  let seen = connectionsSeen;
  let last = Date.now();
  let quietTicks = 0;
  const tick = setInterval(() => {
    const now = Date.now();
    // A late tick means the loop was blocked: connections may be waiting in the backlog that no poll
    // phase has accepted yet, so that interval does not count as quiet. Two quiet ticks in a row.
    const quiet = connectionsSeen === seen && now - last < QUIET_MS * 1.5;
    quietTicks = quiet ? quietTicks + 1 : 0;
    seen = connectionsSeen;
    last = now;
    if (quietTicks < 2 && now - started < MAX_DRAIN_MS) return;
    clearInterval(tick);
    done();
  }, QUIET_MS);
}

function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  log.info({ signal }, `${signal}: finishing requests and closing the database…`);
  stopAccepting(() => {
    // net.Server#close stops accepting and waits for every open connection; http.Server#close would
    // also drop "idle" ones at once, including those whose request has not been read yet. Answers
    // now carry Connection: close (see createApp), so keep-alive connections end after their answer.
    net.Server.prototype.close.call(server, () => {
      // Every answered request's job is done by now; wait for any job still queued, then stop the worker.
      void services.jobs.drain().then(() => {
        services.close();
        lock.release();
        log.info('Database closed.');
        process.exit(0);
      });
    });
    const sweep = setInterval(closeIdleSafely, 1_000);
    sweep.unref();
  });
  setTimeout(() => {
    console.error(`${signal}: requests still open after ${SHUTDOWN_GRACE_MS / 1000} s; exiting.`);
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
