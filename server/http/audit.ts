// Recording audit events from HTTP requests: who (principal), from where (client address, which
// honours HAZATLAS_TRUST_PROXY through req.ip), and every refused request (401/403/413/429).
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from '../log.js';
import { type AuditEvent, recordAudit } from '../storage/audit-store.js';
import type { Db } from '../storage/db.js';
import { principalOf } from './auth.js';
import { HttpError } from './errors.js';

/** The client address: the socket's, or X-Forwarded-For's when the request came from a trusted proxy. */
export const clientAddress = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? '?';

export function audit(db: Db, req: Request, res: Response, e: Omit<AuditEvent, 'client'>): void {
  const p = principalOf(res);
  const actor =
    e.actor !== undefined
      ? e.actor
      : p
        ? p.via === 'token'
          ? { kind: 'token' as const, tokenId: p.tokenId, userId: p.user.id, username: p.user.username }
          : { kind: 'user' as const, userId: p.user.id, username: p.user.username }
        : null;
  const client = clientAddress(req);
  // The server log says it too (without details, which may hold names): an operator tailing the log sees
  // failed logins and refusals as they happen, not only in GET /api/audit.
  const logger = req.app.locals.logger as Logger | undefined;
  logger?.[e.outcome === 'ok' ? 'info' : 'warn'](
    {
      audit: e.action,
      outcome: e.outcome,
      target: e.target ?? null,
      client,
      reqId: res.locals.requestId ?? null,
    },
    'audit',
  );
  try {
    recordAudit(db, { ...e, actor, client });
  } catch (err) {
    // The audit log must never turn an answer into a 500 (e.g. the database closing at shutdown).
    console.error('audit log write failed:', (err as Error).message);
  }
}

/** Refusals worth auditing: authentication, permission, CSRF, rate limits and oversized requests. */
const REFUSALS = new Set([401, 403, 413, 429]);

/** Records every refused request, then passes the error on to the error handler unchanged. */
export function auditRefusals(db: Db): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (err instanceof HttpError && REFUSALS.has(err.status) && err.code !== 'INVALID_CREDENTIALS')
      audit(db, req, res, {
        action: 'access.refused',
        outcome: 'refused',
        target: `${req.method} ${req.originalUrl.split('?')[0]?.slice(0, 150) ?? ''}`,
        details: { status: err.status, code: err.code },
      });
    next(err);
  };
}
