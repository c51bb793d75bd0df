// The answer for a start on or draining straight into a terminal lake (Issyk-Kul, Balkhash, Aral…):
// no river path, the outlet is the lake itself, and the water stays in the lake's country.
import { connectionOf, type TraceWarning } from './connection.js';
import type { DrainageLake } from './drainage-areas.js';
import type { RiverNetwork } from './river-network.js';
import type { TraceResult } from './trace.js';

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export function lakeTrace(
  net: RiverNetwork,
  lake: DrainageLake,
  at: { lon: number; lat: number; distanceKm: number },
  /** ADM0 code of the country holding the start (the point or its shore point). */
  adm0: string | null,
  warnings: TraceWarning[] = [],
): TraceResult {
  const country = adm0 ? net.country(adm0) : null;
  const lon = round(at.lon, 6);
  const lat = round(at.lat, 6);
  const distanceKm = round(at.distanceKm);
  return {
    snap: { lon, lat, distanceKm, river: null, connection: connectionOf(distanceKm, lake.name) },
    lengthKm: 0,
    truncated: false,
    outlets: [
      {
        name: lake.name,
        kind: 'terminal_lake',
        river: null,
        arm: null,
        km: 0,
        lon,
        lat,
        main: true,
        riverKm: null,
      },
    ],
    countries: country
      ? [{ iso3: country.iso3, name: country.name, entryKm: 0, exitKm: 0, sharedWith: [], riverKm: null }]
      : [],
    crossings: [],
    rivers: [],
    path: { type: 'FeatureCollection', features: [] },
    warnings,
  };
}
