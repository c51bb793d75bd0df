// The register's change counter and per-site change log (migration 015, kept by triggers): a cheap
// "has anything in sites or site_derived changed, and which sites" for caches of register reads.
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './db.js';

interface Statements {
  generation: BetterSqlite3.Statement<[], number>;
  changedSince: BetterSqlite3.Statement<[number], string>;
}
const statements = new WeakMap<Db, Statements>();

function statementsOf(db: Db): Statements {
  let st = statements.get(db);
  if (!st) {
    st = {
      generation: db
        .prepare<[], number>('SELECT n FROM register_generation WHERE id = 1')
        .pluck() as BetterSqlite3.Statement<[], number>,
      changedSince: db
        .prepare<[number], string>('SELECT site_id FROM site_changes WHERE seq > ?')
        .pluck() as BetterSqlite3.Statement<[number], string>,
    };
    statements.set(db, st);
  }
  return st;
}

/**
 * The register's generation: it grows with every row written to sites or site_derived, through any
 * connection (a write by the jobs worker or the CLI counts as soon as it commits). ~1 µs.
 */
export function registerGeneration(db: Db): number {
  return statementsOf(db).generation.get() ?? 0;
}

/** Ids of the sites written after `generation` (created, edited, re-derived, deleted or restored). */
export function sitesChangedSince(db: Db, generation: number): string[] {
  return statementsOf(db).changedSince.all(generation);
}
