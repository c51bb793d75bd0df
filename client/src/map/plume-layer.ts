// The animated plume on the map: a source and two layers (stretch and peak) added on first use,
// so the map's set-up need not know about releases.

import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';

export const PLUME_SOURCE = 'plume';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function setPlume(map: MlMap, data: FeatureCollection | null): void {
  if (!map.getSource(PLUME_SOURCE)) {
    if (!data) return;
    map.addSource(PLUME_SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: 'plume-line',
      type: 'line',
      source: PLUME_SOURCE,
      filter: ['==', ['get', 'role'], 'plume'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#d7263d', 'line-width': 9, 'line-opacity': 0.75 },
    });
    map.addLayer({
      id: 'plume-peak',
      type: 'circle',
      source: PLUME_SOURCE,
      filter: ['==', ['get', 'role'], 'peak'],
      paint: {
        'circle-radius': 7,
        'circle-color': '#ffffff',
        'circle-stroke-color': '#d7263d',
        'circle-stroke-width': 3,
      },
    });
  }
  (map.getSource(PLUME_SOURCE) as GeoJSONSource).setData(data ?? EMPTY);
}
