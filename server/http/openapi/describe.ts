// The vocabulary of the API description: one RouteDoc per route under /api, written in the group file
// beside the others of its router; document.ts turns them into OpenAPI 3.1.
import { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What a request or an answer carries: JSON described by a zod schema, or a file of a media type. */
export type Content =
  | { kind: 'json'; schema: z.ZodType; mediaType?: string }
  | { kind: 'file'; mediaType: string; description?: string };

export interface ResponseDoc {
  description: string;
  content?: Content[];
  /** Response headers worth knowing (ETag, Location, Retry-After), name → description. */
  headers?: Record<string, string>;
}

/** Error statuses a route answers with the shared error shape, beyond those its access and inputs imply. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

export interface RouteDoc {
  method: Method;
  /** The path under /api exactly as the router declares it ('/sites/:id'). */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /**
   * A check the route makes itself, on top of the access guard (server/http/auth.ts): `login` for
   * data hidden from anonymous callers (contact points), `editor` for the history and the recycle bin.
   */
  access?: 'login' | 'editor';
  /** Path parameters, name → description (the schema is a string unless given). */
  pathParams?: Record<string, string | { description: string; schema: z.ZodType }>;
  /** The zod object the route parses its query string with (the same schema, not a copy). */
  query?: z.ZodObject;
  /** Descriptions of query parameters, name → text. */
  queryNotes?: Record<string, string>;
  body?: { description?: string; required?: boolean; content: Content[] };
  responses: Record<number, ResponseDoc>;
  errors?: ErrorStatus[];
  /** Heavy routes share a per-client rate limit (429) and the jobs worker's queue (503). */
  heavy?: boolean;
}

/** JSON content from a zod schema. */
export const json = (schema: z.ZodType, mediaType?: string): Content =>
  mediaType ? { kind: 'json', schema, mediaType } : { kind: 'json', schema };

/** A file answer or upload of one media type. */
export const file = (mediaType: string, description?: string): Content =>
  description ? { kind: 'file', mediaType, description } : { kind: 'file', mediaType };

/** Hand-written query schemas for routes that read a parameter or two without zod (kept beside the route doc). */
export const booleanText = z.enum(['true', 'false']);

/** A group of routes and the answer schemas it names (shown as components, referenced by $ref). */
export interface RouteGroup {
  tag: string;
  description: string;
  routes: RouteDoc[];
  /** Named schemas, name → zod schema; answers (output form) unless listed in `inputs`. */
  schemas?: Record<string, z.ZodType>;
  inputs?: Record<string, z.ZodType>;
}
