// Answer schemas shared by several route groups: the error shape (server/http/errors.ts), GeoJSON
// pieces, pages of a list.
import { z } from 'zod';

/** One violation: the dotted path of the field ('' for the request itself) and what to fix. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });

/**
 * Every 4xx and 5xx answer (errorHandler in server/http/errors.ts): a stable code, a message that says
 * what to fix, and for validation errors the violations one by one.
 */
export const ErrorBody = z.object({
  error: z
    .looseObject({
      code: z.string().meta({ description: 'Stable, upper-case: VALIDATION, INVALID_QUERY, NOT_FOUND, …' }),
      message: z.string().meta({ description: 'What went wrong and what to fix, in English.' }),
      details: z
        .union([z.array(z.looseObject({})), z.looseObject({})])
        .optional()
        .meta({
          description:
            'Validation errors: the violations as {path, message}; import errors: the rejected rows; other errors: facts such as currentVersion or retryAfterS.',
        }),
    })
    .meta({ description: 'The error.' }),
});

export const Lon = z.number().min(-180).max(180);
export const Lat = z.number().min(-90).max(90);
export const LonLat = z.object({ lon: Lon, lat: Lat });
export const Bbox = z.tuple([z.number(), z.number(), z.number(), z.number()]).meta({
  description: 'West, south, east, north in WGS84 degrees.',
});

/** A GeoJSON geometry (RFC 7946); coordinates are WGS84 longitude, latitude. */
export const Geometry = z.looseObject({
  type: z.enum([
    'Point',
    'MultiPoint',
    'LineString',
    'MultiLineString',
    'Polygon',
    'MultiPolygon',
    'GeometryCollection',
  ]),
});

export const feature = <P extends z.ZodType>(properties: P, geometry: z.ZodType = Geometry.nullable()) =>
  z.looseObject({ type: z.literal('Feature'), geometry, properties });

export const featureCollection = <F extends z.ZodType>(f: F) =>
  z.looseObject({ type: z.literal('FeatureCollection'), features: z.array(f) });

/** A page of a list: how many match, which slice this is. */
export const page = <I extends z.ZodType>(item: I) =>
  z.looseObject({
    total: z.number().int().min(0),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(item),
  });

/** An estimate with its probable value and a conservative bound (transport model). */
export const Range = z.object({ probable: z.number(), bound: z.number() });
export const Arrival = z.looseObject({ leadingEdgeH: Range, peakH: Range, peakMgL: Range.nullable() });

/** A timestamp written by the server (ISO 8601 in UTC). */
export const Timestamp = z.string().meta({ description: 'ISO 8601 date-time' });

/** A source for a record: title, and a URL where it can be read. */
export const SourceRef = z.looseObject({ title: z.string(), url: z.string().nullish() });
