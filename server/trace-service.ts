// Glue for the downstream trace shared by GET /api/trace and `hazatlas trace`: a point trace with
// catchment-aware snapping, or a registered site's trace from its stored connection to the network.
import { locateSite, SITE_FALLBACK_SNAP_KM } from './core/trace/site-start.js';
import { runTrace, type TraceOutcome, type TraceRequest, traceLocated } from './core/trace/trace-request.js';
import type { Release } from './core/transport/release.js';
import type { Services } from './services.js';
import { getSite } from './storage/site-store.js';

export function tracePoint(services: Services, req: TraceRequest): TraceOutcome {
  return runTrace(services.network, services.land, req, services.discharge, services.drainage);
}

export type SiteTraceOutcome = TraceOutcome | { ok: false; code: 'UNKNOWN_SITE'; message: string };

/**
 * A site traces from the connection the register stored for it; with an explicit river or snap cap the
 * caller asks for a fresh snap of the site's location instead.
 */
export function traceSite(
  services: Services,
  siteId: string,
  opts: { maxKm?: number; snapMaxKm?: number; river?: string; release: Release | null },
): SiteTraceOutcome {
  const site = getSite(services.db, siteId);
  if (!site)
    return {
      ok: false,
      code: 'UNKNOWN_SITE',
      message: `No registered site has id "${siteId}". Check the id (GET /api/sites or \`hazatlas sites list\`).`,
    };
  const request = { ...site.location, maxKm: opts.maxKm, snapMaxKm: opts.snapMaxKm, release: opts.release };
  if (opts.river !== undefined || opts.snapMaxKm !== undefined)
    return tracePoint(services, { ...request, river: opts.river ?? null });
  const d = site.derived;
  const located = locateSite(services.network, services.drainage, {
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
  return traceLocated(services.network, services.land, located, request, services.discharge);
}
