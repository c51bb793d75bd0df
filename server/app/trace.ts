// Use case: the downstream trace shared by GET /api/trace and `hazatlas trace`: a point trace with
// catchment-aware snapping, or a registered site's trace from its stored connection to the network.
// Locating the start and tracing from it are separate steps, so the route can cache the second.
import type { TraceWarning } from '../core/trace/connection.js';
import type { Located } from '../core/trace/locate.js';
import { locateSite, SITE_FALLBACK_SNAP_KM } from '../core/trace/site-start.js';
import type { Snap } from '../core/trace/snap.js';
import type { Release } from '../core/transport/release.js';
import {
  locateRequest,
  type TraceOutcome,
  type TraceRequest,
  traceLocated,
} from '../core/transport/trace-request.js';
import type { AppContext } from './context.js';

export type SiteTraceOutcome = TraceOutcome | { ok: false; code: 'UNKNOWN_SITE'; message: string };

/** Where a trace starts on the network, with the request it traces. */
export type TraceStart =
  | { ok: true; located: Located; request: TraceRequest }
  | Extract<SiteTraceOutcome, { ok: false }>;

export interface SiteTraceOptions {
  maxKm?: number;
  snapMaxKm?: number;
  river?: string;
  release: Release | null;
}

export function locatePoint(ctx: AppContext, req: TraceRequest): TraceStart {
  const found = locateRequest(ctx.network, ctx.land, ctx.drainage, req);
  return found.ok ? { ok: true, located: found.located, request: req } : found;
}

/**
 * A site starts at the connection the register stored for it; with an explicit river or snap cap the
 * caller asks for a fresh snap of the site's location instead.
 */
export async function locateSiteStart(
  ctx: AppContext,
  siteId: string,
  opts: SiteTraceOptions,
): Promise<TraceStart> {
  const site = await ctx.store.getSite(siteId);
  if (!site)
    return {
      ok: false,
      code: 'UNKNOWN_SITE',
      message: `No registered site has id "${siteId}". Check the id (GET /api/sites or \`hazatlas sites list\`).`,
    };
  const request = { ...site.location, maxKm: opts.maxKm, snapMaxKm: opts.snapMaxKm, release: opts.release };
  if (opts.river !== undefined || opts.snapMaxKm !== undefined)
    return locatePoint(ctx, { ...request, river: opts.river ?? null });
  const d = site.derived;
  const located = locateSite(ctx.network, ctx.drainage, {
    ...site.location,
    receivingRiver: site.receivingRiver,
    reachId: d?.position?.reachId ?? null,
    offsetKm: d?.position?.offsetKm ?? null,
    outletName: d?.outletName ?? null,
    outletKind: d?.outletKind ?? null,
    basinId: d?.basinId ?? null,
  });
  if (!located)
    return {
      ok: false,
      code: 'NO_RIVER_NEARBY',
      message: `The site "${site.name}" lies more than ${SITE_FALLBACK_SNAP_KM} km from any river in the network. Check its location in the register.`,
    };
  return { ok: true, located, request };
}

export function traceFrom(ctx: AppContext, start: Extract<TraceStart, { ok: true }>): TraceOutcome {
  return traceLocated(ctx.network, ctx.land, start.located, start.request, ctx.discharge);
}

export function tracePoint(ctx: AppContext, req: TraceRequest): TraceOutcome {
  const found = locateRequest(ctx.network, ctx.land, ctx.drainage, req);
  return found.ok ? traceFrom(ctx, { ok: true, located: found.located, request: req }) : found;
}

export async function traceSite(
  ctx: AppContext,
  siteId: string,
  opts: SiteTraceOptions,
): Promise<SiteTraceOutcome> {
  const start = await locateSiteStart(ctx, siteId, opts);
  return start.ok ? traceFrom(ctx, start) : start;
}

export type ReachStart =
  | { ok: true; snap: Snap; warnings: TraceWarning[] }
  | { ok: false; code: string; message: string };

/**
 * A point on a river reach, located catchment-aware like the trace (upstream threats and planning need
 * a reach: a point in a terminal lake is refused with a message naming the lake).
 */
export function locateReach(ctx: AppContext, req: TraceRequest): ReachStart {
  const start = locatePoint(ctx, req);
  if (!start.ok) return start;
  const located = start.located;
  if (located.kind === 'lake')
    return {
      ok: false,
      code: 'IN_TERMINAL_LAKE',
      message: `The point lies in or drains straight into ${located.lake.name}, a terminal lake: give a point on a river that flows into it.`,
    };
  return { ok: true, snap: located.snap, warnings: located.warnings };
}
