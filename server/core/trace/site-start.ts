// Where a registered site joins the network: the connection the register stored when it derived the
// site (reach + offset, or the terminal lake it drains into; re-derived whenever `build:db` rebuilds the
// network), not a fresh snap with the point-trace cap, so every site that has one traces.
import { haversineKm, pointAtKm } from '../geo/geodesy.js';
import { kmText, NORMAL_SNAP_KM, type TraceWarning } from './connection.js';
import type { DrainageAreas } from './drainage-areas.js';
import { areaName, type Located, locateOnNetwork, OWN_RIVER_MISSING_KM, ownReaches } from './locate.js';
import type { Reach, RiverNetwork } from './river-network.js';
import { hasRiverNamed } from './snap.js';

export interface SiteConnectionInput {
  lon: number;
  lat: number;
  receivingRiver: string | null;
  /** As stored in the register's derived fields. */
  reachId: number | null;
  offsetKm: number | null;
  outletName: string | null;
  outletKind: string | null;
  /** Null with a terminal-lake outlet: the site drains straight into the lake (no river of its own). */
  basinId: number | null;
}

/** The widest snap the register allows (its fallback when neither the named nor the nearest river is near). */
export const SITE_FALLBACK_SNAP_KM = 200;

export function locateSite(
  net: RiverNetwork,
  areas: DrainageAreas,
  site: SiteConnectionInput,
): Located | null {
  const reach = site.reachId === null ? undefined : net.reaches[site.reachId];
  if (reach && site.offsetKm !== null) {
    const offsetKm = Math.min(Math.max(site.offsetKm, 0), reach.lengthKm);
    const [lon, lat] = pointAtKm(reach.coords, reach.cumKm, offsetKm);
    const distanceKm = haversineKm(site.lon, site.lat, lon, lat);
    const snap = { reach, offsetKm, lon, lat, distanceKm };
    return { kind: 'reach', snap, warnings: siteWarnings(net, areas, site, snap) };
  }
  if (site.reachId === null && site.basinId === null && site.outletKind === 'terminal_lake') {
    const lake = areas.lakes.find((l) => l.name === site.outletName);
    const shore =
      lake &&
      (areas.lakeContaining(site.lon, site.lat) === lake
        ? { lon: site.lon, lat: site.lat, distanceKm: 0 }
        : areas.shore(lake, site.lon, site.lat, 1000));
    if (lake && shore) return { kind: 'lake', lake, ...shore, warnings: [] };
  }
  // Nothing stored (a register derived before connections, or on another network): join it now, the
  // way the register does at its widest.
  const hint = site.receivingRiver && hasRiverNamed(net, site.receivingRiver) ? site.receivingRiver : null;
  return (
    (hint ? locateOnNetwork(net, areas, site.lon, site.lat, SITE_FALLBACK_SNAP_KM, hint) : null) ??
    locateOnNetwork(net, areas, site.lon, site.lat, SITE_FALLBACK_SNAP_KM)
  );
}

function siteWarnings(
  net: RiverNetwork,
  areas: DrainageAreas,
  site: SiteConnectionInput,
  snap: { reach: Reach; distanceKm: number },
): TraceWarning[] {
  const warnings: TraceWarning[] = [];
  const river = snap.reach.name ?? 'an unnamed river';
  const around = areas.around(site.lon, site.lat);
  const area = around[0];
  if (area && !ownReaches(net, around)(snap.reach))
    warnings.push({
      code: 'CROSSED_DIVIDE',
      message: `The site lies in the drainage area of the ${areaName(net, area)}, but the register joins it to the ${river}${site.receivingRiver ? ` (its receiving river, ${site.receivingRiver})` : ''}, across the divide the network suggests.`,
    });
  if (snap.distanceKm > OWN_RIVER_MISSING_KM) {
    const own =
      site.receivingRiver && !hasRiverNamed(net, site.receivingRiver)
        ? `its receiving river, the ${site.receivingRiver}, is not in the network`
        : 'its own stream is not in the network';
    warnings.push({
      code: snap.distanceKm > NORMAL_SNAP_KM ? 'CONNECTION_ASSUMED' : 'OWN_RIVER_MISSING',
      message: `The site is ${kmText(snap.distanceKm)} from the ${river}, where the register joins it to the network (${own}): those first ${kmText(snap.distanceKm)} are not traced or timed.`,
    });
  }
  return warnings;
}
