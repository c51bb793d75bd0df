// Builds the Express application: JSON API under /api, the built client at /, one error shape.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { type Logger, log } from '../log.js';
import type { Services } from '../services.js';
import { type AccessSettings, accessGuard, accessSettingsFromEnv, authenticate } from './auth.js';
import { errorHandler, HttpError } from './errors.js';
import { fairQueue } from './fair-queue.js';
import { requestLog } from './request-log.js';
import { accountsRouter } from './routes/accounts.js';
import { analysisRouter } from './routes/analysis.js';
import { authRouter } from './routes/auth.js';
import { catchmentsRouter } from './routes/catchments.js';
import { networkRouter } from './routes/network.js';
import { ogcRouter } from './routes/ogc.js';
import { planningRouter } from './routes/planning.js';
import { receptorsRouter } from './routes/receptors.js';
import { reportsRouter } from './routes/reports.js';
import { sitesRouter } from './routes/sites.js';
import { tilesRouter } from './routes/tiles.js';
import { traceRouter } from './routes/trace.js';
import { securityHeaders } from './security.js';

/** Largest JSON request body (a site with a detailed footprint fits many times over). */
export const JSON_BODY_LIMIT = '2mb';
const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

export function createApp(
  services: Services,
  access: AccessSettings = accessSettingsFromEnv(),
  logger: Logger = log,
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.locals.logger = logger;
  app.use(requestLog(logger));
  app.use(fairQueue());
  app.use(securityHeaders());
  // JSON bodies (sites, settings) stay small; imports are read raw by their route, with its own 20 MB limit.
  app.use(
    express.json({
      limit: JSON_BODY_LIMIT,
      type: (req) =>
        /^application\/([\w.-]+\+)?json\b/i.test(String(req.headers['content-type'] ?? '')) &&
        !/^\/api\/(sites|receptors)\/import\b/.test(req.url ?? ''),
    }),
  );

  const api = express.Router();
  // Before every route: who is calling, and may they (see server/http/auth.ts).
  api.use(authenticate(services.db), accessGuard(access));
  api.use(authRouter(services.db, access));
  api.use(accountsRouter(services.db));
  api.use(traceRouter(services));
  api.use(analysisRouter(services));
  api.use(catchmentsRouter(services));
  api.use(networkRouter(services));
  api.use(sitesRouter(services));
  api.use(planningRouter(services));
  api.use(receptorsRouter(services));
  api.use(reportsRouter(services));
  api.use(tilesRouter(services));
  api.use((req, _res, next) =>
    next(new HttpError(404, 'NOT_FOUND', `No API route ${req.method} ${req.path}`)),
  );
  app.use('/api', api);
  // OGC API – Features for QGIS, ArcGIS and GDAL; the same read rule as /api.
  app.use('/ogc', authenticate(services.db), accessGuard(access), ogcRouter(services));

  if (fs.existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h' }));
    // The client's routes only: /api and /ogc answer for themselves (404 in their own shape).
    app.get(/^\/(?!api\/|ogc(\/|$)).*/, (_req, res) => res.sendFile(path.join(CLIENT_DIST, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
