// /api/sites: the register's HTTP face. Routes only parse the request, call the store, and answer.
import express, { type Request } from 'express';
import { SiteListQuery } from '../../core/register/site-filter.js';
import { parseCreateBody, parsePatchBody, parseReplaceBody } from '../../core/register/site-validate.js';
import type { Services } from '../../runtime/services.js';
import { listSites } from '../../storage/site-query.js';
import { deleteSite, getSite, insertSites, type UpdateResult, updateSite } from '../../storage/site-store.js';
import { actorOf } from '../auth.js';
import { HttpError } from '../errors.js';
import type { HeavyOptions } from '../heavy.js';
import { validateQuery, validationError } from '../query.js';
import { strictQuery } from '../security.js';
import { siteId } from '../site-params.js';
import {
  deletedSiteOr404,
  listQueryWithoutDeleted,
  siteHistoryRouter,
  withDeleted,
} from './sites-history.js';
import { exportHandler, importHandlers, templateHandler } from './sites-io.js';

function answerUpdate(res: express.Response, id: string, r: UpdateResult): void {
  if (r.ok) {
    res.set('ETag', `"${r.site.version}"`).json(r.site);
    return;
  }
  if (r.error === 'not_found') throw new HttpError(404, 'NOT_FOUND', `No site ${id}.`);
  throw new HttpError(
    409,
    'CONFLICT',
    `Site ${id} was changed by someone else (now version ${r.currentVersion}).`,
    {
      currentVersion: r.currentVersion,
    },
  );
}

/** DELETE needs the version the client last saw: `?version=N` or `If-Match: "N"`. */
function expectedVersion(req: Request): number {
  const raw =
    typeof req.query.version === 'string' ? req.query.version : req.get('If-Match')?.replace(/^W\//, '');
  const digits = raw?.replace(/"/g, '');
  const v = digits !== undefined && /^\d{1,15}$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isInteger(v) || v < 1) {
    throw validationError([
      { path: 'version', message: 'give the current version as ?version=N or If-Match' },
    ]);
  }
  return v;
}

export function sitesRouter(services: Services, heavy: HeavyOptions): express.Router {
  const { db, hydrology } = services;
  const r = express.Router();

  r.get('/sites', (req, res) => {
    const { includeDeleted, query } = listQueryWithoutDeleted(req, res);
    const page = listSites(db, validateQuery(SiteListQuery, { query }));
    res.json(includeDeleted ? withDeleted(db, page) : page);
  });

  // Registered before /sites/:id so "export" and "import" are not taken for ids.
  r.get('/sites/export', ...exportHandler(services, heavy));
  r.post('/sites/import', ...importHandlers(services, heavy));
  r.get('/sites/import-template', templateHandler());
  r.get('/sites/import/template.csv', templateHandler());

  r.use(siteHistoryRouter(services));

  r.get('/sites/:id', strictQuery('includeDeleted'), (req, res) => {
    const id = siteId(req);
    const site = getSite(db, id);
    if (!site) {
      res.json(deletedSiteOr404(db, id, req, res));
      return;
    }
    res.set('ETag', `"${site.version}"`).json(site);
  });

  r.post('/sites', strictQuery(), (req, res) => {
    const parsed = parseCreateBody(req.body);
    if (!parsed.ok) throw validationError(parsed.issues);
    if (parsed.id !== undefined && getSite(db, parsed.id)) {
      throw new HttpError(409, 'CONFLICT', `A site with id ${parsed.id} already exists.`, {
        existingId: parsed.id,
      });
    }
    const [id] = insertSites(db, hydrology, [{ ...parsed.fields, id: parsed.id }], new Date(), {
      actor: actorOf(res),
    });
    const site = getSite(db, id as string);
    res.status(201).location(`/api/sites/${id}`).set('ETag', `"${site?.version}"`).json(site);
  });

  r.put('/sites/:id', strictQuery(), (req, res) => {
    const id = siteId(req);
    const parsed = parseReplaceBody(req.body, id);
    if (!parsed.ok) throw validationError(parsed.issues);
    answerUpdate(
      res,
      id,
      updateSite(db, hydrology, id, parsed.version, () => parsed.fields, new Date(), { actor: actorOf(res) }),
    );
  });

  r.patch('/sites/:id', strictQuery(), (req, res) => {
    const id = siteId(req);
    const parsed = parsePatchBody(req.body);
    if (!parsed.ok) throw validationError(parsed.issues);
    const result = updateSite(
      db,
      hydrology,
      id,
      parsed.version,
      (current) => {
        const next = parsed.apply(current);
        if (!next.ok) throw validationError(next.issues);
        return next.fields;
      },
      new Date(),
      { actor: actorOf(res) },
    );
    answerUpdate(res, id, result);
  });

  r.delete('/sites/:id', strictQuery('version'), (req, res) => {
    const id = siteId(req);
    const result = deleteSite(db, id, expectedVersion(req), { actor: actorOf(res) });
    if (result.ok) {
      res.status(204).end();
      return;
    }
    if (result.error === 'not_found') throw new HttpError(404, 'NOT_FOUND', `No site ${id}.`);
    throw new HttpError(409, 'CONFLICT', `Site ${id} is at version ${result.currentVersion}.`, {
      currentVersion: result.currentVersion,
    });
  });

  return r;
}
