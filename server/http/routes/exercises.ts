// /api/exercises: table-top exercises — the stored scenario, its injects in time order, the action
// log participants write, and the after-action report (JSON, or HTML ready to print as PDF).
import express, { type Request } from 'express';
import { z } from 'zod';
import { runExercise } from '../../app/plans.js';
import { ActionBody, afterActionReport } from '../../core/plans/exercise.js';
import { ExerciseBody } from '../../core/plans/exercise-schema.js';
import { renderAfterActionHtml } from '../../core/plans/render-aar-html.js';
import { zodIssues } from '../../core/register/site-validate.js';
import type { Services } from '../../runtime/services.js';
import {
  addAction,
  createExercise,
  getExercise,
  listActions,
  listExercises,
} from '../../storage/exercise-store.js';
import { getPlan } from '../../storage/plan-store.js';
import { getSite } from '../../storage/site-store.js';
import { actorOf, principalOf } from '../auth.js';
import { HttpError } from '../errors.js';
import { validateQuery, validationError } from '../query.js';
import { strictQuery } from '../security.js';

export const ReportQuery = z
  .object({ format: z.enum(['json', 'html'], { error: 'format must be json or html' }).default('json') })
  .strict();

const notFound = (id: string) => new HttpError(404, 'NOT_FOUND', `No exercise ${id.slice(0, 100)}.`);

export function exercisesRouter(services: Services): express.Router {
  const { db } = services;
  const r = express.Router();

  const load = (req: Request) => {
    const id = String(req.params.id);
    const ex = getExercise(db, id.slice(0, 100));
    if (!ex) throw notFound(id);
    return ex;
  };
  const run = async (req: Request, res: express.Response) => {
    const ex = load(req);
    const out = await runExercise(services, ex, principalOf(res) !== null);
    if (!out.ok) throw new HttpError(409, out.code, out.message);
    return { ex, out };
  };

  r.get('/exercises', strictQuery(), (_req, res) => {
    const items = listExercises(db);
    res.json({ total: items.length, items });
  });

  r.post('/exercises', strictQuery(), async (req, res) => {
    const parsed = ExerciseBody.safeParse(req.body);
    if (!parsed.success) throw validationError(zodIssues(parsed.error));
    const body = parsed.data;
    if (!getPlan(db, body.plan))
      throw validationError([{ path: 'plan', message: `no plan has id "${body.plan}" (GET /api/plans)` }]);
    if (body.siteId !== undefined && !getSite(db, body.siteId))
      throw validationError([{ path: 'siteId', message: `no registered site has id "${body.siteId}"` }]);
    // The scenario must trace (on land, near a river) before anything is stored.
    const { name, ...scenario } = body;
    const out = await runExercise(services, { id: '', name, scenario, createdAt: '', createdBy: '' }, true);
    if (!out.ok) throw new HttpError(400, out.code, out.message);
    const ex = createExercise(db, body, actorOf(res));
    res
      .status(201)
      .location(`/api/exercises/${ex.id}`)
      .json({ ...ex, injectCount: out.injects.length });
  });

  r.get('/exercises/:id', strictQuery(), (req, res) => {
    const ex = load(req);
    res.json({ ...ex, plan: getPlan(db, ex.scenario.plan), actions: listActions(db, ex.id) });
  });

  r.get('/exercises/:id/timeline', strictQuery(), async (req, res) => {
    const { ex, out } = await run(req, res);
    res.json({
      exerciseId: ex.id,
      startAt: ex.scenario.startAt,
      plan: out.block.plan,
      injects: out.injects,
      notifications: out.block.notifications,
      notifyingContacts: out.block.notifyingContacts,
      path: out.trace.path,
      profile: out.trace.profile,
      snap: out.trace.snap,
    });
  });

  r.post('/exercises/:id/actions', strictQuery(), (req, res) => {
    const ex = load(req);
    const parsed = ActionBody.safeParse(req.body);
    if (!parsed.success) throw validationError(zodIssues(parsed.error));
    if (Date.parse(parsed.data.at) < Date.parse(ex.scenario.startAt))
      throw validationError([
        { path: 'at', message: `must not be before the scenario start ${ex.scenario.startAt}` },
      ]);
    res.status(201).json(addAction(db, ex.id, parsed.data, actorOf(res)));
  });

  r.get('/exercises/:id/report', async (req, res) => {
    const q = validateQuery(ReportQuery, req);
    const { ex, out } = await run(req, res);
    const actions = listActions(db, ex.id);
    const report = afterActionReport(out.injects, actions);
    const generatedAt = new Date().toISOString();
    if (q.format === 'html') {
      res.type('text/html; charset=utf-8').send(
        renderAfterActionHtml({
          name: ex.name,
          planName: out.block.plan?.name ?? null,
          startAt: ex.scenario.startAt,
          generatedAt,
          report,
          injects: out.injects,
          actions,
        }),
      );
      return;
    }
    res.json({
      exerciseId: ex.id,
      name: ex.name,
      plan: out.block.plan,
      startAt: ex.scenario.startAt,
      generatedAt,
      ...report,
      actions,
    });
  });

  return r;
}
