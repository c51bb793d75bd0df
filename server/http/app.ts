// Builds the Express application: JSON API under /api, the built client at /, one error shape.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Services } from '../services.js';
import { errorHandler, HttpError } from './errors.js';
import { networkRouter } from './routes/network.js';
import { sitesRouter } from './routes/sites.js';
import { tilesRouter } from './routes/tiles.js';
import { traceRouter } from './routes/trace.js';

const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');

export function createApp(services: Services): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(express.json({ limit: '2mb' }));

  const api = express.Router();
  api.use(traceRouter(services));
  api.use(networkRouter(services));
  api.use(sitesRouter(services));
  api.use(tilesRouter(services));
  api.use((req, _res, next) =>
    next(new HttpError(404, 'NOT_FOUND', `No API route ${req.method} ${req.path}`)),
  );
  app.use('/api', api);

  if (fs.existsSync(CLIENT_DIST)) {
    app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(CLIENT_DIST, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
