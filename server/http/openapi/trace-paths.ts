// Route docs for the downstream trace (GET /api/trace), upstream threats (GET /api/upstream) and the
// basin matrix (GET /api/matrix, /api/matrix.csv).
import { z } from 'zod';
import { matrixQuery, upstreamQuery } from '../routes/analysis.js';
import { querySchema as traceQuery } from '../routes/trace.js';
import { Arrival, feature, featureCollection, Range, Timestamp } from './common.js';
import { file, json, type RouteGroup } from './describe.js';

const RiverKm = z.looseObject({ river: z.string(), km: z.number() }).nullable();
const Warning = z.looseObject({ code: z.string(), message: z.string() });

const Snap = z.looseObject({
  lon: z.number(),
  lat: z.number(),
  distanceKm: z.number(),
  river: z.string().nullable(),
});

const withArrival = <S extends z.ZodObject>(s: S) => s.extend({ arrival: Arrival.optional() });

const TraceOutlet = withArrival(
  z.looseObject({
    name: z.string(),
    kind: z.string(),
    river: z.string().nullable(),
    arm: z.string().nullable(),
    km: z.number(),
    lon: z.number(),
    lat: z.number(),
    main: z.boolean(),
    riverKm: RiverKm,
  }),
);

const TraceCountry = withArrival(
  z.looseObject({
    iso3: z.string(),
    name: z.string(),
    entryKm: z.number(),
    exitKm: z.number(),
    sharedWith: z.array(z.string()),
    riverKm: RiverKm.optional(),
  }),
);

const Crossing = withArrival(
  z.looseObject({
    km: z.number(),
    lon: z.number(),
    lat: z.number(),
    from: z.string(),
    to: z.string(),
    kind: z.string(),
    riverKm: RiverKm,
  }),
);

const TraceRiver = z.looseObject({
  name: z.string().nullable(),
  nameLocal: z.string().nullable(),
  nameRu: z.string().nullable(),
  nameSource: z.string(),
  fromKm: z.number(),
  toKm: z.number(),
});

const PathFeature = feature(
  z.looseObject({
    reachId: z.number().int(),
    kmFromStart: z.number(),
    lengthKm: z.number(),
    river: z.string().nullable(),
    country: z.string().nullable(),
    border: z.string().nullable(),
    branch: z.enum(['main', 'distributary']),
  }),
);

const Release = z
  .looseObject({
    amount: z.looseObject({ kind: z.string() }),
    massKg: z.number(),
    substance: z.string().nullable(),
    decayPerDay: z.number(),
    dischargeFactor: z.number(),
    limitMgL: z.number().nullable(),
    assumptions: z.array(z.string()),
    assumptionsRu: z.array(z.string()).optional(),
    discharge: z.array(
      z.looseObject({
        river: z.string().nullable(),
        dischargeM3s: z.number(),
        source: z.string().optional(),
      }),
    ),
  })
  .meta({ description: 'The release as modelled, with its assumptions and the discharge gauges used.' });

const ProfilePoint = z.looseObject({
  km: z.number(),
  dischargeM3s: z.number(),
  velocityMs: z.number(),
  leadingEdgeH: Range,
  peakH: Range,
  peakMgL: Range.nullable(),
});

const TimePair = z.looseObject({ probable: Timestamp, bound: Timestamp });

/** When the water reaches a downstream country (and by when to warn it) or a station on the main path. */
const Notification = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('country'),
    iso3: z.string(),
    name: z.string(),
    entryKm: z.number(),
    arrivalAt: TimePair,
    arrivalH: Range,
    peakMgL: Range.nullable(),
    notifyBy: Timestamp.nullable().meta({
      description: 'The latest time to warn the country; null without a plan.',
    }),
    rule: z.enum(['lead_time', 'arrival_within_lead_time', 'limit_exceeded']).nullable(),
    reason: z.string(),
    contacts: z
      .array(z.looseObject({ iso3: z.string(), organisation: z.string() }))
      .nullable()
      .meta({
        description: "The plan's contact points; null when the caller may not read them (anonymous).",
      }),
  }),
  z.looseObject({
    kind: z.literal('station'),
    stationId: z.string(),
    name: z.string(),
    stationKind: z.string(),
    river: z.string().nullable(),
    riverKm: z.number().nullable(),
    kmFromStart: z.number(),
    arrivalAt: TimePair,
    arrivalH: Range,
    peakMgL: Range.nullable(),
  }),
]);

export const TraceResult = z.looseObject({
  snap: Snap,
  warnings: z.array(Warning),
  lengthKm: z.number(),
  truncated: z.boolean(),
  outlets: z.array(TraceOutlet),
  countries: z.array(TraceCountry),
  crossings: z.array(Crossing),
  rivers: z.array(TraceRiver),
  path: featureCollection(PathFeature).meta({
    description:
      'The path reach by reach; geometry null with geometry=none, simplified lines with geometry=simplified.',
  }),
  release: Release.optional().meta({
    description: 'With a release (releaseKg, or releaseVolumeM3 with releaseConcentrationMgL).',
  }),
  profile: z
    .array(ProfilePoint)
    .optional()
    .meta({ description: 'With a release: arrival and concentration along the path.' }),
  notifications: z
    .array(Notification)
    .optional()
    .meta({ description: 'With releasedAt: who to notify by when.' }),
  notificationPlan: z.looseObject({ releasedAt: Timestamp }).optional(),
});

