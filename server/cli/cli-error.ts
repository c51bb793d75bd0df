// An error the CLI reports as one line on stderr with a non-zero exit code (2 = bad usage/input).
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
