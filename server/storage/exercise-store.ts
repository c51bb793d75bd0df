// Table-top exercises: the stored scenario and the participants' action log (SQL only).
import { randomUUID } from 'node:crypto';
import { type Actor, actorLabel } from '../auth/roles.js';
import type { ActionBody, ExerciseAction } from '../core/plans/exercise.js';
import type { ExerciseBody, ExerciseRecord } from '../core/plans/exercise-schema.js';
import type { Db } from './db.js';

export function createExercise(db: Db, body: ExerciseBody, actor: Actor, now = new Date()): ExerciseRecord {
  const id = randomUUID();
  const { name, ...scenario } = body;
  db.prepare('INSERT INTO exercises (id, name, scenario, created_at, created_by) VALUES (?, ?, ?, ?, ?)').run(
    id,
    name,
    JSON.stringify(scenario),
    now.toISOString(),
    actorLabel(actor),
  );
  return getExercise(db, id) as ExerciseRecord;
}

export function getExercise(db: Db, id: string): ExerciseRecord | null {
  const r = db.prepare('SELECT * FROM exercises WHERE id = ?').get(id) as
    | { id: string; name: string; scenario: string; created_at: string; created_by: string }
    | undefined;
  if (!r) return null;
  return {
    id: r.id,
    name: r.name,
    scenario: JSON.parse(r.scenario) as ExerciseRecord['scenario'],
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export function listExercises(db: Db): { id: string; name: string; createdAt: string }[] {
  return db
    .prepare('SELECT id, name, created_at AS createdAt FROM exercises ORDER BY created_at DESC, id')
    .all() as { id: string; name: string; createdAt: string }[];
}

export function addAction(
  db: Db,
  exerciseId: string,
  a: ActionBody,
  actor: Actor,
  now = new Date(),
): ExerciseAction {
  const recordedAt = now.toISOString();
  const id = db
    .prepare(`INSERT INTO exercise_actions (exercise_id, kind, iso3, station_id, at, note, recorded_at, recorded_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      exerciseId,
      a.kind,
      a.iso3,
      a.stationId,
      new Date(a.at).toISOString(),
      a.note,
      recordedAt,
      actorLabel(actor),
    ).lastInsertRowid as number;
  return { ...a, at: new Date(a.at).toISOString(), id, recordedAt, recordedBy: actorLabel(actor) };
}

export function listActions(db: Db, exerciseId: string): ExerciseAction[] {
  const rows = db
    .prepare('SELECT * FROM exercise_actions WHERE exercise_id = ? ORDER BY at, id')
    .all(exerciseId) as {
    id: number;
    kind: ExerciseAction['kind'];
    iso3: string | null;
    station_id: string | null;
    at: string;
    note: string | null;
    recorded_at: string;
    recorded_by: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    iso3: r.iso3,
    stationId: r.station_id,
    at: r.at,
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }));
}
