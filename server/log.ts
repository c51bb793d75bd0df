// Structured logs (pino, one JSON object per line on stdout) for the server; the level comes from
// HAZATLAS_LOG_LEVEL (trace|debug|info|warn|error|fatal|silent; default info, silent under vitest).
import pino, { type DestinationStream, type Logger } from 'pino';
import { loadConfig } from './config.js';

export type { Logger } from 'pino';

/** The configured level (server/config.ts validates HAZATLAS_LOG_LEVEL), else info (silent under vitest). */
export function logLevelFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  fallback: string = env.VITEST ? 'silent' : 'info',
): string {
  return loadConfig(env).logLevel ?? fallback;
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const level = options.level ?? logLevelFromEnv();
  return options.destination
    ? pino({ level, base: { app: 'hazatlas' } }, options.destination)
    : pino({ level, base: { app: 'hazatlas' } });
}

/** The default logger of an app built without one (tests: silent unless HAZATLAS_LOG_LEVEL says). */
export const log: Logger = createLogger();
