// Site history and the recycle bin over HTTP: GET /api/sites/:id/history, GET /api/sites/deleted,
// POST /api/sites/:id/restore, and `?includeDeleted=true` (editors) on the list and GET /api/sites/:id.
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { roleAtLeast } from '../../auth/roles.js';
import type { Db } from '../../storage/db.js';
import {
  getDeletedSite,
  listDeletedSites,
  PURGEABLE_FIELDS,
  purgeHistoryField,
  siteHistory,
} from '../../storage/site-history.js';
import { getSite, restoreSite } from '../../storage/site-store.js';
import { audit } from '../audit.js';
import { actorOf, principalOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { intParam, parseQuery, validationError } from '../query.js';
import { strictQuery } from '../security.js';
import { type SitesServices, siteId } from '../site-params.js';

/** Reads `includeDeleted` (true|false); true is only for editors, since deleted sites are withdrawn data. */
function includeDeleted(req: Request, res: Response): boolean {
  const raw = req.query.includeDeleted;
  if (raw === undefined || raw === 'false') return false;
  if (raw !== 'true')
    throw validationError(
      [{ path: 'includeDeleted', message: 'must be true or false' }],
      'Invalid query parameters.',
    );
  requireEditorForDeleted(res);
  return true;
}

/**
 * The access guard lets any reader GET; the recycle bin and the history (withdrawn data, old values
 * and account names) are for editors, so their reads check here.
 */
function requireEditor(res: Response, what: string): void {
  const p = principalOf(res);
  if (!p) throw new HttpError(401, 'UNAUTHENTICATED', `Log in as an editor to see ${what}.`);
  if (!roleAtLeast(p.role, 'editor'))
    throw new HttpError(
      403,
      'FORBIDDEN',
      `${what[0]?.toUpperCase()}${what.slice(1)} are shown to editors; you are ${p.role}.`,
    );
}

const requireEditorForDeleted = (res: Response) => requireEditor(res, 'deleted sites');

export const PurgeBody = z
  .object({
    field: z.enum(PURGEABLE_FIELDS, { error: `field must be one of ${PURGEABLE_FIELDS.join(', ')}` }),
    reason: z.string().trim().min(3).max(500),
  })
  .strict();

export const DELETED_MAX_LIMIT = 500;
export const DeletedListQuery = z.object({
  limit: intParam('limit', 1, DELETED_MAX_LIMIT).default(50),
  offset: intParam('offset', 0, 1e9).default(0),
});

/** The list query without `includeDeleted`, which the list schema does not know. */
export function listQueryWithoutDeleted(req: Request, res: Response) {
  const { includeDeleted: _, ...query } = req.query as Record<string, unknown>;
  return { includeDeleted: includeDeleted(req, res), query };
}

/** A page of live sites plus the recycle bin (most recently deleted first, up to the page's limit). */
export function withDeleted<P extends { limit: number }>(db: Db, page: P) {
  return { ...page, deleted: listDeletedSites(db, page.limit) };
}

/** GET /api/sites/:id for a site that is not live: the deleted record for an editor who asks, else 404. */
export function deletedSiteOr404(db: Db, id: string, req: Request, res: Response) {
  const binned = includeDeleted(req, res) ? getDeletedSite(db, id) : null;
  if (!binned) throw new HttpError(404, 'NOT_FOUND', `No site ${id}.`);
  return binned;
}

export function siteHistoryRouter(services: SitesServices): express.Router {
  const { db, hydrology } = services;
  const r = express.Router();

  // Registered before the :id routes of the site router, so "deleted" is never taken for an id.
  r.get('/sites/deleted', strictQuery('limit', 'offset'), (req, res) => {
    requireEditorForDeleted(res);
    const { limit, offset } = parseQuery(DeletedListQuery, req.query);
    res.set('Cache-Control', 'no-store').json({ limit, offset, ...listDeletedSites(db, limit, offset) });
  });

  r.get('/sites/:id/history', strictQuery(), (req, res) => {
    requireEditor(res, 'site histories');
    const id = siteId(req);
    const items = siteHistory(db, id);
    const live = getSite(db, id) !== null;
    if (items.length === 0 && !live) throw new HttpError(404, 'NOT_FOUND', `No site ${id}.`);
    res.json({ siteId: id, deleted: !live && getDeletedSite(db, id) !== null, items });
  });

  // Admin only (ADMIN_PATH in server/http/auth.ts): removes a sensitive old value from the history.
  r.post('/sites/:id/history/purge', strictQuery(), (req, res) => {
    if (principalOf(res)?.role !== 'admin')
      throw new HttpError(403, 'FORBIDDEN', 'This needs the admin role.');
    const id = siteId(req);
    const parsed = PurgeBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw validationError(
        issues,
        `Send {"field", "reason"} (which field to purge from this site's history, and why): ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      );
    }
    if (siteHistory(db, id).length === 0) throw new HttpError(404, 'NOT_FOUND', `No history for site ${id}.`);
    const rows = purgeHistoryField(db, id, parsed.data.field);
    audit(db, req, res, {
      action: 'history.purge',
      outcome: 'ok',
      target: `site:${id}`,
      details: { field: parsed.data.field, reason: parsed.data.reason, rows },
    });
    res.json({ siteId: id, field: parsed.data.field, rows });
  });

  r.post('/sites/:id/restore', strictQuery(), (req, res) => {
    const id = siteId(req);
    const result = restoreSite(db, hydrology, id, { actor: actorOf(res) });
    if (result.ok) {
      res.set('ETag', `"${result.site.version}"`).json(result.site);
      return;
    }
    if (result.error === 'not_deleted') throw new HttpError(409, 'NOT_DELETED', `Site ${id} is not deleted.`);
    throw new HttpError(404, 'NOT_FOUND', `No deleted site ${id}.`);
  });

  return r;
}
