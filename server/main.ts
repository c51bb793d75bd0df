// `npm start`: builds the database if missing, then serves the API and the client on HOST:PORT.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './http/app.js';
import { answerClientErrors } from './http/security.js';
import { createLogger, logLevelFromEnv } from './log.js';
import { createServices } from './services.js';
import { dbPathFromEnv } from './storage/db.js';
import { takeServerLock } from './storage/server-lock.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

const dbPath = dbPathFromEnv();
ensureDatabase(dbPath);
ensureClient();
// `hazatlas restore` refuses to replace the database while this pid file names a live server.
const releaseLock = takeServerLock(dbPath);
const services = createServices({ dbPath });
// `npm start` logs at info unless HAZATLAS_LOG_LEVEL says otherwise (also when started by a test).
const log = createLogger({ level: logLevelFromEnv(process.env, 'info') });
const app = createApp(services, undefined, log);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const server = app.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  log.info(
    {
      url: `http://${host}:${actualPort}/`,
      database: path.relative(process.cwd(), dbPath),
      level: log.level,
    },
    `HazAtlas listening on http://${host}:${actualPort}/`,
  );
  // Warm the map's lazily built caches (vector-tile index, basin catchments) now, so the first
  // visitor's map doesn't wait seconds for them.
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  void fetch(`${origin}/api/tiles/0/0/0.pbf`)
    .then(() => fetch(`${origin}/api/basins/catchments`))
    .catch(() => undefined);
});

answerClientErrors(server);

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  log.info({ signal }, 'finishing requests and closing the database');
  // close() stops accepting connections, lets in-flight requests finish, then closes idle keep-alives.
  server.close(() => {
    services.close();
    releaseLock();
    log.info('database closed');
    process.exit(0);
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
