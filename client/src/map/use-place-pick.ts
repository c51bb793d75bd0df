// What choosing a search result does: a country filters the site list to it (its registered sites)
// and fits the map to it; a site opens and is flown to; a place is flown to; a river is fitted.
import { type Dispatch, type RefObject, type SetStateAction, useCallback } from 'react';
import type { SearchHit } from '../lib/search.js';
import type { AppState } from '../lib/url-state.js';
import type { MapHandle } from './MapView.js';

export function usePlacePick(
  setS: Dispatch<SetStateAction<AppState>>,
  mapRef: RefObject<MapHandle | null>,
): (hit: SearchHit) => void {
  return useCallback(
    (hit: SearchHit) => {
      const map = mapRef.current;
      switch (hit.kind) {
        case 'country':
          // The typed name is no site name: the list shows the country's sites instead.
          setS((p) => ({ ...p, filters: { ...p.filters, q: undefined, country: hit.iso3 } }));
          if (hit.bbox) map?.fitBounds(hit.bbox, 7);
          break;
        case 'site':
          setS((p) => ({ ...p, site: hit.id }));
          map?.flyTo(hit.lon, hit.lat, 9);
          break;
        case 'place':
          map?.flyTo(hit.lon, hit.lat, 10);
          break;
        case 'river':
          map?.fitBounds(hit.bbox, 9);
          break;
      }
    },
    [setS, mapRef],
  );
}
