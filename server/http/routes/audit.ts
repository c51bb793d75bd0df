// GET /api/audit: the audit log for admins (newest first; filter by action or action prefix and outcome).
import express from 'express';
import { z } from 'zod';
import { listAudit } from '../../storage/audit-store.js';
import type { Db } from '../../storage/db.js';
import { intParam, parseQuery } from '../query.js';
import { strictQuery } from '../security.js';

export const AUDIT_MAX_LIMIT = 1000;

export const AuditQuery = z
  .object({
    action: z
      .string()
      .trim()
      .regex(/^[a-z]+(\.[a-z]*)?$/, 'action is a name such as login.failure, or a prefix such as login.')
      .optional(),
    outcome: z.enum(['ok', 'failed', 'refused']).optional(),
    limit: intParam('limit', 1, AUDIT_MAX_LIMIT).default(100),
    offset: intParam('offset', 0, 1e9).default(0),
  })
  .strict();

export function auditRouter(db: Db): express.Router {
  const r = express.Router();
  // The access guard already requires an admin for /audit (ADMIN_PATH in server/http/auth.ts).
  r.get('/audit', strictQuery('action', 'outcome', 'limit', 'offset'), (req, res) => {
    const q = parseQuery(AuditQuery, req.query);
    res.set('Cache-Control', 'no-store').json({ limit: q.limit, offset: q.offset, ...listAudit(db, q) });
  });
  return r;
}
