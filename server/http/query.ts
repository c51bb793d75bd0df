// Query-string validation helpers: numbers must be numbers, every violation says what to fix.
import { z } from 'zod';
import { parseDecimal } from '../core/decimal.js';
import { badRequest } from './errors.js';

/** A finite decimal number given as a query string: plain decimal notation only (no "0x10", "1e999",
 * "Infinity", " 16"); a decimal comma is refused with a hint. */
export const numberParam = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required` })
    .transform((text, ctx) => {
      const parsed = parseDecimal(text);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({
        code: 'custom',
        message: `${label} must be a number: ${parsed.reason} (got "${text}")`,
      });
      return z.NEVER;
    })
    .pipe(
      z
        .number()
        .min(min, { error: `${label} must be between ${min} and ${max}` })
        .max(max, { error: `${label} must be between ${min} and ${max}` }),
    );

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
