// Builds the Express application: JSON API under /api, the built client at /, one error shape.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';
import type { ArchiveSummary } from '../basemap/pmtiles-archive.js';
import type { TrustProxy } from '../config.js';
import { config } from '../config.js';
import { auditRefusals } from '../http/audit.js';
import { type AccessSettings, accessGuard, authenticate } from '../http/auth.js';
import { compressJson } from '../http/compress.js';
import { errorHandler, HttpError } from '../http/errors.js';
import { fairQueue } from '../http/fair-queue.js';
import { fastPath } from '../http/fast-path.js';
import { type HeavyOptions, heavyLimit } from '../http/heavy.js';
import { LoginLimiter } from '../http/login-limiter.js';
import { openApiRouter } from '../http/openapi/router.js';
import { requestLog } from '../http/request-log.js';
import { accountsRouter } from '../http/routes/accounts.js';
import { analysisRouter } from '../http/routes/analysis.js';
import { auditRouter } from '../http/routes/audit.js';
import { authRouter } from '../http/routes/auth.js';
import { basemapRouter } from '../http/routes/basemap.js';
import { catchmentsRouter } from '../http/routes/catchments.js';
import { exercisesRouter } from '../http/routes/exercises.js';
import { networkRouter } from '../http/routes/network.js';
import { ogcRouter } from '../http/routes/ogc.js';
import { planningRouter } from '../http/routes/planning.js';
import { planningReviewsRouter } from '../http/routes/planning-reviews.js';
import { plansRouter } from '../http/routes/plans.js';
import { receptorsRouter } from '../http/routes/receptors.js';
import { reportsRouter } from '../http/routes/reports.js';
import { searchRouter } from '../http/routes/search.js';
import { sitesRouter } from '../http/routes/sites.js';
import { stationsRouter } from '../http/routes/stations.js';
import { tilesRouter } from '../http/routes/tiles.js';
import { traceRouter } from '../http/routes/trace.js';
import { vectorTilesRouter } from '../http/routes/vector-tiles.js';
import { securityHeaders } from '../http/security.js';
import { type Logger, log } from '../log.js';
import { DEFAULT_OFFLOAD, type OffloadPolicy } from '../runtime/job-runner.js';
import type { Services } from '../runtime/services.js';

/** Largest JSON request body (a site with a detailed footprint fits many times over). */
export const JSON_BODY_LIMIT = '2mb';
const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

export interface AppOptions extends AccessSettings {
  /** Express `trust proxy`: which proxies' X-Forwarded-For names the client (HAZATLAS_TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** Base of the tile and glyph URLs in /api/style.json and TileJSON; null: root-relative (HAZATLAS_PUBLIC_URL). */
  publicUrl: string | null;
  /** The detailed basemap archive drawn at planning zooms (HAZATLAS_BASEMAP); null: Natural Earth only. */
  basemap: ArchiveSummary | null;
  secureCookies: boolean;
  /** True once the server is shutting down: answers then close their connection. */
  closing: () => boolean;
  limiter: LoginLimiter;
  /** When imports, exports, reviews and reports leave the event loop for the jobs worker. */
  offload: OffloadPolicy;
  /** Heavy requests per client and minute (HAZATLAS_HEAVY_PER_MINUTE). */
  heavyPerMinute: number;
  /** Structured log: one line per request (method, route, status, ms, request id, user). */
  logger: Logger;
  /** Replay kept answers of the hot reads (server/http/fast-path.ts); off only to compare in tests. */
  fastPath: boolean;
}

/** Answers that name accounts or carry secrets: never stored by a browser or proxy cache. */
const PRIVATE_PATH = /^\/api\/(users|tokens|audit|auth)(\/|$)|^\/api\/sites\/[^/]+\/history\/?$/i;

const noStoreForPrivate: RequestHandler = (req, res, next) => {
  if (PRIVATE_PATH.test(req.path)) res.set('Cache-Control', 'no-store');
  next();
};

/** A query string whose %-escapes are not UTF-8 is refused instead of read with U+FFFD in it. */
const utf8Query: RequestHandler = (req, _res, next) => {
  const q = req.url.indexOf('?');
  if (q >= 0) {
    try {
      decodeURIComponent(req.url.slice(q + 1).replace(/\+/g, ' '));
    } catch {
      next(
        new HttpError(400, 'INVALID_UTF8', 'The query string is not valid UTF-8; percent-encode UTF-8 text.'),
      );
      return;
    }
  }
  next();
};

/** body-parser's verify hook: a JSON body must be UTF-8 before it is decoded. */
export function refuseInvalidUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf))
    throw new HttpError(400, 'INVALID_UTF8', 'The request body is not valid UTF-8; send UTF-8 text.');
}

