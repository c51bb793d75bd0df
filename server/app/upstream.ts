// Use cases: the registered sites draining to a point (GET /api/upstream, `hazatlas upstream`) and the
// basin transboundary matrix (GET /api/matrix[.csv], `hazatlas matrix`), each with its one request schema.
import { z } from 'zod';
import type { TraceWarning } from '../core/trace/connection.js';
import type { Snap } from '../core/trace/snap.js';
import { findBasin, largestBasinNames } from '../core/upstream/basin-lookup.js';
import { type BasinMatrix, basinMatrix } from '../core/upstream/basin-matrix.js';
import { type UpstreamLimits, upstreamIntervals } from '../core/upstream/upstream-query.js';
import {
  type UpstreamCandidate,
  type UpstreamResult,
  upstreamReport,
} from '../core/upstream/upstream-report.js';
import type { AppContext } from './context.js';
import { type Dialect, decimal, label, pointShape, type Refusal, startPoint } from './request.js';
import { locateReach } from './trace.js';

export const MAX_UPSTREAM_LIMIT = 5000;
export const DEFAULT_UPSTREAM_LIMIT = 200;

/** GET /api/upstream's query and `hazatlas upstream`'s arguments (positionals as lon, lat). */
export const upstreamRequest = (d: Dialect) =>
  z
    .object({
      ...pointShape(d),
      maxKm: decimal(d, label(d, 'maxKm'), 0, 20000).optional(),
      maxHours: decimal(d, label(d, 'maxHours'), 0, 100000).optional(),
      snapMaxKm: decimal(d, label(d, 'snapMaxKm'), 0.001, 200).optional(),
      river: z.string().trim().min(1).max(120).optional(),
      limit: decimal(d, label(d, 'limit'), 1, MAX_UPSTREAM_LIMIT)
        .pipe(z.number().int({ error: `${label(d, 'limit')} must be a whole number` }))
        .optional(),
    })
    .strict();

export type UpstreamRequest = z.output<ReturnType<typeof upstreamRequest>>;

/** The lookup `upstreamReport` scans, with every site of the query's pre-order intervals read up front. */
export async function upstreamCandidates(
  ctx: AppContext,
  snap: Snap,
  limits: UpstreamLimits,
): Promise<(preFrom: number, preTo: number) => UpstreamCandidate[]> {
  const intervals = upstreamIntervals(
    ctx.upstream,
    { reachId: snap.reach.id, offsetKm: snap.offsetKm },
    limits,
  );
  const sites = await ctx.store.sitesInTreeRanges(intervals);
  return (preFrom, preTo) => sites.filter((s) => s.treePre >= preFrom && s.treePre <= preTo);
}

/** Sites upstream of the point, located like the trace (own drainage area first; warnings say otherwise). */
export async function upstreamSites(
  ctx: AppContext,
  q: UpstreamRequest,
): Promise<({ ok: true } & UpstreamResult & { warnings: TraceWarning[] }) | Refusal> {
  const start = startPoint(q);
  if (!start.ok) return start;
  const located = locateReach(ctx, {
    lon: start.lon,
    lat: start.lat,
    snapMaxKm: q.snapMaxKm,
    river: q.river ?? null,
  });
  if (!located.ok) return located;
  const limits = { maxKm: q.maxKm, maxHours: q.maxHours, limit: q.limit ?? DEFAULT_UPSTREAM_LIMIT };
  const inRange = await upstreamCandidates(ctx, located.snap, limits);
  return {
    ok: true,
    ...upstreamReport(ctx.upstream, located.snap, limits, inRange),
    warnings: located.warnings,
  };
}

/** GET /api/matrix's query and `hazatlas matrix --basin`. */
export const matrixRequest = z.object({ basin: z.string().trim().min(1).max(120).optional() }).strict();

export type MatrixAnswer = { basin: { id: number; name: string } | null } & BasinMatrix;

/** The matrix of one basin (by id or name) or of all data; UNKNOWN_BASIN names a few basins to try. */
export async function transboundaryMatrix(
  ctx: AppContext,
  basin: string | undefined,
): Promise<({ ok: true } & MatrixAnswer) | (Refusal & { tryBasins: string[] })> {
  if (basin === undefined)
    return { ok: true, basin: null, ...basinMatrix(ctx.upstream, await ctx.store.matrixSites(null)) };
  const found = findBasin(ctx.network, basin);
  if (!found)
    return {
      ok: false,
      code: 'UNKNOWN_BASIN',
      message: `No basin or outlet named "${basin}".`,
      tryBasins: largestBasinNames(ctx.network),
    };
  return {
    ok: true,
    basin: { id: found.id, name: found.name },
    ...basinMatrix(ctx.upstream, await ctx.store.matrixSites(found.id)),
  };
}

/** Country names are keyed by ADM0_A3 in the network; the matrix speaks ISO3 (equal for all but a few). */
export function countryName(ctx: AppContext, iso3: string): string {
  for (const c of ctx.network.countries.values()) if (c.iso3 === iso3) return c.name;
  return iso3;
}
