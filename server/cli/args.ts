// Argument parsing shared by the subcommands: a parse error (unknown flag, missing value) becomes a
// usage error, and negative coordinates, which look like flags to parseArgs, stay positionals.
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

/** Before parseArgs: "-12.5" is marked so it is read as a positional, not a flag. */
export const markNegatives = (args: readonly string[]): string[] =>
  args.map((a) => (NEGATIVE.test(a) ? MARK + a : a));

/** After parseArgs: the positionals as they were typed. */
export const unmarkNegatives = (positionals: readonly string[]): string[] =>
  positionals.map((p) => p.replace(MARK, ''));