export function createApp(services: Services, options: Partial<AppOptions> = {}): express.Express {
  const cfg = config();
  const o: AppOptions = {
    anonymousRead: options.anonymousRead ?? cfg.anonymousRead,
    trustProxy: options.trustProxy ?? cfg.trustProxy,
    publicUrl: options.publicUrl !== undefined ? options.publicUrl : cfg.publicUrl,
    basemap: options.basemap !== undefined ? options.basemap : cfg.basemap,
    secureCookies: options.secureCookies ?? cfg.secureCookies,
    closing: options.closing ?? (() => false),
    limiter: options.limiter ?? new LoginLimiter(),
    offload: options.offload ?? DEFAULT_OFFLOAD,
    heavyPerMinute: options.heavyPerMinute ?? cfg.heavyPerMinute,
    logger: options.logger ?? log,
    fastPath: options.fastPath ?? true,
  };
  // One window for all heavy routes of this app.
  const heavy: HeavyOptions = { offload: o.offload, limit: heavyLimit(o.heavyPerMinute) };
  const access: AccessSettings = { anonymousRead: o.anonymousRead };
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', o.trustProxy);
  app.locals.limiter = o.limiter;
  app.locals.logger = o.logger;
  // Repeated anonymous trace and site-list reads are answered from kept bytes before Express
  // dispatches them (routing, prototypes, final handler); the first middleware keeps those answers.
  if (o.fastPath) {
    const fast = fastPath({ db: services.db, ...o });
    const dispatch = app as unknown as {
      handle(req: IncomingMessage, res: ServerResponse, next?: unknown): void;
    };
    const handle = dispatch.handle.bind(app);
    dispatch.handle = (req, res, next) => fast.serve(req, res, () => handle(req, res, next));
    app.use(fast.keep);
    app.locals.fastPath = fast;
  }
  app.use(requestLog(o.logger));
  app.use((_req, res, next) => {
    if (o.closing()) res.set('Connection', 'close');
    next();
  });
  app.use(fairQueue());
  app.use(securityHeaders());
  app.use(utf8Query);
  app.use(noStoreForPrivate);
  // JSON bodies (sites, settings) stay small; imports are read raw by their route, with its own 20 MB limit.
  app.use(
    express.json({
      limit: JSON_BODY_LIMIT,
      verify: refuseInvalidUtf8,
      type: (req) =>
        /^application\/([\w.-]+\+)?json\b/i.test(String(req.headers['content-type'] ?? '')) &&
        !/^\/api\/(sites|receptors|stations)\/import\b/.test(req.url ?? ''),
    }),
  );

  const api = express.Router();
  // Before every route: who is calling, and may they (see server/http/auth.ts).
  api.use(authenticate(services.db), accessGuard(access));
  // JSON answers go out brotli/gzip-compressed when the client accepts it.
  api.use(compressJson());
  api.use(
    authRouter(services.db, access, {
      limiter: o.limiter,
      hasher: services.passwords,
      secureCookies: o.secureCookies,
    }),
  );
  api.use(accountsRouter(services.db, services.passwords));
  api.use(auditRouter(services.db));
  api.use(traceRouter(services));
  api.use(analysisRouter(services));
  api.use(catchmentsRouter(services));
  api.use(networkRouter(services));
  api.use(sitesRouter(services, heavy));
  api.use(planningRouter(services, heavy));
  api.use(planningReviewsRouter(services, heavy));
  api.use(receptorsRouter(services, heavy));
  api.use(reportsRouter(services, heavy));
  api.use(plansRouter(services));
  api.use(stationsRouter(services));
  api.use(exercisesRouter(services));
  api.use(searchRouter(services));
  api.use(tilesRouter(services, { publicUrl: o.publicUrl, basemap: o.basemap }));
  if (o.basemap) api.use(basemapRouter(o.basemap));
  api.use(vectorTilesRouter(services, { publicUrl: o.publicUrl, access }));
  // The description of everything above (OpenAPI 3.1) and its readable page.
  api.use(openApiRouter());
  api.use((req, _res, next) =>
    next(new HttpError(404, 'NOT_FOUND', `No API route ${req.method} ${req.path}`)),
  );
  app.use('/api', api);
  // OGC API – Features for QGIS, ArcGIS and GDAL; the same read rule as /api.
  app.use(
    '/ogc',
    authenticate(services.db),
    accessGuard(access),
    ogcRouter(services, { publicUrl: o.publicUrl }),
  );

  if (fs.existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h' }));
    // The client's routes only: /api and /ogc answer for themselves (404 in their own shape).
    app.get(/^\/(?!api\/|ogc(\/|$)).*/, (_req, res) => res.sendFile(path.join(CLIENT_DIST, 'index.html')));
  }
  app.use(auditRefusals(services.db));
  app.use(errorHandler);
  return app;
}
