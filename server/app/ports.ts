// What the use cases need from the database, as one asynchronous interface they own: SQLite implements
// it today (server/storage/sqlite-store.ts, synchronous inside); a database reached over the network
// can take its place without touching the routes, the CLI or the core. Writes are coarse-grained (one
// call is one transaction), so no caller holds a transaction open across awaits.
import type { ReviewSite } from '../core/planning/review.js';
import type { ReceptorCandidate } from '../core/planning/site-zones.js';
import type { PlacedStation } from '../core/plans/notifications.js';
import type { Contact, PlanRecord } from '../core/plans/plan-schema.js';
import type { SiteRecord } from '../core/register/site-record.js';
import type { MatrixSite } from '../core/upstream/basin-matrix.js';
import type { UpstreamCandidate } from '../core/upstream/upstream-report.js';
import type { BorderRow } from '../storage/planning-read.js';
import type { ReceptorQuery, StoredReceptor } from '../storage/receptor-store.js';

/** `[west, south, east, north]` in degrees. */
export type Box = [number, number, number, number];

export interface SiteReads {
  getSite(id: string): Promise<SiteRecord | null>;
  siteCount(): Promise<number>;
}

export interface PlanningReads {
  /** A site as the planning checks see it (location, footprint, kind, derived flags). */
  planningSite(id: string): Promise<ReviewSite | null>;
  /** Sites whose location lies in the box, optionally only those with a footprint. */
  sitesInBox(box: Box, options?: { footprintOnly?: boolean }): Promise<ReviewSite[]>;
  /** Populated places and imported receptors whose box meets `box`. */
  receptorCandidates(box: Box): Promise<ReceptorCandidate[]>;
  /** Sites near a border (`borderKm`) with the rivers near them (`riverKm`). */
  borderCandidates(borderKm: number, riverKm: number): Promise<BorderRow[]>;
  /** Every site's shape, for the natech screening. */
  allSiteShapes(): Promise<ReviewSite[]>;
  listReceptors(query: ReceptorQuery): Promise<{ total: number; items: StoredReceptor[] }>;
}

export interface UpstreamReads {
  /** Sites whose reach is numbered in one of the pre-order intervals (the upstream query's index scan). */
  sitesInTreeRanges(intervals: readonly (readonly [number, number])[]): Promise<UpstreamCandidate[]>;
  /** Sites of one basin (network basin id) with their stored positions, or all when null. */
  matrixSites(basinId: number | null): Promise<MatrixSite[]>;
}

export interface PlanReads {
  getPlan(id: string): Promise<PlanRecord | null>;
  allPlans(): Promise<PlanRecord[]>;
  contactsByCountry(planId: string): Promise<Map<string, Contact[]>>;
  stationsOnReaches(reachIds: readonly number[]): Promise<PlacedStation[]>;
}

export interface Store extends SiteReads, PlanningReads, UpstreamReads, PlanReads {}
