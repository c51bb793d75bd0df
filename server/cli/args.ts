// Argument parsing shared by the subcommands: a parse error (unknown flag, missing value) becomes a
// usage error, negative numbers, which look like flags to parseArgs, stay values, and numbers are
// read strictly (decimal notation only, a decimal comma gets a hint).
import { parseDecimal } from '../core/decimal.js';
import { CliError } from './cli-error.js';

export function withUsage<T>(usage: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n${usage}`);
  }
}

const NEGATIVE = /^-(\d|\.\d)/;
const MARK = '\u0000';

/** Before parseArgs: "-12.5" is marked so it is read as a positional or an option's value, not a flag. */
export const markNegatives = (args: readonly string[]): string[] =>
  args.map((a) => (NEGATIVE.test(a) ? MARK + a : a));

/** After parseArgs: the positionals as they were typed. */
export const unmarkNegatives = (positionals: readonly string[]): string[] =>
  positionals.map((p) => p.replace(MARK, ''));

/** After parseArgs: option values as they were typed ("--release-kg -5" gives "-5", not the mark). */
export function unmarkValues<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values))
    out[k] = typeof v === 'string' ? v.replace(MARK, '') : Array.isArray(v) ? v.map(unmarkOne) : v;
  return out as T;
}

const unmarkOne = (v: unknown) => (typeof v === 'string' ? v.replace(MARK, '') : v);

/** A number argument within [min, max]; the error names the flag, the range and what was typed. */
export function numberArg(value: unknown, label: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).replace(MARK, '');
  const parsed = typeof value === 'string' ? parseDecimal(text) : null;
  if (parsed && !parsed.ok)
    throw new CliError(
      `${label} must be a number between ${min} and ${max}: ${parsed.reason} (got "${text}").`,
    );
  if (!parsed?.ok || parsed.value < min || parsed.value > max)
    throw new CliError(`${label} must be a number between ${min} and ${max} (got "${text}").`);
  return parsed.value;
}
