// zod → JSON Schema 2020-12 (the dialect OpenAPI 3.1 uses) with zod's own z.toJSONSchema: named schemas
// become components referenced by $ref, query objects become one parameter per property.
import { z } from 'zod';

export type JsonSchema = { [key: string]: unknown };
export const COMPONENTS = '#/components/schemas/';

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Drops what is noise inside an OpenAPI document: `$schema`, `$id`, and "anything goes" additionalProperties. */
export function tidy(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(tidy);
  if (!isObject(schema)) return schema;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === '$schema' || k === '$id') continue;
    if (k === 'additionalProperties' && isObject(v) && Object.keys(v).length === 0) continue;
    out[k] = tidy(v);
  }
  return out;
}

/**
 * Converts named schemas as one registry, so each refers to the others by `#/components/schemas/NAME`,
 * and returns a converter for anonymous schemas that refers to the named ones the same way.
 */
export function namedSchemas(named: Map<z.ZodType, string>, io: 'input' | 'output') {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of named) registry.add(schema, { id });
  const uri = (id: string) => `${COMPONENTS}${id}`;
  const converted = z.toJSONSchema(registry, { io, uri, unrepresentable: 'any' }).schemas;
  const components: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(converted)) components[id] = tidy(s);
  const toSchema = (schema: z.ZodType): unknown => {
    const id = named.get(schema);
    return id ? { $ref: uri(id) } : tidy(z.toJSONSchema(schema, { io, unrepresentable: 'any' }));
  };
  return { components, toSchema };
}

export interface QueryParameter {
  name: string;
  in: 'query';
  required: boolean;
  description?: string;
  schema: unknown;
  style?: 'form';
  explode?: boolean;
}

/**
 * One parameter per property of the route's query schema. The wire form is text, so the input form is
 * described, except where the parsed form says more: numbers (numberParam, intParam) are documented as
 * numbers with their range, comma-separated lists as arrays (`style: form, explode: false`: a,b,c).
 */
export function queryParameters(schema: z.ZodObject, notes: Record<string, string> = {}): QueryParameter[] {
  const input = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const output = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const inProps = (input.properties ?? {}) as Record<string, JsonSchema>;
  const outProps = (output.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  return Object.entries(inProps).map(([name, inSchema]) => {
    const out = outProps[name] ?? {};
    const parsedAs = out.type;
    const param: QueryParameter = { name, in: 'query', required: required.has(name), schema: tidy(inSchema) };
    if (parsedAs === 'number' || parsedAs === 'integer') {
      param.schema = tidy({
        ...out,
        ...(inSchema.default === undefined ? {} : { default: inSchema.default }),
      });
    } else if (parsedAs === 'array') {
      // A list of values whose parsing zod cannot describe (a transform) is a list of text.
      const vague =
        out.prefixItems === undefined && (!isObject(out.items) || Object.keys(out.items).length === 0);
      param.schema = tidy(vague ? { ...out, items: { type: 'string' } } : out);
      param.style = 'form';
      param.explode = false;
    }
    const note = notes[name];
    if (note) param.description = note;
    return param;
  });
}
