// Draws the consultation zones of every site a planning verdict cites (issue 13: only the selected
// site's zones were drawn, so a verdict could cite a site whose zones — or whose marker, hidden by the
// list filter — were not on the map). The zones come with the review's answer, so none is left out.
import type { Map as MlMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { ReviewResult } from '../lib/planning-api.js';
import { setCitedZones } from './planning-layers.js';
import { whenMap } from './when-map.js';

export function useCitedZones(getMap: () => MlMap | null, review: ReviewResult | null): void {
  useEffect(() => {
    if (!review) return;
    const cancelDraw = whenMap(getMap, (map) => setCitedZones(map, review.citedZones, review.citedSites));
    return () => {
      cancelDraw();
      const map = getMap();
      if (map) setCitedZones(map, null);
    };
  }, [getMap, review]);
}
