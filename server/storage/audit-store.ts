// The audit log in SQLite (migration 007): one row per security-relevant event, appended by the HTTP
// and CLI adapters, read by admins (GET /api/audit, `hazatlas audit`).
import { type Actor, actorLabel } from '../auth/roles.js';
import type { Db } from './db.js';

export type AuditOutcome = 'ok' | 'failed' | 'refused';

/** What happened: login.*, access.refused, user.*, token.*, receptor.*, history.purge, worker.died. */
export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'access.refused'
  | 'user.create'
  | 'user.update'
  | 'token.create'
  | 'token.revoke'
  | 'receptor.create'
  | 'receptor.import'
  | 'receptor.delete'
  | 'history.purge'
  /** The jobs worker thread died (out of memory, crash) and is being restarted. */
  | 'worker.died'
  /** A planning review saved as a case record (POST /api/planning/reviews, `hazatlas planning reviews save`). */
  | 'planning_review.save';

export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  actor?: Actor | null;
  client?: string | null;
  /** What the event is about: `user:3`, `token:7`, `receptor:<id>`, `site:<id>`, or a username tried. */
  target?: string | null;
  details?: Record<string, unknown> | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  outcome: AuditOutcome;
  actor: string | null;
  userId: number | null;
  tokenId: number | null;
  client: string | null;
  target: string | null;
  details: Record<string, unknown> | null;
}

export function recordAudit(db: Db, e: AuditEvent, now = new Date()): void {
  const a = e.actor ?? null;
  db.prepare(
    `INSERT INTO audit_log (at, action, outcome, actor, user_id, token_id, client, target, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    now.toISOString(),
    e.action,
    e.outcome,
    a ? actorLabel(a) : null,
    a && (a.kind === 'user' || a.kind === 'token') ? a.userId : null,
    a?.kind === 'token' ? a.tokenId : null,
    e.client?.slice(0, 100) ?? null,
    e.target?.slice(0, 200) ?? null,
    e.details ? JSON.stringify(e.details) : null,
  );
}

export interface AuditQuery {
  /** An action, or a prefix ending in `.` (e.g. `login.`). */
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
  limit: number;
  offset: number;
}

interface AuditRow {
  id: number;
  at: string;
  action: string;
  outcome: AuditOutcome;
  actor: string | null;
  user_id: number | null;
  token_id: number | null;
  client: string | null;
  target: string | null;
  details: string | null;
}

/** Newest first. */
export function listAudit(db: Db, q: AuditQuery): { total: number; items: AuditEntry[] } {
  // Constant SQL: absent filters are NULL parameters.
  const exact = q.action && !q.action.endsWith('.') ? q.action : null;
  const prefix = q.action?.endsWith('.') ? q.action : null;
  const filter = `(@exact IS NULL OR action = @exact)
    AND (@prefix IS NULL OR substr(action, 1, length(@prefix)) = @prefix)
    AND (@outcome IS NULL OR outcome = @outcome)`;
  const params = { exact, prefix, outcome: q.outcome ?? null };
  const total = db.prepare(`SELECT COUNT(*) FROM audit_log WHERE ${filter}`).pluck().get(params) as number;
  const rows = db
    .prepare(`SELECT * FROM audit_log WHERE ${filter} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as AuditRow[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      outcome: r.outcome,
      actor: r.actor,
      userId: r.user_id,
      tokenId: r.token_id,
      client: r.client,
      target: r.target,
      details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
    })),
  };
}
