// /api/auth: login (session cookie + CSRF token), logout, and who am I. A login is decided by the
// limiter before any hashing; unknown accounts are refused without hashing, after the same delay a
// real check takes; real checks go through the hashing thread's bounded queue.
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { z } from 'zod';
import { LOCKED_PASSWORD } from '../../auth/password.js';
import type { PasswordHasher } from '../../auth/password-hasher.js';
import { zodIssues } from '../../core/register/site-validate.js';
import { createSession, deleteSession, SESSION_HOURS, userForLogin } from '../../storage/account-store.js';
import type { Db } from '../../storage/db.js';
import { PoolBusyError } from '../../workers/pool.js';
import { audit, clientAddress } from '../audit.js';
import { type AccessSettings, CSRF_HEADER, principalOf, SESSION_COOKIE } from '../auth.js';
import { HttpError } from '../errors.js';
import type { LoginLimiter } from '../login-limiter.js';
import { strictQuery } from '../security.js';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .strict();

export interface LoginDeps {
  limiter: LoginLimiter;
  hasher: PasswordHasher;
  /** Secure cookies always (behind a TLS proxy), not only when the request itself came over TLS. */
  secureCookies: boolean;
}

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

/**
 * How long a real password check takes here (queue wait included), as a moving average: an unknown
 * account is answered after this long, so timing does not tell which usernames exist, and it costs
 * a timer instead of a hash.
 */
class CheckTime {
  private ms = 120;
  observe(ms: number): void {
    this.ms = 0.8 * this.ms + 0.2 * Math.min(ms, 5_000);
  }
  /** The average with ±10 % jitter. */
  sample(): number {
    return this.ms * (0.9 + Math.random() * 0.2);
  }
}

const invalid = () =>
  new HttpError(401, 'INVALID_CREDENTIALS', 'Wrong username or password (or the account is disabled).');

export function authRouter(db: Db, settings: AccessSettings, deps: LoginDeps): express.Router {
  const r = express.Router();
  const checkTime = new CheckTime();
  const secure = (req: express.Request) => req.secure || deps.secureCookies;

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
    // Decided here, synchronously, before anything is awaited: parallel requests cannot overtake it.
    const slot = deps.limiter.reserve(username, clientAddress(req));
    if (slot.kind === 'refused') {
      res.set('Retry-After', String(slot.retryAfterS));
      throw new HttpError(
        429,
        'TOO_MANY_ATTEMPTS',
        slot.scope === 'account'
          ? `Too many failed logins for this account; try again in ${slot.retryAfterS} s.`
          : `Too many failed logins from your address; try again in ${slot.retryAfterS} s.`,
        { retryAfterS: slot.retryAfterS, scope: slot.scope },
      );
    }
    const failed = (reason: string) => {
      slot.settle('failure');
      audit(db, req, res, {
        action: 'login.failure',
        outcome: 'failed',
        actor: null,
        target: username,
        details: { reason },
      });
      return invalid();
    };
    const user = userForLogin(db, username);
    if (!user || user.passwordHash === LOCKED_PASSWORD) {
      await sleep(checkTime.sample());
      throw failed(user ? 'no password' : 'unknown user');
    }
    const started = performance.now();
    // Only this attempt on record: nobody is guessing at this account, so its check goes first.
    const urgent = deps.limiter.accountAttempts(username) <= 1;
    let ok: boolean;
    try {
      ok = await deps.hasher.verify(password, user.passwordHash, urgent);
    } catch (err) {
      if (!(err instanceof PoolBusyError)) throw err;
      // No check ran, so the attempt gives its slot back; the caller retries shortly.
      slot.settle('success');
      res.set('Retry-After', '1');
      throw new HttpError(429, 'LOGIN_BUSY', 'Too many logins at once; try again in a second.', {
        retryAfterS: 1,
      });
    }
    checkTime.observe(performance.now() - started);
    if (!ok) throw failed('wrong password');
    if (user.disabled) throw failed('disabled');
    slot.settle('success');
    const session = createSession(db, user.id);
    audit(db, req, res, {
      action: 'login.success',
      outcome: 'ok',
      actor: { kind: 'user', userId: user.id, username: user.username },
      target: `user:${user.id}`,
    });
    res
      .set('Set-Cookie', cookie(session.token, SESSION_HOURS * 3600, secure(req)))
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
      .set('Set-Cookie', cookie('', 0, secure(req)))
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
