// The use cases' store (server/app/ports.ts) on SQLite: better-sqlite3 is synchronous, so every method
// runs its statements at once and answers with a settled Promise; a write method is one transaction.

import { matrixSites, sitesInTreeRanges } from './analysis-read.js';
import type { Db } from './db.js';
import { allPlans, contactsByCountry, getPlan } from './plan-store.js';
import {
  allSiteShapes,
  type Box,
  borderCandidates,
  planningSite,
  receptorCandidates,
  siteCount,
  sitesInBox,
} from './planning-read.js';
import { listReceptors, type ReceptorQuery } from './receptor-store.js';
import { getSite } from './site-store.js';
import { stationsOnReaches } from './station-store.js';

/** Structurally the app's `Store`; the composition root (server/runtime/services.ts) checks the fit. */
export function sqliteStore(db: Db) {
  const run = async <T>(f: () => T): Promise<T> => f();
  return {
    getSite: (id: string) => run(() => getSite(db, id)),
    siteCount: () => run(() => siteCount(db)),
    planningSite: (id: string) => run(() => planningSite(db, id)),
    sitesInBox: (box: Box, options?: { footprintOnly?: boolean }) => run(() => sitesInBox(db, box, options)),
    receptorCandidates: (box: Box) => run(() => receptorCandidates(db, box)),
    borderCandidates: (borderKm: number, riverKm: number) =>
      run(() => borderCandidates(db, borderKm, riverKm)),
    allSiteShapes: () => run(() => allSiteShapes(db)),
    listReceptors: (query: ReceptorQuery) => run(() => listReceptors(db, query)),
    sitesInTreeRanges: (intervals: readonly (readonly [number, number])[]) =>
      run(() => sitesInTreeRanges(db, intervals)),
    matrixSites: (basinId: number | null) => run(() => matrixSites(db, basinId)),
    getPlan: (id: string) => run(() => getPlan(db, id)),
    allPlans: () => run(() => allPlans(db)),
    contactsByCountry: (planId: string) => run(() => contactsByCountry(db, planId)),
    stationsOnReaches: (reachIds: readonly number[]) => run(() => stationsOnReaches(db, reachIds)),
  };
}
