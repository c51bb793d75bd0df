// Map layers of the exercise facilitator view: the main path (grey), the stretch the leading edge has
// covered by the clock (red), and the stations on the path, red once the plume has reached them.
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';

const PATH = 'exercise-path';
const FRONT = 'exercise-front';
const STATIONS = 'exercise-stations';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function ensure(map: MlMap): void {
  if (map.getSource(PATH)) return;
  for (const id of [PATH, FRONT, STATIONS]) map.addSource(id, { type: 'geojson', data: EMPTY });
  map.addLayer({ id: PATH, type: 'line', source: PATH, paint: { 'line-color': '#868e96', 'line-width': 3 } });
  map.addLayer({
    id: FRONT,
    type: 'line',
    source: FRONT,
    paint: { 'line-color': '#e03131', 'line-width': 5 },
  });
  map.addLayer({
    id: STATIONS,
    type: 'circle',
    source: STATIONS,
    paint: {
      'circle-color': ['case', ['get', 'reached'], '#e03131', '#ffffff'],
      'circle-stroke-color': '#0b7a75',
      'circle-stroke-width': 2,
      'circle-radius': 6,
    },
  });
}

export function drawExercise(
  map: MlMap,
  data: { path: FeatureCollection; front: FeatureCollection; stations: FeatureCollection },
): void {
  ensure(map);
  (map.getSource(PATH) as GeoJSONSource).setData(data.path);
  (map.getSource(FRONT) as GeoJSONSource).setData(data.front);
  (map.getSource(STATIONS) as GeoJSONSource).setData(data.stations);
}

export function clearExercise(map: MlMap): void {
  for (const id of [STATIONS, FRONT, PATH]) {
    if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(id)) map.removeSource(id);
  }
}
