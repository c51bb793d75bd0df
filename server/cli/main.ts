// `hazatlas` command line: the commander tree in program.ts; errors become one line on stderr and an
// exit code (2 bad usage or input, 1 a refusal or failure).
import { CliError } from './cli-error.js';
import { runCli } from './program.js';

runCli(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof CliError) {
    process.stderr.write(`hazatlas: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`hazatlas: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
