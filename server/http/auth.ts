// Who is calling and what they may do, applied once to every /api request before any route: bearer
// tokens or session cookies identify the caller; writes need editor, accounts need admin; cookie
// sessions must echo their CSRF token on writes.
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { type Actor, type Role, roleAtLeast } from '../auth/roles.js';
import { loadConfig } from '../config.js';
import { type Principal, principalForSession, principalForToken } from '../storage/account-store.js';
import type { Db } from '../storage/db.js';
import { HttpError } from './errors.js';

export const SESSION_COOKIE = 'hazatlas_session';
export const CSRF_HEADER = 'X-CSRF-Token';

export interface AccessSettings {
  /** Whether callers without an account may read (GET and the read-only POSTs). */
  anonymousRead: boolean;
}

/** `HAZATLAS_ANONYMOUS_READ` (default on for a local install; set it to `false` on a deployment). */
export function accessSettingsFromEnv(env = process.env): AccessSettings {
  return { anonymousRead: loadConfig(env).anonymousRead };
}

/**
 * POST routes that compute an answer without changing anything: they need only read access. Keep
 * this list small and explicit; every other non-GET route needs an editor.
 */
export const READ_ONLY_POSTS: readonly string[] = ['/planning/review'];
/**
 * Routes anyone may call, whatever the settings: the client needs them to show a login form, and API
 * clients need the API description (it holds no data) to learn how to log in.
 */
const PUBLIC_ROUTES: readonly string[] = [
  'POST /auth/login',
  'POST /auth/logout',
  'GET /auth/me',
  'GET /openapi.json',
  'GET /docs',
];
/** Paths (under /api) of the account administration, audit log and history purge routes. */
const ADMIN_PATH = /^\/(users|tokens|audit)(\/|$)|^\/sites\/[^/]+\/history\/purge$/i;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Express routes ignore case and a trailing slash by default, so the guard compares the same way. */
const normalPath = (p: string) => p.toLowerCase().replace(/\/+$/, '') || '/';

export function principalOf(res: Response): Principal | null {
  return (res.locals.principal as Principal | undefined) ?? null;
}

/** The actor a write is recorded under (the guard has already refused anonymous writes). */
export function actorOf(res: Response): Actor {
  const p = principalOf(res);
  if (!p) throw new HttpError(401, 'UNAUTHENTICATED', 'Log in or send an API token to make changes.');
  return p.via === 'token'
    ? { kind: 'token', tokenId: p.tokenId, userId: p.user.id, username: p.user.username }
    : { kind: 'user', userId: p.user.id, username: p.user.username };
}

export function cookieValue(req: Request, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Resolves the caller: a bad or revoked bearer token is a 401 at once; a stale cookie is anonymous. */
export function authenticate(db: Db): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const m = /^Bearer\s+(\S{1,200})\s*$/i.exec(header);
      const p = m ? principalForToken(db, m[1] as string) : null;
      if (!p) {
        next(
          new HttpError(
            401,
            'INVALID_TOKEN',
            'The API token is not valid (unknown, revoked, or its user is disabled). Send "Authorization: Bearer <token>".',
          ),
        );
        return;
      }
      res.locals.principal = p;
    } else {
      const cookie = cookieValue(req, SESSION_COOKIE);
      const p = cookie ? principalForSession(db, cookie) : null;
      if (p) res.locals.principal = p;
    }
    next();
  };
}

/** What a request needs, from its method and path alone. */
export type Need = { kind: 'public' } | { kind: 'read' } | { kind: 'role'; role: Role };

export function needOf(method: string, path: string): Need {
  const m = method.toUpperCase();
  const p = normalPath(path);
  if (PUBLIC_ROUTES.includes(`${m} ${p}`)) return { kind: 'public' };
  if (ADMIN_PATH.test(p)) return { kind: 'role', role: 'admin' };
  if (SAFE_METHODS.has(m) || (m === 'POST' && READ_ONLY_POSTS.includes(p))) return { kind: 'read' };
  return { kind: 'role', role: 'editor' };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Applies needOf to each request: 401 without credentials, 403 with too small a role or no CSRF token. */
export function accessGuard(settings: AccessSettings): RequestHandler {
  return (req, res, next) => {
    const need = needOf(req.method, req.path);
    const p = principalOf(res);
    if (need.kind === 'public') {
      next();
      return;
    }
    if (need.kind === 'read') {
      if (p || settings.anonymousRead) next();
      else next(new HttpError(401, 'UNAUTHENTICATED', 'Log in (or send an API token) to read the register.'));
      return;
    }
    if (!p) {
      next(
        new HttpError(
          401,
          'UNAUTHENTICATED',
          `Log in as ${need.role === 'admin' ? 'an admin' : 'an editor'} to do this.`,
          {
            requiredRole: need.role,
          },
        ),
      );
      return;
    }
    if (!roleAtLeast(p.role, need.role)) {
      next(
        new HttpError(403, 'FORBIDDEN', `This needs the ${need.role} role; you are ${p.role}.`, {
          requiredRole: need.role,
          role: p.role,
        }),
      );
      return;
    }
    // CSRF guards changes; an admin's GET /api/users from the browser changes nothing and, with a
    // SameSite=Strict cookie and no CORS, another site can neither send it nor read the answer.
    const changes = !SAFE_METHODS.has(req.method.toUpperCase());
    if (p.via === 'session' && changes && !sameSecret(req.get(CSRF_HEADER) ?? '', p.csrfToken)) {
      next(
        new HttpError(
          403,
          'CSRF',
          `Send the CSRF token from login or GET /api/auth/me in the ${CSRF_HEADER} header.`,
        ),
      );
      return;
    }
    next();
  };
}
