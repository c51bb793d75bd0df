// Runs the downstream trace (with an optional release) from a registered site: from the connection the
// register stored for it (with the drainage areas given), else snapping it the way the register used to,
// so the report's countries match the site's downstream countries.
import type { SiteRecord } from '../register/site-record.js';
import type { DrainageAreas } from '../trace/drainage-areas.js';
import { lakeTrace } from '../trace/lake-trace.js';
import type { RiverNetwork } from '../trace/river-network.js';
import { locateSite } from '../trace/site-start.js';
import { snapToNetwork } from '../trace/snap.js';
import { type TraceResult, traceDownstream } from '../trace/trace.js';
import { addArrival, type TraceWithRelease } from '../transport/arrival.js';
import type { AnchoredDischarge } from '../transport/discharge-table.js';
import type { Release } from '../transport/release.js';
import { traceFromSnap } from '../transport/trace-request.js';

/** The register's snapping rule (server/core/register/location-hydrology.ts): a named receiving river
 * within 150 km wins unless it lies more than 25 km beyond the nearest river (within 50 km). */
const HINTED_SNAP_MAX_KM = 150;
const NEAREST_SNAP_MAX_KM = 50;
const HINT_DETOUR_KM = 25;

export type SiteTrace =
  | { ok: true; trace: TraceResult | TraceWithRelease }
  | { ok: false; code: 'NO_RIVER_NEARBY'; message: string };

export function traceFromSite(
  net: RiverNetwork,
  discharge: AnchoredDischarge,
  site: Pick<SiteRecord, 'location' | 'receivingRiver'> & { derived?: SiteRecord['derived'] },
  release: Release | null,
  areas?: DrainageAreas,
): SiteTrace {
  const { lon, lat } = site.location;
  if (areas) {
    const d = site.derived;
    const located = locateSite(net, areas, {
      lon,
      lat,
      receivingRiver: site.receivingRiver,
      reachId: d?.position?.reachId ?? null,
      offsetKm: d?.position?.offsetKm ?? null,
      outletName: d?.outletName ?? null,
      outletKind: d?.outletKind ?? null,
      basinId: d?.basinId ?? null,
    });
    if (located?.kind === 'lake')
      return {
        ok: true,
        trace: lakeTrace(net, located.lake, located, d?.countryIso3 ?? null, located.warnings),
      };
    // The same trace as GET /api/trace?siteId= (calibrated river km, the same discharge).
    if (located)
      return { ok: true, trace: traceFromSnap(net, located.snap, { release }, discharge, located.warnings) };
  }
  const nearest = snapToNetwork(net, lon, lat, NEAREST_SNAP_MAX_KM);
  const hinted = site.receivingRiver
    ? snapToNetwork(net, lon, lat, HINTED_SNAP_MAX_KM, site.receivingRiver)
    : null;
  const snap =
    hinted && (!nearest || hinted.distanceKm <= nearest.distanceKm + HINT_DETOUR_KM) ? hinted : nearest;
  if (!snap)
    return {
      ok: false,
      code: 'NO_RIVER_NEARBY',
      message: `No river within ${NEAREST_SNAP_MAX_KM} km of the site: the report has no downstream trace.`,
    };
  const chainage = discharge.chainage ?? null;
  const trace = traceDownstream(net, snap, Number.POSITIVE_INFINITY, chainage);
  if (!release) return { ok: true, trace };
  return { ok: true, trace: addArrival(net, discharge, snap, trace, release, undefined, chainage) };
}

export const hasArrival = (t: TraceResult | TraceWithRelease): t is TraceWithRelease => 'release' in t;
