// Route docs for land-use planning: a site's safety zones, the planning review of a development, border
// and natech screening, and the receptor layers (intakes, schools, hospitals, protected areas).
import { z } from 'zod';
import { RECEPTOR_KINDS, ReceptorBody } from '../../core/planning/receptor-schema.js';
import { BorderQuery, NatechQuery, ReviewBody } from '../routes/planning.js';
import { ExportQuery, ImportQuery, ListQuery } from '../routes/receptors.js';
import { feature, featureCollection, Geometry, Timestamp } from './common.js';
import { file, json, type RouteGroup } from './describe.js';

export const Receptor = z.looseObject({
  id: z.uuid(),
  kind: z.enum(RECEPTOR_KINDS),
  name: z.string(),
  population: z.number().int().nullable(),
  geometry: Geometry,
  lon: z.number(),
  lat: z.number(),
  properties: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
});

const ReceptorPage = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(Receptor),
});

const ReceptorImportReport = z.looseObject({
  dryRun: z.boolean(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.looseObject({ line: z.number().int() })),
  ids: z.array(z.string()),
});

const ZonesAnswer = z.looseObject({
  site: z.looseObject({ id: z.string(), name: z.string(), kind: z.string(), annexIHazardous: z.boolean() }),
  zoneRule: z.looseObject({ id: z.string(), reason: z.string() }),
  zones: featureCollection(
    feature(z.looseObject({ zone: z.enum(['inner', 'middle', 'outer']), radiusM: z.number() })),
  ),
  receptors: z.looseObject({
    inner: z.array(z.unknown()),
    middle: z.array(z.unknown()),
    outer: z.array(z.unknown()),
  }),
  table: z.string(),
});

export const PlanningReview = z.looseObject({
  development: z.looseObject({
    name: z.string().nullable(),
    developmentType: z.string(),
    sensitivityLevel: z.number().int().min(1).max(4),
    geometryType: z.enum(['Point', 'Polygon']),
  }),
  verdict: z
    .enum(['advise_against', 'advise_with_conditions', 'do_not_advise_against'])
    .meta({ description: 'advise_with_conditions only for a water intake (data/planning-rules.json)' }),
  decidingRule: z.looseObject({
    id: z.string(),
    source: z.enum(['zone_matrix', 'water_intake', 'none']),
    text: z.object({ en: z.string(), ru: z.string() }),
    explanation: z.object({ en: z.string(), ru: z.string() }),
    siteIds: z.array(z.string()),
    policyChoice: z.boolean(),
  }),
  verdictReason: z.string(),
  sites: z.array(z.looseObject({})),
});

const BorderScreen = z.looseObject({
  withinKm: z.number(),
  screened: z.number().int(),
  total: z.number().int(),
  sites: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      reasons: z.array(z.looseObject({ code: z.string(), message: z.string() })),
    }),
  ),
});

const NatechScreen = z.looseObject({
  riverWithinM: z.number(),
  screened: z.number().int(),
  total: z.number().int(),
  sites: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      reasons: z.array(z.looseObject({ code: z.string(), message: z.string() })),
    }),
  ),
});

const RECEPTOR_MEDIA = [
  file('application/geo+json'),
  file('text/csv'),
  file('application/vnd.google-earth.kml+xml'),
  file('application/geopackage+sqlite3'),
  file('multipart/form-data', 'The file in the form field "file".'),
];

export const planningGroup: RouteGroup = {
  tag: 'Planning',
  description: 'Consultation zones, planning review of proposed developments, screening, receptor layers.',
  schemas: { Receptor, PlanningReview },
  inputs: { ReviewBody, ReceptorBody },
  routes: [
    {
      method: 'get',
      path: '/sites/:id/zones',
      operationId: 'siteZones',
      summary: "A site's consultation zones and the receptors inside them",
      pathParams: { id: "The site's id (a UUID)." },
      responses: {
        200: { description: 'Zones (GeoJSON) and receptors by zone.', content: [json(ZonesAnswer)] },
      },
    },
    {
      method: 'post',
      path: '/planning/review',
      operationId: 'planningReview',
      summary:
        'Planning review of a proposed development (Point or Polygon): which zones it lies in, and the advice',
      description: 'Changes nothing, so readers may call it.',
      heavy: true,
      body: {
        content: [json(ReviewBody)],
        description: 'geometry: a GeoJSON Point or Polygon in WGS84 (at most 5,000 positions).',
      },
      responses: { 200: { description: 'The review.', content: [json(PlanningReview)] } },
      errors: [413],
    },
    {
      method: 'get',
      path: '/screening/border',
      operationId: 'borderScreening',
      summary: 'Sites near a border or whose water reaches one soon',
      query: BorderQuery,
      responses: { 200: { description: 'The screened sites.', content: [json(BorderScreen)] } },
    },
    {
      method: 'get',
      path: '/screening/natech',
      operationId: 'natechScreening',
      summary: 'Natech screening: sites close to a river (flooding)',
      query: NatechQuery,
      responses: { 200: { description: 'The screened sites.', content: [json(NatechScreen)] } },
    },
    {
      method: 'get',
      path: '/receptors',
      operationId: 'listReceptors',
      summary: 'List receptors (filter by kind and bbox)',
      query: ListQuery,
      queryNotes: { bbox: 'W,S,E,N in WGS84 degrees', kind: `Comma-separated: ${RECEPTOR_KINDS.join(', ')}` },
      responses: { 200: { description: 'A page of receptors.', content: [json(ReceptorPage)] } },
    },
    {
      method: 'get',
      path: '/receptors/export',
      operationId: 'exportReceptors',
      summary: 'Export receptors as GeoJSON or GeoPackage',
      query: ExportQuery,
      responses: {
        200: {
          description: 'The file.',
          content: [file('application/geo+json'), file('application/geopackage+sqlite3')],
        },
      },
    },
    {
      method: 'post',
      path: '/receptors/import',
      operationId: 'importReceptors',
      summary: 'Import receptors from a file (all or nothing unless skipInvalid)',
      query: ImportQuery,
      heavy: true,
      body: { content: RECEPTOR_MEDIA },
      responses: {
        200: { description: 'Imported (or checked, with dryRun).', content: [json(ReceptorImportReport)] },
        422: { description: 'Invalid rows: nothing was stored.', content: [json(ReceptorImportReport)] },
      },
      errors: [413],
    },
    {
      method: 'post',
      path: '/receptors',
      operationId: 'createReceptor',
      summary: 'Add one receptor',
      body: {
        content: [json(ReceptorBody)],
        description: 'geometry: a GeoJSON Point, Polygon or MultiPolygon in WGS84.',
      },
      responses: {
        201: {
          description: 'Created.',
          headers: { Location: '/api/receptors/{id}' },
          content: [json(Receptor)],
        },
      },
    },
    {
      method: 'delete',
      path: '/receptors/:id',
      operationId: 'deleteReceptor',
      summary: 'Delete a receptor',
      pathParams: { id: "The receptor's id (a UUID)." },
      responses: { 204: { description: 'Deleted.' } },
    },
  ],
};
