// Joint contingency plans and their contact points. Every write of a plan records its history row in
// the same transaction; updates and deletes check the version the caller last read.
import { type Actor, actorLabel } from '../auth/roles.js';
import {
  type Contact,
  type ContactFields,
  NotificationRule,
  type PlanFields,
  type PlanRecord,
} from '../core/plans/plan-schema.js';
import type { Db } from './db.js';

export type PlanWrite =
  | { ok: true; plan: PlanRecord }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'conflict'; currentVersion: number };

interface PlanRow {
  id: string;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
  version: number;
}

const toRecord = (r: PlanRow): PlanRecord => {
  const body = JSON.parse(r.body) as PlanFields;
  // Rules stored before a rule field existed get that field's default.
  return {
    id: r.id,
    ...body,
    rule: NotificationRule.parse(body.rule),
    name: r.name,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

export function getPlan(db: Db, id: string): PlanRecord | null {
  const row = db.prepare('SELECT * FROM plans WHERE id = ?').get(id) as PlanRow | undefined;
  return row ? toRecord(row) : null;
}

export function listPlans(db: Db, limit: number, offset: number): { total: number; items: PlanRecord[] } {
  const total = db.prepare('SELECT COUNT(*) FROM plans').pluck().get() as number;
  const rows = db
    .prepare('SELECT * FROM plans ORDER BY name, id LIMIT ? OFFSET ?')
    .all(limit, offset) as PlanRow[];
  return { total, items: rows.map(toRecord) };
}

export function allPlans(db: Db): PlanRecord[] {
  return (db.prepare('SELECT * FROM plans ORDER BY name, id').all() as PlanRow[]).map(toRecord);
}

function recordPlanChange(
  db: Db,
  actor: Actor,
  e: {
    planId: string;
    action: 'create' | 'update' | 'delete';
    at: string;
    version: number;
    before: PlanFields | null;
    after: PlanFields | null;
  },
): void {
  db.prepare(`INSERT INTO plan_history (plan_id, action, at, actor, user_id, token_id, version, before, after)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.planId,
    e.action,
    e.at,
    actorLabel(actor),
    actor.kind === 'user' || actor.kind === 'token' ? actor.userId : null,
    actor.kind === 'token' ? actor.tokenId : null,
    e.version,
    e.before ? JSON.stringify(fieldsOf(e.before)) : null,
    e.after ? JSON.stringify(fieldsOf(e.after)) : null,
  );
}

/** The plan's own fields in a fixed key order (what history keeps). */
function fieldsOf(p: PlanFields): PlanFields {
  return {
    name: p.name,
    countries: p.countries,
    rivers: p.rivers,
    rule: p.rule,
    languages: p.languages,
    documents: p.documents,
    notes: p.notes ?? null,
    sources: p.sources,
  };
}

export function createPlan(db: Db, id: string, f: PlanFields, actor: Actor, now = new Date()): PlanRecord {
  const stamp = now.toISOString();
  return db
    .transaction(() => {
      db.prepare(
        'INSERT INTO plans (id, name, body, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, 1)',
      ).run(id, f.name, JSON.stringify(fieldsOf(f)), stamp, stamp);
      recordPlanChange(db, actor, {
        planId: id,
        action: 'create',
        at: stamp,
        version: 1,
        before: null,
        after: f,
      });
      return getPlan(db, id) as PlanRecord;
    })
    .immediate();
}

export function updatePlan(
  db: Db,
  id: string,
  expectedVersion: number,
  f: PlanFields,
  actor: Actor,
  now = new Date(),
): PlanWrite {
  return db
    .transaction((): PlanWrite => {
      const current = getPlan(db, id);
      if (!current) return { ok: false, error: 'not_found' };
      if (current.version !== expectedVersion)
        return { ok: false, error: 'conflict', currentVersion: current.version };
      const stamp = now.toISOString();
      db.prepare(
        'UPDATE plans SET name = ?, body = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
      ).run(f.name, JSON.stringify(fieldsOf(f)), stamp, id, expectedVersion);
      recordPlanChange(db, actor, {
        planId: id,
        action: 'update',
        at: stamp,
        version: expectedVersion + 1,
        before: current,
        after: f,
      });
      return { ok: true, plan: getPlan(db, id) as PlanRecord };
    })
    .immediate();
}

/** Deletes a plan and its contacts (exercises keep their copy of the plan id and fail loudly if rerun). */
export function deletePlan(
  db: Db,
  id: string,
  expectedVersion: number,
  actor: Actor,
  now = new Date(),
): { ok: true } | Exclude<PlanWrite, { ok: true }> {
  return db
    .transaction(() => {
      const current = getPlan(db, id);
      if (!current) return { ok: false as const, error: 'not_found' as const };
      if (current.version !== expectedVersion)
        return { ok: false as const, error: 'conflict' as const, currentVersion: current.version };
      db.prepare('DELETE FROM plans WHERE id = ? AND version = ?').run(id, expectedVersion);
      recordPlanChange(db, actor, {
        planId: id,
        action: 'delete',
        at: now.toISOString(),
        version: current.version,
        before: current,
        after: null,
      });
      return { ok: true as const };
    })
    .immediate();
}

export interface PlanHistoryEntry {
  id: number;
  action: 'create' | 'update' | 'delete';
  at: string;
  actor: string;
  version: number | null;
  before: PlanFields | null;
  after: PlanFields | null;
}

export function planHistory(db: Db, planId: string): PlanHistoryEntry[] {
  const rows = db.prepare('SELECT * FROM plan_history WHERE plan_id = ? ORDER BY id').all(planId) as {
    id: number;
    action: PlanHistoryEntry['action'];
    at: string;
    actor: string;
    version: number | null;
    before: string | null;
    after: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    at: r.at,
    actor: r.actor,
    version: r.version,
    before: r.before ? (JSON.parse(r.before) as PlanFields) : null,
    after: r.after ? (JSON.parse(r.after) as PlanFields) : null,
  }));
}

interface ContactRow {
  id: number;
  plan_id: string;
  iso3: string;
  role: ContactFields['role'];
  organisation: string;
  phone: string | null;
  email: string | null;
  fax: string | null;
  languages: string;
  hours: string | null;
  source: string | null;
}

const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  planId: r.plan_id,
  iso3: r.iso3,
  role: r.role,
  organisation: r.organisation,
  phone: r.phone,
  email: r.email,
  fax: r.fax,
  languages: JSON.parse(r.languages) as string[],
  hours: r.hours,
  source: r.source,
});

export function listContacts(db: Db, planId: string): Contact[] {
  return (
    db
      .prepare('SELECT * FROM plan_contacts WHERE plan_id = ? ORDER BY iso3, role, id')
      .all(planId) as ContactRow[]
  ).map(toContact);
}

/** Adds contacts (one transaction); with `replace`, the plan's contacts are replaced by them. */
export function addContacts(
  db: Db,
  planId: string,
  contacts: readonly ContactFields[],
  options: { replace?: boolean } = {},
  now = new Date(),
): Contact[] {
  return db
    .transaction(() => {
      if (options.replace) db.prepare('DELETE FROM plan_contacts WHERE plan_id = ?').run(planId);
      const insert =
        db.prepare(`INSERT INTO plan_contacts (plan_id, iso3, role, organisation, phone, email, fax,
        languages, hours, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const ids = contacts.map(
        (c) =>
          insert.run(
            planId,
            c.iso3,
            c.role,
            c.organisation,
            c.phone,
            c.email,
            c.fax,
            JSON.stringify(c.languages),
            c.hours,
            c.source,
            now.toISOString(),
          ).lastInsertRowid as number,
      );
      const all = listContacts(db, planId);
      return all.filter((c) => ids.includes(c.id));
    })
    .immediate();
}

/** The plan's contacts grouped by country. */
export function contactsByCountry(db: Db, planId: string): Map<string, Contact[]> {
  const map = new Map<string, Contact[]>();
  for (const c of listContacts(db, planId)) map.set(c.iso3, [...(map.get(c.iso3) ?? []), c]);
  return map;
}
