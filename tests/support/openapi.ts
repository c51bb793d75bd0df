// Validates real answers against the OpenAPI description the server serves (GET /api/openapi.json):
// the operation is found by method and path template, its schema by status and media type, and ajv
// (JSON Schema 2020-12) checks the body.
import Ajv2020 from 'ajv/dist/2020.js';
import { expect } from 'vitest';

export type Json = Record<string, unknown>;
export type OpenApiDoc = {
  openapi: string;
  tags: { name: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json> };
};

const DOC_ID = 'https://hazatlas.invalid/openapi.json';

export interface AnswerChecker {
  doc: OpenApiDoc;
  ajv: InstanceType<typeof Ajv2020>;
  docId: string;
  /** Calls the route and validates its JSON answer; returns the body. */
  check(
    method: string,
    url: string,
    expected: number,
    init?: { headers?: Record<string, string>; body?: unknown },
  ): Promise<Json>;
}

/** Reads the description from a running server and returns a checker for its answers. */
export async function answerChecker(origin: string): Promise<AnswerChecker> {
  const res = await fetch(`${origin}/api/openapi.json`);
  expect(res.status).toBe(200);
  const doc = (await res.json()) as OpenApiDoc;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  // The whole description under one id, so '#/components/…' refs and JSON pointers into paths resolve.
  ajv.addSchema({ $id: DOC_ID, components: doc.components, paths: doc.paths });

  const operationFor = (method: string, url: string): { path: string; op: Json } => {
    const pathname = new URL(url, 'http://x').pathname;
    for (const [p, item] of Object.entries(doc.paths)) {
      const re = new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`);
      const op = item[method.toLowerCase()];
      if (op && re.test(pathname)) return { path: p, op };
    }
    throw new Error(`no operation for ${method} ${pathname}`);
  };

  const answerSchema = (method: string, url: string, status: number, mediaType: string): string => {
    const { path, op } = operationFor(method, url);
    let response = (op.responses as Record<string, Json>)[String(status)];
    expect(response, `${method} ${path} describes ${status}`).toBeDefined();
    if (typeof response?.$ref === 'string')
      response = doc.components.responses[response.$ref.split('/').pop() as string];
    const media = (response?.content as Record<string, Json> | undefined)?.[mediaType];
    expect(media, `${method} ${path} ${status} has ${mediaType}`).toBeDefined();
    const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
    const ref = (media?.schema as Json | undefined)?.$ref;
    return typeof ref === 'string'
      ? `${DOC_ID}${ref}`
      : `${DOC_ID}#/paths/${pointer(path)}/${method.toLowerCase()}/responses/${status}/content/${pointer(mediaType)}/schema`;
  };

  const check: AnswerChecker['check'] = async (method, url, expected, init = {}) => {
    const res = await fetch(origin + url, {
      method,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const mediaType = String(res.headers.get('content-type')).split(';')[0] as string;
    const body = (await res.json()) as Json;
    expect(res.status, `${method} ${url}: ${JSON.stringify(body).slice(0, 300)}`).toBe(expected);
    const validate = ajv.getSchema(answerSchema(method, url, expected, mediaType));
    expect(validate, `${method} ${url} schema`).toBeDefined();
    const ok = validate?.(body);
    expect(ok ? [] : validate?.errors?.slice(0, 5), `${method} ${url}`).toEqual([]);
    return body;
  };

  return { doc, ajv, docId: DOC_ID, check };
}
