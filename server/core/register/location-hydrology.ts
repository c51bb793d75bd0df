// Derives a location's hydrology (country, river, basin, outlet, downstream countries) from the network.
import { haversineKm } from '../geo/geodesy.js';
import type { PolygonLocator } from '../geo/polygon-locator.js';
import type { SegmentIndex } from '../geo/segment-index.js';
import type { DrainageAreas } from '../trace/drainage-areas.js';
import { type Located, locateOnNetwork } from '../trace/locate.js';
import type { RiverNetwork } from '../trace/river-network.js';
import { hasRiverNamed } from '../trace/snap.js';
import { traceDownstream } from '../trace/trace.js';
import { mouthSnap, type TributaryMouths } from '../trace/tributary-mouths.js';
import { MAX_SNAP_MAX_KM } from '../transport/trace-request.js';
import { sitePosition } from '../upstream/site-position.js';
import type { HydrologyProvider, SiteHydrology } from './hydrology.js';

const BORDER_SEARCH_KM = 2000;
/** A site drains to its named receiving river even when Natural Earth draws only the main stem far away
 * (e.g. Chirchiq, ~90 km from the Syr Darya line: the Chirchik is not in the data); the snap distance is kept and shown. */
const HINTED_SNAP_MAX_KM = 150;
/** A hinted river farther than the nearest one by more than this is taken to be a wrong hint. */
const HINT_DETOUR_KM = 25;

const distanceOf = (l: Located) => (l.kind === 'reach' ? l.snap.distanceKm : l.distanceKm);

export function networkHydrology(
  net: RiverNetwork,
  land: PolygonLocator<string>,
  boundaries: SegmentIndex,
  /** Drainage areas, for catchment-aware snapping (loaded on first use). */
  drainage: () => DrainageAreas,
  /** Where receiving rivers missing from the network enter it. */
  mouths: TributaryMouths = { about: '', rivers: [] },
): HydrologyProvider {
  return {
    describe(lon: number, lat: number, riverHint?: string | null): SiteHydrology {
      const adm0 = land.locate(lon, lat);
      const border = boundaries.nearest(lon, lat, BORDER_SEARCH_KM);
      const base: SiteHydrology = {
        country: adm0 ? net.country(adm0) : null,
        snap: null,
        basin: null,
        outlet: null,
        downstreamCountries: [],
        kmToFirstBorder: null,
        distanceToBorderKm: border ? Math.round(border.distanceKm * 1000) / 1000 : null,
      };
      // A hint names the river the operator knows; it wins unless it lies far beyond the nearest river.
      // Both snap within the site's own drainage area first (locate.ts). Every site is joined to the
      // network: when no river is near, to the nearest one of its area (an assumed connection, which the
      // trace reports as such), so every registered site traces.
      const areas = drainage();
      const nearest = locateOnNetwork(net, areas, lon, lat, MAX_SNAP_MAX_KM);
      // A named river that the network lacks but whose mouth is known joins the network there.
      const mouth = riverHint && !hasRiverNamed(net, riverHint) ? mouthSnap(net, mouths, riverHint) : null;
      const hinted: Located | null = mouth
        ? {
            kind: 'reach',
            warnings: [],
            snap: { ...mouth, distanceKm: haversineKm(lon, lat, mouth.lon, mouth.lat) },
          }
        : riverHint
          ? locateOnNetwork(net, areas, lon, lat, HINTED_SNAP_MAX_KM, riverHint)
          : null;
      const located =
        mouth || (hinted && (!nearest || distanceOf(hinted) <= distanceOf(nearest) + HINT_DETOUR_KM))
          ? hinted
          : nearest;
      if (!located) return base;
      if (located.kind === 'lake') {
        const iso3 = base.country?.iso3;
        return {
          ...base,
          snap: {
            lon: located.lon,
            lat: located.lat,
            distanceKm: Math.round(located.distanceKm * 1000) / 1000,
            river: null,
          },
          basin: { id: null, name: located.lake.name },
          outlet: { name: located.lake.name, kind: 'terminal_lake' },
          downstreamCountries: iso3 ? [iso3] : [],
          position: null,
        };
      }
      const snap = located.snap;
      const trace = traceDownstream(net, snap);
      const basin = net.basins.get(snap.reach.basinId);
      const mainOutlet = trace.outlets.find((o) => o.main) ?? trace.outlets[0];
      const iso3: string[] = [];
      for (const c of trace.countries)
        for (const code of [c.iso3, ...c.sharedWith]) if (!iso3.includes(code)) iso3.push(code);
      return {
        ...base,
        snap: trace.snap,
        basin: basin ? { id: basin.id, name: basin.name } : null,
        outlet: mainOutlet
          ? { name: mainOutlet.name, kind: mainOutlet.kind as 'sea' | 'terminal_lake' | 'inland_sink' }
          : null,
        downstreamCountries: iso3,
        kmToFirstBorder: trace.crossings[0]?.km ?? null,
        position: sitePosition(net, snap, trace.countries),
      };
    },
  };
}
