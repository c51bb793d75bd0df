// Map layer of monitoring and warning stations: squares coloured by kind, names from zoom 6; a
// click names the station, its river and river km in a popup (built from text nodes).
import type { FeatureCollection } from 'geojson';
import {
  type ExpressionSpecification,
  type GeoJSONSource,
  type LayerSpecification,
  type MapMouseEvent,
  type Map as MlMap,
  Popup,
} from 'maplibre-gl';
import { FONTS } from '../../../shared/map.js';
import type { Station, StationKind } from '../lib/plans-api.js';

export const STATION_SOURCE = 'stations';
export const STATION_LAYER_IDS = ['station-points', 'station-labels'] as const;

export const STATION_COLORS: Record<StationKind, string> = {
  water_quality: '#0b7a75',
  gauge: '#3b5bdb',
  intake: '#c2255c',
  alarm_post: '#e8590c',
};

const kindColor = (): ExpressionSpecification =>
  [
    'match',
    ['get', 'kind'],
    ...Object.entries(STATION_COLORS).flat(),
    '#555',
  ] as unknown as ExpressionSpecification;

export function stationsGeoJson(items: readonly Station[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: items.map((s) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: { id: s.id, name: s.name, kind: s.kind, river: s.river ?? '', riverKm: s.riverKm ?? -1 },
    })),
  };
}

export function stationLayers(): LayerSpecification[] {
  return [
    {
      id: 'station-points',
      type: 'circle',
      source: STATION_SOURCE,
      paint: {
        'circle-color': kindColor(),
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 4, 10, 7],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'station-labels',
      type: 'symbol',
      source: STATION_SOURCE,
      minzoom: 6,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...FONTS.regular],
        'text-size': 11,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': kindColor(), 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

export function setStationData(map: MlMap, data: FeatureCollection, visible: boolean): void {
  if (!map.getSource(STATION_SOURCE)) {
    map.addSource(STATION_SOURCE, { type: 'geojson', data });
    const before = ['trace-casing', 'site-clusters'].find((id) => map.getLayer(id));
    for (const l of stationLayers()) map.addLayer(l, before);
  } else (map.getSource(STATION_SOURCE) as GeoJSONSource).setData(data);
  for (const id of STATION_LAYER_IDS) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

/** A click on a station (and no site) names it; returns the detach function. */
export function attachStationPopup(
  map: MlMap,
  label: (kind: string) => string,
  active: () => boolean,
): () => void {
  const popup = new Popup({ closeButton: true, maxWidth: '260px' });
  const onClick = (e: MapMouseEvent) => {
    if (!active() || !map.getLayer('station-points')) return;
    const hit = map.queryRenderedFeatures(e.point, { layers: ['station-points'] })[0];
    if (!hit) return;
    const p = hit.properties ?? {};
    const box = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = String(p.name ?? '');
    const detail = document.createElement('div');
    detail.className = 'muted small';
    const km = Number(p.riverKm);
    detail.textContent = `${label(String(p.kind))} · ${String(p.river ?? '')}${km >= 0 ? ` km ${km}` : ''}`;
    box.append(title, detail);
    popup.setLngLat(e.lngLat).setDOMContent(box).addTo(map);
  };
  map.on('click', onClick);
  return () => {
    map.off('click', onClick);
    popup.remove();
  };
}
