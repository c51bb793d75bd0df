// Draws the consultation zones of every site a planning verdict cites (issue 13: only the selected
// site's zones were drawn, so a verdict could cite a site whose zones were not on the map).
import type { FeatureCollection } from 'geojson';
import type { Map as MlMap } from 'maplibre-gl';
import { useEffect } from 'react';
import { setZones } from '../map/planning-layers.js';
import { whenMap } from '../map/when-map.js';
import { fetchSiteZones } from './planning-api.js';

/** At most this many sites' zones are fetched for one verdict (the nearest ones come first). */
const MAX_SITES = 12;

export function useCitedZones(getMap: () => MlMap | null, siteIds: readonly string[]): void {
  const key = siteIds.slice(0, MAX_SITES).join(',');
  useEffect(() => {
    if (!key) return;
    const ctrl = new AbortController();
    let cancelDraw: (() => void) | undefined;
    void Promise.all(key.split(',').map((id) => fetchSiteZones(id, ctrl.signal).catch(() => null))).then(
      (all) => {
        if (ctrl.signal.aborted) return;
        const merged: FeatureCollection = {
          type: 'FeatureCollection',
          features: all.flatMap((z) =>
            z
              ? z.zones.features.map((f) => ({ ...f, properties: { ...f.properties, siteId: z.site.id } }))
              : [],
          ),
        };
        cancelDraw = whenMap(getMap, (map) => setZones(map, merged));
      },
    );
    return () => {
      ctrl.abort();
      cancelDraw?.();
      const map = getMap();
      if (map) setZones(map, null);
    };
  }, [getMap, key]);
}