const UpstreamSite = z.looseObject({
  id: z.string(),
  name: z.string(),
  location: z.object({ lon: z.number(), lat: z.number() }),
  kind: z.string(),
  sector: z.string(),
  country: z.string().nullable(),
  river: z.string().nullable(),
  riverKm: z.number(),
  arrivalH: z.number().nullable(),
  wri: z.number().nullable(),
  thi: z.number().nullable(),
  annexI: z.boolean(),
});

export const UpstreamReport = z.looseObject({
  snap: Snap,
  limits: z.looseObject({ maxKm: z.number().nullable(), maxHours: z.number().nullable() }),
  total: z.number().int(),
  truncated: z.boolean(),
  sites: z.array(UpstreamSite),
  rankedByHazard: z.array(z.string()),
  rankedByArrival: z.array(z.string()),
  countries: z.array(z.string()),
  velocityModel: z.string(),
  warnings: z.array(Warning),
});

export const BasinMatrix = z.looseObject({
  basin: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  rows: z.array(z.string()).meta({ description: 'Origin countries (ISO3).' }),
  columns: z.array(z.string()).meta({ description: 'Affected countries (ISO3).' }),
  cells: z.array(
    z.looseObject({
      origin: z.string(),
      affected: z.string(),
      sites: z.number().int(),
      annexI: z.number().int(),
      maxWri: z.number().nullable(),
      maxThi: z.number().nullable(),
      minArrivalH: z.number().nullable(),
      minBorderKm: z.number().nullable(),
      siteIds: z.array(z.string()),
    }),
  ),
  totals: z.looseObject({
    sites: z.number().int(),
    onNetwork: z.number().int(),
    transboundarySites: z.number().int(),
  }),
  rowTotals: z.array(
    z.looseObject({ origin: z.string(), sites: z.number().int(), transboundarySites: z.number().int() }),
  ),
  countryNames: z.record(z.string(), z.string()),
  velocityModel: z.string(),
});

const START_NOTES = {
  lon: 'Start longitude (WGS84 degrees)',
  lat: 'Start latitude (WGS84 degrees)',
  crs: 'A CRS code such as EPSG:3844 for x and y',
  x: 'Start easting in crs',
  y: 'Start northing in crs',
  river: 'Snap to this river (name) when there is a choice',
};

export const traceGroup: RouteGroup = {
  tag: 'Trace and analysis',
  description:
    'Where pollution goes downstream, which registered sites threaten a point, and the basin matrix.',
  schemas: { TraceResult, UpstreamReport, BasinMatrix },
  routes: [
    {
      method: 'get',
      path: '/trace',
      operationId: 'trace',
      summary: 'Trace downstream from a point or a registered site, with an optional release',
      description:
        'Give lon/lat, crs with x/y, or siteId. With a release the answer has arrival times and concentrations; ' +
        'with releasedAt also the notification timeline of the covering (or given) plan. format=gpkg answers a GeoPackage ' +
        'with the layers path, crossings and outlets.',
      query: traceQuery,
      queryNotes: {
        ...START_NOTES,
        siteId: 'Trace from a registered site (its stored connection) instead of a point',
        maxKm: 'Stop after this many km',
        geometry: 'Path geometry: full (default), simplified or none',
        releaseKg: 'Mass released (kg)',
        releasedAt: 'Release time (ISO 8601 with zone): adds notifications',
        plan: 'Contingency plan id for the notifications (default: the covering plan)',
      },
      responses: {
        200: {
          description: 'The trace (JSON), or a GeoPackage with format=gpkg.',
          content: [json(TraceResult), file('application/geopackage+sqlite3')],
        },
      },
    },
    {
      method: 'get',
      path: '/upstream',
      operationId: 'upstream',
      summary: 'Registered sites upstream of a point, ranked by hazard and by arrival time',
      query: upstreamQuery,
      queryNotes: {
        ...START_NOTES,
        maxKm: 'Only sites within this many river km',
        maxHours: 'Only sites arriving within this many hours',
      },
      responses: {
        200: { description: 'The sites that drain to the point.', content: [json(UpstreamReport)] },
      },
    },
    {
      method: 'get',
      path: '/matrix',
      operationId: 'matrix',
      summary: 'Transboundary matrix: origin country × affected country',
      query: matrixQuery,
      queryNotes: { basin: 'A basin id or name (GET /api/basins); all data when absent' },
      responses: { 200: { description: 'The matrix.', content: [json(BasinMatrix)] } },
    },
    {
      method: 'get',
      path: '/matrix.csv',
      operationId: 'matrixCsv',
      summary: 'The transboundary matrix as CSV',
      query: matrixQuery,
      responses: { 200: { description: 'The matrix, one row per cell.', content: [file('text/csv')] } },
    },
  ],
};
