// Assembles the OpenAPI 3.1 description of /api from the route groups: paths with parameters from the
// routes' own zod schemas, answers and errors, security from the access guard's own rule (needOf).
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { CSRF_HEADER, needOf, SESSION_COOKIE } from '../auth.js';
import { ErrorBody } from './common.js';
import { namedSchemas, queryParameters } from './convert.js';
import type { Content, ErrorStatus, ResponseDoc, RouteDoc, RouteGroup } from './describe.js';

export const OPENAPI_VERSION = '3.1.1';

/** '/sites/:id' → '/sites/{id}', '/tiles/:z/:x/:y.pbf' → '/tiles/{z}/{x}/{y}.pbf'. */
export const openApiPath = (expressPath: string): string => expressPath.replace(/:(\w+)/g, '{$1}');

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: 'The request is invalid; the message says what to fix (validation errors list each violation).',
  401: 'Not logged in, or the bearer token is not valid.',
  403: "The caller's role is too small, or a cookie session sent no CSRF token with a change.",
  404: 'No such resource.',
  409: 'Conflict: someone else changed it (details.currentVersion), or it exists already.',
  413: 'The body (or the job it needs) is too large.',
  415: 'The body is not UTF-8 (or is compressed other than gzip).',
  422: 'The file has invalid rows; nothing was stored (details lists them).',
  429: 'Too many requests from this client; retry after Retry-After seconds.',
  503: 'The server is busy (jobs queue or database); retry after Retry-After seconds.',
};

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Who may call a route: the access guard's need for its method and path, and the route's own check. */
export function accessOf(route: RouteDoc): 'public' | 'read' | 'login' | 'editor' | 'admin' {
  if (route.access === 'editor') return 'editor';
  const need = needOf(route.method, route.path.replace(/:(\w+)/g, 'x'));
  if (need.kind === 'public') return 'public';
  if (need.kind === 'role') return need.role === 'viewer' ? 'login' : need.role;
  return route.access ?? 'read';
}

const BEARER = { bearerToken: [] as string[] };
const COOKIE = { sessionCookie: [] as string[] };

function security(access: ReturnType<typeof accessOf>): Record<string, string[]>[] {
  if (access === 'public') return [];
  // `{}`: anonymous callers may read while HAZATLAS_ANONYMOUS_READ is on (the default for a local install).
  if (access === 'read') return [{}, BEARER, COOKIE];
  return [BEARER, COOKIE];
}

const ACCESS_TEXT: Record<ReturnType<typeof accessOf>, string> = {
  public: 'Anyone may call this.',
  read: 'Readers: anyone while anonymous reading is on (HAZATLAS_ANONYMOUS_READ), else any logged-in caller.',
  login: 'Logged-in callers and API tokens only (never anonymous).',
  editor: 'Editors and admins.',
  admin: 'Admins only.',
};

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** The error statuses a route can answer, from its inputs, access and flags. */
function errorStatuses(route: RouteDoc, access: ReturnType<typeof accessOf>): ErrorStatus[] {
  const s = new Set<ErrorStatus>(route.errors ?? []);
  if (route.query || route.body) s.add(400);
  if (access !== 'public') s.add(401);
  if (access === 'editor' || access === 'admin') s.add(403);
  if (route.path.includes(':')) s.add(404);
  if (route.heavy) {
    s.add(429);
    s.add(503);
  }
  return [...s].sort((a, b) => a - b);
}

