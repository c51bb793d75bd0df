// A site's place on the network as the register stores it: snapped reach, offset, pre-order number,
// and where its main downstream path enters each country (for arrival times at borders).
import type { RiverNetwork } from '../trace/river-network.js';
import type { Snap } from '../trace/snap.js';
import type { TraceCountry } from '../trace/trace.js';
import { alongMainPath, upstreamIndexOf } from './upstream-index.js';

export interface CountryEntry {
  iso3: string;
  /** River km from the site to the first contact with the country along the main path. */
  km: number;
  reachId: number;
  offsetKm: number;
}

export interface SitePosition {
  reachId: number;
  offsetKm: number;
  treePre: number;
  /** In downstream order, starting with the country of the site's own river (km 0). */
  countryEntries: CountryEntry[];
}

export function sitePosition(
  net: RiverNetwork,
  snap: Snap,
  countries: readonly TraceCountry[],
): SitePosition {
  const ix = upstreamIndexOf(net);
  const start = { reachId: snap.reach.id, offsetKm: snap.offsetKm };
  const countryEntries: CountryEntry[] = [];
  for (const c of countries) {
    for (const iso3 of [c.iso3, ...c.sharedWith]) {
      if (countryEntries.some((e) => e.iso3 === iso3)) continue;
      const at = alongMainPath(ix, start, c.entryKm);
      countryEntries.push({
        iso3,
        km: c.entryKm,
        reachId: at.reachId,
        offsetKm: Math.round(at.offsetKm * 1e6) / 1e6,
      });
    }
  }
  return { reachId: start.reachId, offsetKm: snap.offsetKm, treePre: ix.pre[start.reachId]!, countryEntries };
}
