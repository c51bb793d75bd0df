// Route docs for the API description itself: the OpenAPI document and its readable page.
import { z } from 'zod';
import { file, json, type RouteGroup } from './describe.js';

const OpenApiDocument = z.looseObject({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
});

export const docsGroup: RouteGroup = {
  tag: 'API description',
  description: 'This description, as OpenAPI 3.1 JSON and as a page to read.',
  routes: [
    {
      method: 'get',
      path: '/openapi.json',
      operationId: 'openApi',
      summary: 'The OpenAPI 3.1 description of /api (generated from the routes’ zod schemas)',
      responses: { 200: { description: 'The description.', content: [json(OpenApiDocument)] } },
    },
    {
      method: 'get',
      path: '/docs',
      operationId: 'apiDocs',
      summary: 'The API description as a page: operations by tag, with parameters and schemas',
      responses: { 200: { description: 'Plain HTML (no scripts).', content: [file('text/html')] } },
    },
  ],
};