export function buildDocument(groups: readonly RouteGroup[]): Record<string, unknown> {
  const outNamed = new Map<z.ZodType, string>([[ErrorBody, 'Error']]);
  const inNamed = new Map<z.ZodType, string>();
  for (const g of groups) {
    for (const [name, schema] of Object.entries(g.schemas ?? {})) outNamed.set(schema, name);
    for (const [name, schema] of Object.entries(g.inputs ?? {})) inNamed.set(schema, name);
  }
  // Anonymous JSON answers and bodies are named after their operation, so the docs page can link them.
  for (const g of groups)
    for (const r of g.routes) {
      for (const c of r.body?.content ?? [])
        if (c.kind === 'json' && !inNamed.has(c.schema))
          inNamed.set(c.schema, `${pascal(r.operationId)}Body`);
      for (const [status, resp] of Object.entries(r.responses))
        for (const c of resp.content ?? [])
          if (c.kind === 'json' && !outNamed.has(c.schema))
            outNamed.set(c.schema, `${pascal(r.operationId)}${Number(status) < 300 ? '' : status}Answer`);
    }
  const clash = [...inNamed.values()].find((n) => [...outNamed.values()].includes(n));
  if (clash) throw new Error(`OpenAPI: schema name ${clash} is both an input and an answer`);
  const answers = namedSchemas(outNamed, 'output');
  const inputs = namedSchemas(inNamed, 'input');

  const content = (list: Content[], convert: (s: z.ZodType) => unknown) =>
    Object.fromEntries(
      list.map((c) => {
        if (c.kind === 'json') return [c.mediaType ?? 'application/json', { schema: convert(c.schema) }];
        if (c.mediaType === 'multipart/form-data')
          return [
            c.mediaType,
            {
              schema: {
                type: 'object',
                properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
                required: ['file'],
                ...(c.description ? { description: c.description } : {}),
              },
            },
          ];
        const text = /^(text\/|application\/(geo\+)?json|application\/vnd\.google-earth\.kml)/.test(
          c.mediaType,
        );
        return [
          c.mediaType,
          {
            schema: {
              type: 'string',
              ...(c.description ? { description: c.description } : {}),
              ...(text ? {} : { contentMediaType: c.mediaType }),
            },
          },
        ];
      }),
    );
  const response = (r: ResponseDoc) => ({
    description: r.description,
    ...(r.headers
      ? {
          headers: Object.fromEntries(
            Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }]),
          ),
        }
      : {}),
    ...(r.content ? { content: content(r.content, answers.toSchema) } : {}),
  });
  // Error answers are shared components: one per status, all with the Error schema.
  const errorBody = { 'application/json': { schema: answers.toSchema(ErrorBody) } };
  const sharedResponses: Record<string, unknown> = {
    ServerError: {
      description: 'Unexpected server error (5xx); the message never shows internals.',
      content: errorBody,
    },
  };
  const errorResponse = (status: ErrorStatus) => {
    sharedResponses[`Error${status}`] = {
      description: ERROR_TEXT[status],
      ...(status === 429 || status === 503
        ? { headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } }
        : {}),
      content: errorBody,
    };
    return { $ref: `#/components/responses/Error${status}` };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const g of groups)
    for (const r of g.routes) {
      const access = accessOf(r);
      const pathParams = [...r.path.matchAll(/:(\w+)/g)].map(([, name]) => {
        const given = r.pathParams?.[name as string];
        const desc = typeof given === 'string' ? given : given?.description;
        const schema = typeof given === 'object' ? inputs.toSchema(given.schema) : { type: 'string' };
        return { name, in: 'path', required: true, schema, ...(desc ? { description: desc } : {}) };
      });
      const parameters = [...pathParams, ...(r.query ? queryParameters(r.query, r.queryNotes) : [])];
      const responses: Record<string, unknown> = {};
      for (const [status, resp] of Object.entries(r.responses)) responses[status] = response(resp);
      for (const status of errorStatuses(r, access))
        if (!(status in responses)) responses[status] = errorResponse(status);
      responses.default = { $ref: '#/components/responses/ServerError' };
      const writes = r.method !== 'get' && access !== 'public';
      const op = {
        operationId: r.operationId,
        summary: r.summary,
        description: [
          r.description,
          `**Access:** ${ACCESS_TEXT[access]}`,
          writes ? `Cookie sessions send the CSRF token in the ${CSRF_HEADER} header.` : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
        tags: [g.tag],
        ...(parameters.length ? { parameters } : {}),
        ...(r.body
          ? {
              requestBody: {
                required: r.body.required ?? true,
                ...(r.body.description ? { description: r.body.description } : {}),
                content: content(r.body.content, inputs.toSchema),
              },
            }
          : {}),
        responses,
        security: security(access),
        'x-hazatlas-access': access,
      };
      const p = openApiPath(`/api${r.path}`);
      paths[p] ??= {};
      const item = paths[p] as Record<string, unknown>;
      if (item[r.method]) throw new Error(`OpenAPI: ${r.method.toUpperCase()} ${p} is described twice`);
      item[r.method] = op;
    }

  const tagDescriptions = new Map<string, string>();
  for (const g of groups) if (!tagDescriptions.has(g.tag)) tagDescriptions.set(g.tag, g.description);
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'HazAtlas API',
      version: packageVersion(),
      summary:
        'Hazardous sites, downstream traces, planning and contingency plans for transboundary river basins.',
      description:
        'The JSON API the HazAtlas web map uses. Every error answers `{"error": {"code", "message", "details"?}}`. ' +
        'Coordinates are WGS84 longitude/latitude unless a `crs` parameter says otherwise. ' +
        'OGC API – Features is served separately at /ogc (its own OpenAPI 3.0 description at /ogc/api).',
      license: { name: 'Data: Natural Earth (public domain) and reviewed sources named per record' },
    },
    servers: [{ url: '/', description: 'This server' }],
    // Several groups may share a tag (e.g. Planning): listed once, with the first group's description.
    tags: [...tagDescriptions].map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { ...answers.components, ...inputs.components },
      responses: sharedResponses,
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (`hazatlas tokens create`, or POST /api/tokens as an admin).',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `The session cookie POST /api/auth/login sets; changes also need the ${CSRF_HEADER} header.`,
        },
      },
    },
  };
}
