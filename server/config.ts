// Every environment setting the server and CLI read, parsed once with zod: a bad value stops start-up
// with a message naming the variable, instead of being read differently in several places.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type ArchiveSummary, inspectArchive } from './basemap/pmtiles-archive.js';

const flag = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const s = v.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(s)) return true;
      if (['false', '0', 'no', 'off'].includes(s)) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false (got "${v}")` });
      return z.NEVER;
    });

/**
 * Express's `trust proxy` setting: true/false, a hop count, or a comma-separated list of addresses,
 * subnets or the names loopback, linklocal, uniquelocal. Only then is X-Forwarded-For believed.
 */
export type TrustProxy = boolean | number | string;
const TRUST_NAMES = /^(loopback|linklocal|uniquelocal|[0-9a-f.:]+(\/\d{1,3})?)$/i;

const trustProxy = z
  .string()
  .optional()
  .transform((v, ctx): TrustProxy => {
    const s = (v ?? '').trim();
    if (s === '' || /^(false|0|no|off)$/i.test(s)) return false;
    if (/^true$/i.test(s)) return true;
    if (/^\d+$/.test(s)) return Number(s);
    const parts = s.split(',').map((p) => p.trim());
    const bad = parts.find((p) => !TRUST_NAMES.test(p));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `HAZATLAS_TRUST_PROXY: "${bad}" is not an address, subnet, hop count, true/false, loopback, linklocal or uniquelocal`,
      });
      return z.NEVER;
    }
    return parts.join(', ');
  });

const publicUrl = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (s === '') return null;
    try {
      const u = new URL(s);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
      return u.href.replace(/\/+$/, '');
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: `HAZATLAS_PUBLIC_URL must be an http(s) URL such as https://hazatlas.example.org (got "${s}")`,
      });
      return z.NEVER;
    }
  });

const port = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (s === '') return 3000;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0 || n > 65_535) {
      ctx.addIssue({ code: 'custom', message: `PORT must be a whole number 0–65535 (got "${s}")` });
      return z.NEVER;
    }
    return n;
  });

const perMinute = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (s === '') return 60;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1 || n > 100_000) {
      ctx.addIssue({
        code: 'custom',
        message: `HAZATLAS_HEAVY_PER_MINUTE must be a whole number 1–100000 (got "${s}")`,
      });
      return z.NEVER;
    }
    return n;
  });

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
const logLevel = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? '').trim().toLowerCase();
    if (s === '') return null;
    if (!(LOG_LEVELS as readonly string[]).includes(s)) {
      ctx.addIssue({
        code: 'custom',
        message: `HAZATLAS_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${v}")`,
      });
      return z.NEVER;
    }
    return s;
  });

/** A file path; a URL (postgresql://…) would otherwise become a directory named after its scheme. */
const dbPath = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const s = (v ?? '').trim();
    if (s === '') return null;
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s)?.[1];
    if (scheme) {
      ctx.addIssue({
        code: 'custom',
        message: `HAZATLAS_DB must be a SQLite file path; "${scheme}://" databases are not supported by this version (got "${s}")`,
      });
      return z.NEVER;
    }
    return path.resolve(s);
  });

/** A local PMTiles v3 archive drawn at planning zooms; checked here so a bad one stops start-up. */
const basemap = z
  .string()
  .optional()
  .transform((v, ctx): ArchiveSummary | null => {
    const s = (v ?? '').trim();
    if (s === '') return null;
    const r = inspectArchive(path.resolve(s));
    if (r.ok) return r.summary;
    ctx.addIssue({
      code: 'custom',
      message: `HAZATLAS_BASEMAP must be a PMTiles v3 archive of OpenMapTiles or Protomaps vector tiles or of raster tiles: ${r.reason}`,
    });
    return z.NEVER;
  });

const EnvSchema = z.object({
  HAZATLAS_HEAVY_PER_MINUTE: perMinute,
  HAZATLAS_DB: dbPath,
  HAZATLAS_LOG_LEVEL: logLevel,
  HAZATLAS_SOURCES: z.string().optional(),
  HAZATLAS_ANONYMOUS_READ: flag('HAZATLAS_ANONYMOUS_READ', true),
  HAZATLAS_SECURE_COOKIES: flag('HAZATLAS_SECURE_COOKIES', false),
  HAZATLAS_TRUST_PROXY: trustProxy,
  HAZATLAS_PUBLIC_URL: publicUrl,
  HAZATLAS_BASEMAP: basemap,
  PORT: port,
  HOST: z.string().optional(),
});

export interface Config {
  /** Absolute path of the database file, or null for the default next to the code. */
  dbPath: string | null;
  sources: string | null;
  anonymousRead: boolean;
  secureCookies: boolean;
  trustProxy: TrustProxy;
  /** Base URL the style's tile and glyph URLs start with; null: root-relative URLs. */
  publicUrl: string | null;
  /** The detailed basemap archive (HAZATLAS_BASEMAP), checked; null: Natural Earth only. */
  basemap: ArchiveSummary | null;
  port: number;
  host: string;
  /** Imports, exports, reviews and reports one client may ask for per minute. */
  heavyPerMinute: number;
  /** pino level from HAZATLAS_LOG_LEVEL; null: the default (info, silent under vitest). */
  logLevel: string | null;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = EnvSchema.safeParse(env);
  if (!r.success)
    throw new ConfigError(
      `Bad environment setting: ${r.error.issues.map((i) => (i.path.length && !i.message.includes(String(i.path[0])) ? `${String(i.path[0])}: ${i.message}` : i.message)).join('; ')}`,
    );
  const e = r.data;
  return {
    dbPath: e.HAZATLAS_DB,
    sources: e.HAZATLAS_SOURCES?.trim() || null,
    anonymousRead: e.HAZATLAS_ANONYMOUS_READ,
    secureCookies: e.HAZATLAS_SECURE_COOKIES,
    trustProxy: e.HAZATLAS_TRUST_PROXY,
    publicUrl: e.HAZATLAS_PUBLIC_URL,
    basemap: e.HAZATLAS_BASEMAP,
    port: e.PORT,
    host: e.HOST?.trim() || '127.0.0.1',
    heavyPerMinute: e.HAZATLAS_HEAVY_PER_MINUTE,
    logLevel: e.HAZATLAS_LOG_LEVEL,
  };
}

let cached: Config | null = null;

/** The process's configuration, read from process.env on first use. */
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/** The database when HAZATLAS_DB is unset: data/hazatlas.sqlite in the checkout. */
export const DEFAULT_DB_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../data/hazatlas.sqlite',
);

/** HAZATLAS_DB or the default database. */
export function dbPathFromEnv(): string {
  return config().dbPath ?? DEFAULT_DB_PATH;
}
