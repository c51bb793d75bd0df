// Structured logs (pino, one JSON object per line on stdout) for the server; the level comes from
// HAZATLAS_LOG_LEVEL (trace|debug|info|warn|error|fatal|silent; default info, silent under vitest).
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

export function logLevelFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  fallback: string = env.VITEST ? 'silent' : 'info',
): string {
  const given = env.HAZATLAS_LOG_LEVEL?.trim().toLowerCase();
  if (given) {
    if (!(LOG_LEVELS as readonly string[]).includes(given)) {
      throw new Error(`HAZATLAS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${given}").`);
    }
    return given;
  }
  return fallback;
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = options.level ?? logLevelFromEnv();
  return options.destination
    ? pino({ level, base: { app: 'hazatlas' } }, options.destination)
    : pino({ level, base: { app: 'hazatlas' } });
}

/** The default logger of an app built without one (tests: silent unless HAZATLAS_LOG_LEVEL says). */
export const log: Logger = createLogger();
