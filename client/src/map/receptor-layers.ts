// Map layers for imported receptors: areas (protected areas, flood zones …) as tinted fills with an
// outline (flood zones dashed), points as kind-coloured circles, names from zoom 8. Added on first use.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import { FONTS } from '../../../shared/map.js';
import { RECEPTOR_COLORS } from '../lib/receptors.js';

export const RECEPTOR_SOURCE = 'receptors';
const isArea: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];
const isFlood: ExpressionSpecification = ['==', ['get', 'kind'], 'flood_zone'];

/** The layer ids in drawing order; the legend toggle shows or hides all of them. */
export const RECEPTOR_LAYER_IDS = [
  'receptor-fill',
  'receptor-outline',
  'receptor-flood-outline',
  'receptor-points',
  'receptor-labels',
] as const;

export const receptorKindColor = (): ExpressionSpecification =>
  [
    'match',
    ['get', 'kind'],
    ...Object.entries(RECEPTOR_COLORS).flat(),
    RECEPTOR_COLORS.other,
  ] as unknown as ExpressionSpecification;

export function receptorLayers(): LayerSpecification[] {
  const color = receptorKindColor();
  return [
    {
      id: 'receptor-fill',
      type: 'fill',
      source: RECEPTOR_SOURCE,
      filter: isArea,
      paint: { 'fill-color': color, 'fill-opacity': ['case', isFlood, 0.28, 0.18] },
    },
    {
      id: 'receptor-outline',
      type: 'line',
      source: RECEPTOR_SOURCE,
      filter: ['all', isArea, ['!', isFlood]],
      paint: { 'line-color': color, 'line-width': 1.6 },
    },
    {
      // Flood-hazard areas dashed: a modelled extent, not a boundary on the ground.
      id: 'receptor-flood-outline',
      type: 'line',
      source: RECEPTOR_SOURCE,
      filter: ['all', isArea, isFlood],
      paint: { 'line-color': color, 'line-width': 1.8, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'receptor-points',
      type: 'circle',
      source: RECEPTOR_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': color,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 3.5, 10, 6],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'receptor-labels',
      type: 'symbol',
      source: RECEPTOR_SOURCE,
      minzoom: 8,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [...FONTS.regular],
        'text-size': 11,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
    },
  ];
}

/** Adds the source and layers once: under the trace and the sites, above the basemap's areas. */
function ensure(map: MlMap): void {
  if (map.getSource(RECEPTOR_SOURCE)) return;
  map.addSource(RECEPTOR_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  const before = ['trace-casing', 'site-clusters'].find((id) => map.getLayer(id));
  for (const l of receptorLayers()) map.addLayer(l, before);
}

export function setReceptorData(map: MlMap, data: FeatureCollection): void {
  ensure(map);
  (map.getSource(RECEPTOR_SOURCE) as GeoJSONSource | undefined)?.setData(data);
}

export function setReceptorsVisible(map: MlMap, visible: boolean): void {
  ensure(map);
  for (const id of RECEPTOR_LAYER_IDS)
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}
