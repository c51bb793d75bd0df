// What the river network tells about a location; the register stores it as derived fields of a site.
import type { SitePosition } from '../upstream/site-position.js';

export interface SiteHydrology {
  country: { iso3: string; name: string } | null;
  /** Nearest river reach within the snap cap, or null when none. */
  snap: { lon: number; lat: number; distanceKm: number; river: string | null } | null;
  /** A river system of the network, or (id null) the terminal lake a site drains straight into. */
  basin: { id: number | null; name: string } | null;
  /** Outlet of the main downstream path (sea, terminal lake or inland sink). */
  outlet: { name: string; kind: 'sea' | 'terminal_lake' | 'inland_sink' } | null;
  /** ISO3 codes in downstream order, starting with the site's own river country. */
  downstreamCountries: string[];
  /** River km from the snapped point to the first change of country (null when none). */
  kmToFirstBorder: number | null;
  /** Straight-line distance to the nearest land boundary (km). */
  distanceToBorderKm: number | null;
  /** Snapped reach, pre-order number and country entries, for upstream queries and the basin matrix. */
  position?: SitePosition | null;
}

export interface HydrologyProvider {
  describe(lon: number, lat: number, riverHint?: string | null): SiteHydrology;
}
