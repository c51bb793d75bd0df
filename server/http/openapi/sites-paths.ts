// Route docs for /api/sites: the register (list, read, create, replace, patch, delete), its import and
// export, the history and the recycle bin.
import { z } from 'zod';
import { SECTORS, SITE_KINDS, SITE_STATUSES } from '../../../shared/codes.js';
import { SiteExportQuery, SiteListQuery } from '../../core/register/site-filter.js';
import { SiteInput, SitePatch, Source, Substance, Tmf } from '../../core/register/site-schema.js';
import { DeletedListQuery, PurgeBody } from '../routes/sites-history.js';
import { ImportQuery, TemplateQuery } from '../routes/sites-io.js';
import { feature, featureCollection, Geometry, Lat, Lon, LonLat, page, Timestamp } from './common.js';
import { booleanText, file, json, type RouteGroup } from './describe.js';

const UUID = z.uuid();
const siteIdParam = { id: { description: "The site's id (a UUID).", schema: UUID } };

const Derived = z
  .looseObject({
    countryIso3: z.string().nullable(),
    countryName: z.string().nullable(),
    basinId: z.number().int().nullable(),
    basinName: z.string().nullable(),
    outletName: z.string().nullable(),
    outletKind: z.string().nullable(),
    river: z.string().nullable(),
    snapDistanceKm: z.number().nullable(),
    downstreamCountries: z.array(z.string()),
    kmToFirstBorder: z.number().nullable(),
    distanceToBorderKm: z.number().nullable(),
    annexI: z.unknown(),
    annexIHazardous: z.boolean(),
    wri: z.number().nullable(),
    wriClass: z.string().nullable(),
    wriBreakdown: z.unknown(),
    thi: z.number().nullable(),
    thiClass: z.string().nullable(),
    thiBreakdown: z.unknown(),
    derivedAt: Timestamp,
  })
  .meta({ description: 'Computed from the river network and the hazard indices on every write.' });

const Fields = {
  name: z.string(),
  nameLocal: z.string().nullable(),
  kind: z.enum(SITE_KINDS),
  sector: z.enum(SECTORS),
  operator: z.string().nullable(),
  status: z.enum(SITE_STATUSES),
  location: LonLat,
};

/** A site as stored and answered: the fields a client sets, the server's bookkeeping, the derived values. */
export const SiteRecord = z.looseObject({
  id: UUID,
  ...Fields,
  footprint: z
    .looseObject({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) })
    .nullable(),
  address: z.string().nullable(),
  locality: z.string().nullable(),
  receivingRiver: z.string().nullable(),
  notes: z.string().nullable(),
  sources: z.array(Source),
  substances: z.array(
    Substance.extend({ casNumber: z.string().nullable(), annexICategory: z.string().nullable() }),
  ),
  tmf: Tmf.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int().min(1),
  derived: Derived.nullable(),
});

/** One row of a listing: enough to draw a map marker and a table row. */
export const SiteSummary = z.looseObject({
  id: UUID,
  ...Fields,
  version: z.number().int().min(1),
  updatedAt: Timestamp,
  countryIso3: z.string().nullable(),
  basinId: z.number().int().nullable(),
  basinName: z.string().nullable(),
  river: z.string().nullable(),
  annexIHazardous: z.boolean(),
  wri: z.number().nullable(),
  wriClass: z.string().nullable(),
  thi: z.number().nullable(),
  thiClass: z.string().nullable(),
});

export const DeletedSite = z.looseObject({
  id: UUID,
  name: z.string(),
  kind: z.enum(SITE_KINDS),
  location: z.object({ lon: Lon, lat: Lat }),
  version: z.number().int(),
  deletedAt: Timestamp,
  deletedBy: z.string(),
});

const DeletedPage = z.looseObject({ total: z.number().int(), items: z.array(DeletedSite) });

export const SitePage = z.looseObject({
  total: z.number().int().min(0),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(SiteSummary),
  deleted: DeletedPage.optional().meta({ description: 'With includeDeleted=true: the recycle bin.' }),
});

