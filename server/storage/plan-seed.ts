// Loads the seed plans (with their contact points) and stations once per database: a seed set is
// recorded in seed_loads, so plans or stations an editor deletes are not brought back.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ContactFields, PlanCreate } from '../core/plans/plan-schema.js';
import { StationCreate } from '../core/plans/station-schema.js';
import type { AnchoredChainage } from '../core/trace/river-km.js';
import type { RiverNetwork } from '../core/trace/river-network.js';
import type { Db } from './db.js';
import { addContacts, createPlan } from './plan-store.js';
import { insertStations } from './station-store.js';

const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/seed');

const PlansFile = z.object({
  plans: z.array(PlanCreate.extend({ contacts: z.array(ContactFields) })),
});
const StationsFile = z.object({
  sources: z.record(z.string(), z.object({ title: z.string(), url: z.string() })),
  stations: z.array(StationCreate.extend({ sources: z.array(z.string()).min(1) })),
});

const loaded = (db: Db, name: string) =>
  db.prepare('SELECT 1 FROM seed_loads WHERE name = ?').get(name) !== undefined;
const mark = (db: Db, name: string) =>
  db.prepare('INSERT INTO seed_loads (name, at) VALUES (?, ?)').run(name, new Date().toISOString());

export function readStationSeed(dir = SEED_DIR) {
  const doc = StationsFile.parse(JSON.parse(fs.readFileSync(path.join(dir, 'stations.json'), 'utf8')));
  return doc.stations.map((s) => ({
    ...s,
    sources: s.sources.map((key) => {
      const src = doc.sources[key];
      if (!src) throw new Error(`stations.json: station ${s.id} cites unknown source "${key}"`);
      return src;
    }),
  }));
}

/** Loads the seed plans and stations the first time; returns how many of each were loaded. */
export function loadPlanningSeed(
  db: Db,
  net: RiverNetwork,
  builtAt: string | null,
  chainage: AnchoredChainage | null,
  dir = SEED_DIR,
): { plans: number; stations: number } {
  const plansFile = path.join(dir, 'plans.json');
  const stationsFile = path.join(dir, 'stations.json');
  let plans = 0;
  let stations = 0;
  const system = { kind: 'system', label: 'seed' } as const;
  db.transaction(() => {
    if (!loaded(db, 'plans') && fs.existsSync(plansFile)) {
      const doc = PlansFile.parse(JSON.parse(fs.readFileSync(plansFile, 'utf8')));
      for (const { contacts, id, ...fields } of doc.plans) {
        if (!id) throw new Error('plans.json: every seed plan needs an id');
        createPlan(db, id, fields, system);
        addContacts(db, id, contacts);
        plans += 1;
      }
      mark(db, 'plans');
    }
    if (!loaded(db, 'stations') && fs.existsSync(stationsFile)) {
      stations = insertStations(db, net, builtAt, readStationSeed(dir), chainage).length;
      mark(db, 'stations');
    }
  }).immediate();
  return { plans, stations };
}
