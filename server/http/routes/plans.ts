// /api/plans: joint contingency plans (CRUD with versions and history) and their contact points,
// which only callers who are logged in (or hold a token) may read; CSV export and import of contacts.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { ContactFields, PlanCreate, PlanReplace } from '../../core/plans/plan-schema.js';
import { contactsFromCsv, contactsToCsv } from '../../core/plans/plans-io.js';
import { zodIssues } from '../../core/register/site-validate.js';
import type { Services } from '../../runtime/services.js';
import {
  addContacts,
  createPlan,
  deletePlan,
  getPlan,
  listContacts,
  listPlans,
  planHistory,
  updatePlan,
} from '../../storage/plan-store.js';
import { actorOf, principalOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { importBody } from '../import-body.js';
import { intParam, validateQuery, validationError } from '../query.js';
import { strictQuery } from '../security.js';

const ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function planIdOf(req: Request): string {
  const id = String(req.params.id);
  if (!ID.test(id))
    throw new HttpError(404, 'NOT_FOUND', `No plan ${id.slice(0, 100)}. Check the id (GET /api/plans).`);
  return id;
}

export const ListQuery = z
  .object({ limit: intParam('limit', 1, 500).default(100), offset: intParam('offset', 0, 1e9).default(0) })
  .strict();
export const ContactsQuery = z
  .object({ format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }).default('json') })
  .strict();
export const ContactsPostQuery = z
  .object({
    format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }).optional(),
    replace: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .default(false),
  })
  .strict();

/** Contacts name real offices: hidden from anonymous callers even where anonymous reading is on. */
export function requireLogin(res: Response, what = 'contact points'): void {
  if (!principalOf(res))
    throw new HttpError(401, 'UNAUTHENTICATED', `Log in (or send an API token) to read the ${what}.`);
}

function expectedVersion(req: Request): number {
  const raw =
    typeof req.query.version === 'string' ? req.query.version : req.get('If-Match')?.replace(/^W\//, '');
  const v = raw === undefined ? Number.NaN : Number(raw.replace(/"/g, ''));
  if (!Number.isInteger(v) || v < 1)
    throw validationError([
      { path: 'version', message: 'give the current version as ?version=N or If-Match' },
    ]);
  return v;
}

const conflict = (id: string, currentVersion: number) =>
  new HttpError(
    409,
    'CONFLICT',
    `Plan ${id} was changed by someone else (now version ${currentVersion}); reload it and try again.`,
    {
      currentVersion,
    },
  );
const notFound = (id: string) =>
  new HttpError(404, 'NOT_FOUND', `No plan ${id}. Check the id (GET /api/plans).`);

export function plansRouter(services: Services): express.Router {
  const { db } = services;
  const r = express.Router();

  r.get('/plans', (req, res) => {
    const q = validateQuery(ListQuery, req);
    res.json({ ...listPlans(db, q.limit, q.offset), limit: q.limit, offset: q.offset });
  });

  r.post('/plans', strictQuery(), (req, res) => {
    const parsed = PlanCreate.safeParse(req.body);
    if (!parsed.success) throw validationError(zodIssues(parsed.error));
    const { id: given, ...fields } = parsed.data;
    const id = given ?? randomUUID();
    if (getPlan(db, id))
      throw new HttpError(409, 'CONFLICT', `A plan with id ${id} already exists.`, { existingId: id });
    const plan = createPlan(db, id, fields, actorOf(res));
    res.status(201).location(`/api/plans/${id}`).set('ETag', `"${plan.version}"`).json(plan);
  });

  r.get('/plans/:id', strictQuery(), (req, res) => {
    const id = planIdOf(req);
    const plan = getPlan(db, id);
    if (!plan) throw notFound(id);
    res.set('ETag', `"${plan.version}"`).json(plan);
  });

  r.put('/plans/:id', strictQuery(), (req, res) => {
    const id = planIdOf(req);
    const parsed = PlanReplace.safeParse(req.body);
    if (!parsed.success) throw validationError(zodIssues(parsed.error));
    const { version, ...fields } = parsed.data;
    const out = updatePlan(db, id, version, fields, actorOf(res));
    if (out.ok) {
      res.set('ETag', `"${out.plan.version}"`).json(out.plan);
      return;
    }
    throw out.error === 'not_found' ? notFound(id) : conflict(id, out.currentVersion);
  });

  r.delete('/plans/:id', strictQuery('version'), (req, res) => {
    const id = planIdOf(req);
    const out = deletePlan(db, id, expectedVersion(req), actorOf(res));
    if (out.ok) {
      res.status(204).end();
      return;
    }
    throw out.error === 'not_found' ? notFound(id) : conflict(id, out.currentVersion);
  });

  r.get('/plans/:id/history', strictQuery(), (req, res) => {
    const id = planIdOf(req);
    const items = planHistory(db, id);
    if (items.length === 0) throw notFound(id);
    res.json({ planId: id, deleted: getPlan(db, id) === null, items });
  });

  r.get('/plans/:id/contacts', (req, res) => {
    const q = validateQuery(ContactsQuery, req);
    requireLogin(res);
    const id = planIdOf(req);
    if (!getPlan(db, id)) throw notFound(id);
    const items = listContacts(db, id);
    if (q.format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .attachment(`hazatlas-contacts-${id}.csv`)
        .send(contactsToCsv(items));
      return;
    }
    res.json({ planId: id, total: items.length, items });
  });

  r.post('/plans/:id/contacts', importBody, (req, res) => {
    const q = validateQuery(ContactsPostQuery, req);
    const id = planIdOf(req);
    if (!getPlan(db, id)) throw notFound(id);
    const raw: unknown = req.file
      ? req.file.buffer.toString('utf8')
      : Buffer.isBuffer(req.body)
        ? req.body.toString('utf8')
        : req.body;
    const isCsv = q.format === 'csv' || typeof raw === 'string';
    let rows: ContactFields[];
    if (isCsv) {
      if (typeof raw !== 'string' || raw.trim() === '')
        throw validationError(
          [{ path: 'body', message: 'send the contacts as CSV (text/csv) or JSON' }],
          'The body is empty.',
        );
      const parsed = contactsFromCsv(raw);
      if (!parsed.ok) throw new HttpError(400, 'BAD_FILE', parsed.message);
      if (parsed.errors.length)
        throw new HttpError(
          422,
          'INVALID_ROWS',
          `${parsed.errors.length} problem(s) in the CSV; nothing was stored.`,
          parsed.errors,
        );
      rows = parsed.rows;
    } else {
      const list = Array.isArray(raw) ? raw : [raw];
      const parsed = z.array(ContactFields).min(1, 'send at least one contact').max(500).safeParse(list);
      if (!parsed.success) throw validationError(zodIssues(parsed.error));
      rows = parsed.data;
    }
    const stranger = rows.find((c) => !getPlan(db, id)?.countries.includes(c.iso3));
    if (stranger)
      throw validationError([
        {
          path: 'iso3',
          message: `${stranger.iso3} is not one of the plan's countries; add it to the plan first`,
        },
      ]);
    const items = addContacts(db, id, rows, { replace: q.replace });
    res.status(201).json({ planId: id, total: items.length, items });
  });

  return r;
}