const HistoryEntry = z.looseObject({
  id: z.number().int(),
  siteId: UUID,
  action: z.enum(['create', 'update', 'delete', 'restore', 'import']),
  at: Timestamp,
  actor: z.string(),
  userId: z.number().int().nullable(),
  tokenId: z.number().int().nullable(),
  importId: z.string().nullable(),
  version: z.number().int(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

const RowError = z.looseObject({ line: z.number().int() });

export const ImportReport = z.looseObject({
  dryRun: z.boolean(),
  accepted: z.number().int(),
  updated: z.number().int(),
  updatedIds: z.array(z.string()),
  warnings: z.array(
    z.looseObject({
      column: z.string(),
      message: z.string(),
      lines: z.array(z.number().int()),
      count: z.number().int(),
    }),
  ),
  rejected: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(RowError),
  duplicates: z.array(
    z.looseObject({
      line: z.number().int(),
      name: z.string(),
      existingId: z.string().nullable(),
      distanceM: z.number(),
    }),
  ),
  ids: z.array(z.string()),
  importId: z.string().nullable(),
  errorCount: z.number().int(),
  duplicateCount: z.number().int(),
  truncated: z.boolean(),
});

/** A feature of the GeoJSON export: the site's fields and its derived values as flat, typed properties. */
export const SiteExportFeature = feature(
  z
    .looseObject({
      id: UUID,
      ...Fields,
      version: z.number().int(),
      countryIso3: z.string().nullable(),
      basinName: z.string().nullable(),
      river: z.string().nullable(),
      annexIHazardous: z.boolean(),
      wri: z.number().nullable(),
      thi: z.number().nullable(),
    })
    .omit({ location: true }),
  Geometry,
);

const includeDeletedNote = 'true (editors only): include the recycle bin.';
const ListQuery = SiteListQuery.extend({ includeDeleted: booleanText.optional() });
const ReadQuery = z.object({ includeDeleted: booleanText.optional() }).strict();
const DeleteQuery = z
  .object({
    version: z
      .string()
      .regex(/^\d{1,15}$/)
      .optional(),
  })
  .strict();
const ReplaceBody = SiteInput.safeExtend({ version: SitePatch.shape.version });
const ETag = { ETag: 'The version, quoted ("3"): send it back as If-Match or version.' };

const IMPORT_MEDIA = [
  file('application/geo+json', 'GeoJSON FeatureCollection'),
  file('text/csv', 'CSV: comma or semicolon, decimal point or comma, UTF-8 (BOM or not), cp1250, cp1251'),
  file('application/vnd.google-earth.kml+xml'),
  file('application/vnd.google-earth.kmz'),
  file('application/geopackage+sqlite3'),
  file('application/zip', 'A zipped Shapefile'),
  file('multipart/form-data', 'The file in the form field "file" (its extension names the format).'),
];

export const sitesGroup: RouteGroup = {
  tag: 'Register',
  description:
    'Hazardous sites and tailings management facilities: CRUD with versions, import, export, history.',
  schemas: { SiteRecord, SiteSummary, SitePage, DeletedSite, ImportReport, HistoryEntry, SiteExportFeature },
  inputs: { SiteInput, SiteReplace: ReplaceBody, SitePatch, PurgeBody },
  routes: [
    {
      method: 'get',
      path: '/sites',
      operationId: 'listSites',
      summary: 'List sites (filter, sort, page)',
      query: ListQuery,
      queryNotes: {
        bbox: 'minLon,minLat,maxLon,maxLat in WGS84 degrees',
        country: 'ISO 3166-1 alpha-3 codes, comma-separated',
        basin: 'A basin id or name (GET /api/basins)',
        q: 'Text in the name, local name, operator or locality',
        includeDeleted: includeDeletedNote,
      },
      responses: { 200: { description: 'A page of site summaries.', content: [json(SitePage)] } },
    },
    {
      method: 'get',
      path: '/sites/export',
      operationId: 'exportSites',
      summary: 'Export the (filtered) register as GeoJSON, CSV, KML or GeoPackage',
      query: SiteExportQuery,
      heavy: true,
      responses: {
        200: {
          description:
            'The file (Content-Disposition: attachment); flat, typed properties named as in the API.',
          content: [
            json(featureCollection(SiteExportFeature), 'application/geo+json'),
            file('text/csv'),
            file('application/vnd.google-earth.kml+xml'),
            file('application/geopackage+sqlite3'),
          ],
        },
      },
    },
    {
      method: 'post',
      path: '/sites/import',
      operationId: 'importSites',
      summary: 'Import sites from a file (all or nothing unless skipInvalid)',
      description:
        'Rows with the `id` and `version` of an export update those sites (optimistic check) instead of duplicating them. ' +
        'Up to 20 MB; large files run on the jobs worker.',
      query: ImportQuery,
      heavy: true,
      body: { content: IMPORT_MEDIA },
      responses: {
        200: { description: 'Imported (or checked, with dryRun).', content: [json(ImportReport)] },
        422: {
          description: 'Invalid rows: nothing was stored; the report lists them.',
          content: [json(ImportReport)],
        },
      },
      errors: [413],
    },
    {
      method: 'get',
      path: '/sites/import-template',
      operationId: 'importTemplate',
      summary: 'A CSV template with every column the importer reads and one example row',
      query: TemplateQuery,
      responses: { 200: { description: 'The template.', content: [file('text/csv')] } },
    },
    {
      method: 'get',
      path: '/sites/import/template.csv',
      operationId: 'importTemplateCsv',
      summary: 'The import template (same as /sites/import-template)',
      query: TemplateQuery,
      responses: { 200: { description: 'The template.', content: [file('text/csv')] } },
    },
    {
      method: 'get',
      path: '/sites/deleted',
      operationId: 'listDeletedSites',
      summary: 'The recycle bin: deleted sites, most recent first',
      access: 'editor',
      query: DeletedListQuery,
      responses: {
        200: {
          description: 'A page of deleted sites.',
          content: [json(page(DeletedSite))],
        },
      },
    },
    {
      method: 'get',
      path: '/sites/:id/history',
      operationId: 'siteHistory',
      summary: "A site's change history (who, when, before and after)",
      access: 'editor',
      pathParams: siteIdParam,
      responses: {
        200: {
          description: 'Every change, oldest first.',
          content: [
            json(z.looseObject({ siteId: UUID, deleted: z.boolean(), items: z.array(HistoryEntry) })),
          ],
        },
      },
    },
    {
      method: 'post',
      path: '/sites/:id/history/purge',
      operationId: 'purgeSiteHistory',
      summary: "Remove a sensitive old value from a site's history",
      pathParams: siteIdParam,
      body: { content: [json(PurgeBody)] },
      responses: {
        200: {
          description: 'Purged: how many history rows held a value.',
          content: [json(z.object({ siteId: UUID, field: z.string(), rows: z.number().int() }))],
        },
      },
    },
    {
      method: 'post',
      path: '/sites/:id/restore',
      operationId: 'restoreSite',
      summary: 'Restore a deleted site from the recycle bin',
      pathParams: siteIdParam,
      responses: { 200: { description: 'The restored site.', headers: ETag, content: [json(SiteRecord)] } },
      errors: [409],
    },
    {
      method: 'get',
      path: '/sites/:id',
      operationId: 'getSite',
      summary: 'One site with its derived values',
      pathParams: siteIdParam,
      query: ReadQuery,
      queryNotes: { includeDeleted: 'true (editors only): answer a deleted site from the recycle bin.' },
      responses: { 200: { description: 'The site.', headers: ETag, content: [json(SiteRecord)] } },
    },
    {
      method: 'post',
      path: '/sites',
      operationId: 'createSite',
      summary: 'Register a site',
      body: { content: [json(SiteInput)] },
      responses: {
        201: {
          description: 'Created, with its derived values.',
          headers: { ...ETag, Location: '/api/sites/{id}' },
          content: [json(SiteRecord)],
        },
      },
      errors: [409],
    },
    {
      method: 'put',
      path: '/sites/:id',
      operationId: 'replaceSite',
      summary: 'Replace a site (with the version you read)',
      pathParams: siteIdParam,
      body: { content: [json(ReplaceBody)] },
      responses: { 200: { description: 'The updated site.', headers: ETag, content: [json(SiteRecord)] } },
      errors: [409],
    },
    {
      method: 'patch',
      path: '/sites/:id',
      operationId: 'patchSite',
      summary: 'Change some fields of a site (with the version you read)',
      pathParams: siteIdParam,
      body: { content: [json(SitePatch)] },
      responses: { 200: { description: 'The updated site.', headers: ETag, content: [json(SiteRecord)] } },
      errors: [409],
    },
    {
      method: 'delete',
      path: '/sites/:id',
      operationId: 'deleteSite',
      summary: 'Delete a site (to the recycle bin); give the version as ?version=N or If-Match',
      pathParams: siteIdParam,
      query: DeleteQuery,
      queryNotes: { version: 'The version you read (or send If-Match: "N").' },
      responses: { 204: { description: 'Deleted.' } },
      errors: [409],
    },
  ],
};
