// /api/auth: login (session cookie + CSRF token), logout, and who am I.
import express from 'express';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../auth/password.js';
import { zodIssues } from '../../core/register/site-validate.js';
import { createSession, deleteSession, SESSION_HOURS, userForLogin } from '../../storage/account-store.js';
import type { Db } from '../../storage/db.js';
import { type AccessSettings, CSRF_HEADER, principalOf, SESSION_COOKIE } from '../auth.js';
import { HttpError } from '../errors.js';
import { LoginLimiter, loginKey } from '../login-limiter.js';
import { strictQuery } from '../security.js';

const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .strict();

/** Compared against when the user does not exist, so timing does not tell which usernames exist. */
let dummyHash: string | null = null;

function cookie(token: string, maxAgeS: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    'Path=/api',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${maxAgeS}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Secure cookies when the request came over TLS, or always with HAZATLAS_SECURE_COOKIES=true (behind a proxy). */
const secureCookies = (req: express.Request) => req.secure || process.env.HAZATLAS_SECURE_COOKIES === 'true';

export function authRouter(db: Db, settings: AccessSettings, limiter = new LoginLimiter()): express.Router {
  const r = express.Router();

  r.post('/auth/login', strictQuery(), async (req, res) => {
    const parsed = LoginBody.safeParse(req.body);
    if (!parsed.success)
      throw new HttpError(
        400,
        'VALIDATION',
        'Send {"username", "password"} as JSON.',
        zodIssues(parsed.error),
      );
    const { username, password } = parsed.data;
    const key = loginKey(username, req.socket.remoteAddress);
    const waitS = limiter.retryAfterS(key);
    if (waitS > 0) {
      res.set('Retry-After', String(waitS));
      throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `Too many failed logins; try again in ${waitS} s.`, {
        retryAfterS: waitS,
      });
    }
    const user = userForLogin(db, username);
    dummyHash ??= await hashPassword('not a password of anyone');
    const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash);
    if (!user || !ok || user.disabled) {
      limiter.fail(key);
      throw new HttpError(
        401,
        'INVALID_CREDENTIALS',
        'Wrong username or password (or the account is disabled).',
      );
    }
    limiter.succeed(key);
    const session = createSession(db, user.id);
    res
      .set('Set-Cookie', cookie(session.token, SESSION_HOURS * 3600, secureCookies(req)))
      .set('Cache-Control', 'no-store')
      .json({ user: { username: user.username, role: user.role }, csrfToken: session.csrfToken });
  });

  r.post('/auth/logout', strictQuery(), (req, res) => {
    const p = principalOf(res);
    if (p?.via === 'session') {
      // A page on another site must not be able to log the user out either.
      if (req.get(CSRF_HEADER) !== p.csrfToken)
        throw new HttpError(403, 'CSRF', `Send the CSRF token in the ${CSRF_HEADER} header.`);
      deleteSession(db, p.sessionHash);
    }
    res
      .set('Set-Cookie', cookie('', 0, secureCookies(req)))
      .status(204)
      .end();
  });

  r.get('/auth/me', strictQuery(), (_req, res) => {
    const p = principalOf(res);
    res.set('Cache-Control', 'no-store').json({
      user: p ? { id: p.user.id, username: p.user.username, role: p.role } : null,
      via: p?.via ?? null,
      csrfToken: p?.via === 'session' ? p.csrfToken : null,
      anonymousRead: settings.anonymousRead,
    });
  });

  return r;
}
