// Route docs for joint contingency plans and their contact points, monitoring stations, and table-top
// exercises.
import { z } from 'zod';
import { ActionBody } from '../../core/plans/exercise.js';
import { ExerciseBody } from '../../core/plans/exercise-schema.js';
import { CONTACT_ROLES, ContactFields, PlanCreate, PlanReplace } from '../../core/plans/plan-schema.js';
import { STATION_KINDS, StationCreate } from '../../core/plans/station-schema.js';
import { ReportQuery } from '../routes/exercises.js';
import { ContactsPostQuery, ContactsQuery, ListQuery as PlanListQuery } from '../routes/plans.js';
import { ImportQuery as StationImportQuery, ListQuery as StationListQuery } from '../routes/stations.js';
import { page, SourceRef, Timestamp } from './common.js';
import { file, json, type RouteGroup } from './describe.js';

const planId = { id: 'The plan id (2–63 lower-case letters, digits or hyphens).' };

export const Plan = z.looseObject({
  id: z.string(),
  name: z.string(),
  countries: z.array(z.string()),
  rivers: z.array(z.string()),
  rule: z.looseObject({
    leadTimeH: z.number(),
    immediateAboveMgL: z.number().nullable(),
    immediateWithinH: z.number(),
    example: z.boolean(),
  }),
  languages: z.array(z.string()),
  documents: z.array(SourceRef),
  notes: z.string().nullable(),
  sources: z.array(SourceRef),
  version: z.number().int().min(1),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Contact = z.looseObject({
  id: z.number().int(),
  planId: z.string(),
  iso3: z.string(),
  role: z.enum(CONTACT_ROLES),
  organisation: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  fax: z.string().nullable(),
  languages: z.array(z.string()),
  hours: z.string().nullable(),
  source: z.string().nullable(),
});

const Contacts = z.object({ planId: z.string(), total: z.number().int(), items: z.array(Contact) });

export const Station = z.looseObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(STATION_KINDS),
  lon: z.number(),
  lat: z.number(),
  country: z.string().nullable(),
  operator: z.string().nullable(),
  riverHint: z.string().nullable(),
  measures: z.array(z.string()),
  publishedRiverKm: z.number().nullable(),
  code: z.string().nullable(),
  sources: z.array(SourceRef),
  river: z.string().nullable().meta({ description: "The network's name of the river it snapped to." }),
  riverKm: z.number().nullable(),
  reachId: z.number().int().nullable(),
  snapDistanceKm: z.number().nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Exercise = z.looseObject({
  id: z.string(),
  name: z.string(),
  scenario: z.looseObject({ plan: z.string(), startAt: Timestamp }),
  createdAt: Timestamp,
  createdBy: z.string(),
});

export const ExerciseAction = z.looseObject({
  id: z.number().int(),
  kind: z.string(),
  at: Timestamp,
  iso3: z.string().nullable(),
  stationId: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: Timestamp,
  recordedBy: z.string(),
});

/** One exercise in the list: enough to choose it. */
const ExerciseSummary = z.looseObject({ id: z.string(), name: z.string(), createdAt: Timestamp });

const Inject = z.looseObject({ at: Timestamp, kind: z.string() });

const ETag = { ETag: 'The version, quoted ("3").' };
const DeleteQuery = z
  .object({
    version: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
  })
  .strict();
const exerciseId = { id: 'The exercise id.' };

export const plansGroup: RouteGroup = {
  tag: 'Plans and exercises',
  description: 'Joint contingency plans, contact points, monitoring stations and table-top exercises.',
  schemas: { Plan, Contact, Station, Exercise, ExerciseAction },
  inputs: { PlanCreate, PlanReplace, ContactFields, StationCreate, ExerciseBody, ActionBody },
  routes: [
    {
      method: 'get',
      path: '/plans',
      operationId: 'listPlans',
      summary: 'List the joint contingency plans',
      query: PlanListQuery,
      responses: {
        200: {
          description: 'A page of plans.',
          content: [json(page(Plan))],
        },
      },
    },
    {
      method: 'post',
      path: '/plans',
      operationId: 'createPlan',
      summary: 'Create a plan',
      body: { content: [json(PlanCreate)] },
      responses: {
        201: {
          description: 'Created.',
          headers: { ...ETag, Location: '/api/plans/{id}' },
          content: [json(Plan)],
        },
      },
      errors: [409],
    },
    {
      method: 'get',
      path: '/plans/:id',
      operationId: 'getPlan',
      summary: 'One plan',
      pathParams: planId,
      responses: { 200: { description: 'The plan.', headers: ETag, content: [json(Plan)] } },
    },
    {
      method: 'put',
      path: '/plans/:id',
      operationId: 'replacePlan',
      summary: 'Replace a plan (with the version you read)',
      pathParams: planId,
      body: { content: [json(PlanReplace)] },
      responses: { 200: { description: 'The updated plan.', headers: ETag, content: [json(Plan)] } },
      errors: [409],
    },
    {
      method: 'delete',
      path: '/plans/:id',
      operationId: 'deletePlan',
      summary: 'Delete a plan; give the version as ?version=N or If-Match',
      pathParams: planId,
      query: DeleteQuery,
      responses: { 204: { description: 'Deleted.' } },
      errors: [409],
    },
    {
      method: 'get',
      path: '/plans/:id/history',
      operationId: 'planHistory',
      summary: "A plan's change history",
      pathParams: planId,
      responses: {
        200: {
          description: 'Every change, oldest first.',
          content: [
            json(
              z.object({
                planId: z.string(),
                deleted: z.boolean(),
                items: z.array(
                  z.looseObject({
                    id: z.number().int(),
                    action: z.string(),
                    at: Timestamp,
                    actor: z.string(),
                    version: z.number().int(),
                  }),
                ),
              }),
            ),
          ],
        },
      },
    },
    {
      method: 'get',
      path: '/plans/:id/contacts',
      operationId: 'listContacts',
      summary: "A plan's contact points (JSON or CSV)",
      access: 'login',
      pathParams: planId,
      query: ContactsQuery,
      responses: { 200: { description: 'The contact points.', content: [json(Contacts), file('text/csv')] } },
    },
    {
      method: 'post',
      path: '/plans/:id/contacts',
      operationId: 'addContacts',
      summary: 'Add (or with replace=true replace) contact points, as JSON or CSV',
      pathParams: planId,
      query: ContactsPostQuery,
      body: {
        content: [
          json(z.union([ContactFields, z.array(ContactFields)])),
          file('text/csv'),
          file('multipart/form-data'),
        ],
      },
      responses: { 201: { description: "The plan's contact points now.", content: [json(Contacts)] } },
      errors: [422],
    },
    {
      method: 'get',
      path: '/stations',
      operationId: 'listStations',
      summary: 'Monitoring and warning stations (filter by kind, country, bbox)',
      query: StationListQuery,
      queryNotes: { bbox: 'W,S,E,N in WGS84 degrees', country: 'ISO3 code' },
      responses: {
        200: {
          description: 'A page of stations.',
          content: [json(page(Station))],
        },
      },
    },
    {
      method: 'post',
      path: '/stations/import',
      operationId: 'importStations',
      summary: 'Import stations from GeoJSON or CSV (all or none)',
      query: StationImportQuery,
      body: { content: [file('application/geo+json'), file('text/csv'), file('multipart/form-data')] },
      responses: {
        200: {
          description: 'Checked (dryRun): nothing stored.',
          content: [
            json(
              z.looseObject({
                dryRun: z.literal(true),
                accepted: z.number().int(),
                ids: z.array(z.string()),
              }),
            ),
          ],
        },
        201: {
          description: 'Stored, snapped to the network.',
          content: [
            json(
              z.looseObject({
                dryRun: z.literal(false),
                accepted: z.number().int(),
                ids: z.array(z.string()),
                items: z.array(Station),
              }),
            ),
          ],
        },
      },
      errors: [422],
    },
    {
      method: 'get',
      path: '/stations/:id',
      operationId: 'getStation',
      summary: 'One station',
      pathParams: { id: 'The station id.' },
      responses: { 200: { description: 'The station.', content: [json(Station)] } },
    },
    {
      method: 'post',
      path: '/stations',
      operationId: 'createStation',
      summary: 'Add a station (snapped to the network, with river and river km)',
      body: { content: [json(StationCreate)] },
      responses: {
        201: {
          description: 'Created.',
          headers: { Location: '/api/stations/{id}' },
          content: [json(Station)],
        },
      },
      errors: [409],
    },
    {
      method: 'get',
      path: '/exercises',
      operationId: 'listExercises',
      summary: 'List the table-top exercises',
      responses: {
        200: {
          description: 'Every exercise.',
          content: [json(z.object({ total: z.number().int(), items: z.array(ExerciseSummary) }))],
        },
      },
    },
    {
      method: 'post',
      path: '/exercises',
      operationId: 'createExercise',
      summary: 'Create an exercise (its scenario must trace)',
      body: { content: [json(ExerciseBody)] },
      responses: {
        201: {
          description: 'Created.',
          headers: { Location: '/api/exercises/{id}' },
          content: [json(Exercise.extend({ injectCount: z.number().int() }))],
        },
      },
    },
    {
      method: 'get',
      path: '/exercises/:id',
      operationId: 'getExercise',
      summary: 'One exercise with its plan and action log',
      pathParams: exerciseId,
      responses: {
        200: {
          description: 'The exercise.',
          content: [json(Exercise.extend({ plan: Plan.nullable(), actions: z.array(ExerciseAction) }))],
        },
      },
    },
    {
      method: 'get',
      path: '/exercises/:id/timeline',
      operationId: 'exerciseTimeline',
      summary: "The exercise's injects in time order, notifications and the trace",
      pathParams: exerciseId,
      errors: [409],
      responses: {
        200: {
          description: 'The timeline.',
          content: [
            json(
              z.looseObject({
                exerciseId: z.string(),
                startAt: Timestamp,
                plan: z.unknown(),
                injects: z.array(Inject),
                notifications: z.array(z.looseObject({})),
                notifyingContacts: z.array(z.looseObject({})),
                path: z.looseObject({ type: z.literal('FeatureCollection') }),
                profile: z.array(z.looseObject({})).optional(),
                snap: z.looseObject({ lon: z.number(), lat: z.number() }),
              }),
            ),
          ],
        },
      },
    },
    {
      method: 'post',
      path: '/exercises/:id/actions',
      operationId: 'addExerciseAction',
      summary: 'Record an action in the exercise log',
      pathParams: exerciseId,
      body: { content: [json(ActionBody)] },
      responses: { 201: { description: 'Recorded.', content: [json(ExerciseAction)] } },
    },
    {
      method: 'get',
      path: '/exercises/:id/report',
      operationId: 'exerciseReport',
      summary: 'The after-action report (JSON, or HTML to print)',
      pathParams: exerciseId,
      query: ReportQuery,
      errors: [409],
      responses: {
        200: {
          description: 'The report.',
          content: [
            json(
              z.looseObject({
                exerciseId: z.string(),
                name: z.string(),
                startAt: Timestamp,
                generatedAt: Timestamp,
                actions: z.array(ExerciseAction),
              }),
            ),
            file('text/html'),
          ],
        },
      },
    },
  ],
};
