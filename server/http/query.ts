// Query-string validation helpers: numbers must be numbers, every violation says what to fix.
import { z } from 'zod';
import { decimal } from '../app/request.js';
import { type Issue, zodIssues } from '../core/register/site-validate.js';
import { badRequest, HttpError } from './errors.js';

/** A finite decimal number given as a query string: plain decimal notation only (no "0x10", "1e999",
 * "Infinity", " 16"); a decimal comma is refused with a hint. The use cases' schemas use the same rule. */
export const numberParam = (label: string, min: number, max: number) => decimal('query', label, min, max);

/** Whole decimal digits only, so `limit=5.5`, `limit=` or a repeated parameter are refused, not coerced. */
export const intParam = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} must be a whole number from ${min} to ${max}` })
    .regex(/^\d{1,9}$/, { error: `${label} must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `${label} must be from ${min} to ${max}` })
        .max(max, { error: `${label} must be from ${min} to ${max}` }),
    );

/** A query that fails its schema: `400 INVALID_QUERY`, every problem named in the message. */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.output<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw badRequest(
    'INVALID_QUERY',
    details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; '),
    details,
  );
}

/** `400 VALIDATION` with the field issues: the register's routes (sites, receptors, stations, plans,
 * exercises, planning) answer bad bodies, and bad queries, with it (docs/operations/accounts-and-security.md). */
export const validationError = (issues: Issue[], message = 'The request is invalid.') =>
  new HttpError(400, 'VALIDATION', message, issues);

/** Parses `req.query` with a zod schema or throws the 400 VALIDATION error (the register's routes). */
export function validateQuery<S extends z.ZodType>(schema: S, req: { query: unknown }): z.output<S> {
  const r = schema.safeParse(req.query);
  if (!r.success) throw validationError(zodIssues(r.error), 'Invalid query parameters.');
  return r.data;
}
