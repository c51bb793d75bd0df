// Style layers for a detailed basemap archive (HAZATLAS_BASEMAP) in the OpenMapTiles or Protomaps
// schema: land use and water under the Natural Earth rivers, roads and buildings above, place names on
// top, all from planning zooms (DETAIL_MIN_ZOOM) so the small-scale map stays Natural Earth.
import { FONTS } from '../../shared/map.js';

type Json = Record<string, unknown>;

import type { DetailSchema } from './pmtiles-archive.js';

export type { DetailSchema };

/** Planning scale: the detailed layers draw from here on (the Natural Earth tiles end at zoom 10). */
export const DETAIL_MIN_ZOOM = 10;
export const DETAIL_SOURCE = 'detail';

/** Symbol layers whose text is a feature name: the client swaps `text-field` for the UI language. */
export const NAME_LABEL = { 'hazatlas:name': true };

const C = {
  residential: '#ece7dc',
  industrial: '#e6d9e6',
  green: '#d5e8c4',
  water: '#a9cbe6',
  building: '#d6cfc4',
  buildingLine: '#b9ae9f',
  major: '#f6c87a',
  road: '#ffffff',
  casing: '#b5aa98',
  label: '#333333',
};

interface SchemaNames {
  landuse: string[];
  water: string;
  waterway: string | null;
  roads: string;
  buildings: string;
  places: string;
  /** The property holding a feature's class ("class" in OpenMapTiles, "kind" in Protomaps). */
  cls: string;
  major: string[];
  minor: string[];
  industrial: string[];
  green: string[];
  placeOrder: string[];
}

const SCHEMAS: Record<DetailSchema, SchemaNames> = {
  openmaptiles: {
    landuse: ['landcover', 'landuse', 'park'],
    water: 'water',
    waterway: 'waterway',
    roads: 'transportation',
    buildings: 'building',
    places: 'place',
    cls: 'class',
    major: ['motorway', 'trunk', 'primary', 'secondary'],
    minor: ['tertiary', 'minor', 'service', 'track'],
    industrial: ['industrial', 'commercial', 'railway', 'quarry'],
    green: ['wood', 'grass', 'park', 'farmland', 'wetland', 'cemetery'],
    placeOrder: ['city', 'town', 'village', 'suburb', 'hamlet'],
  },
  protomaps: {
    landuse: ['landuse', 'landcover'],
    water: 'water',
    waterway: null,
    roads: 'roads',
    buildings: 'buildings',
    places: 'places',
    cls: 'kind',
    major: ['highway', 'major_road'],
    minor: ['medium_road', 'minor_road', 'path', 'other'],
    industrial: ['industrial', 'commercial', 'railway', 'quarry'],
    green: ['forest', 'wood', 'grass', 'park', 'farmland', 'wetland', 'cemetery', 'nature_reserve'],
    placeOrder: ['locality', 'macrohood', 'neighbourhood'],
  },
};

const inClass = (cls: string, values: string[]) => ['in', ['get', cls], ['literal', values]];

/** The detailed layers, split by where they go in the Natural Earth style. */
export function detailLayers(schema: DetailSchema): { under: Json[]; over: Json[]; labels: Json[] } {
  const s = SCHEMAS[schema];
  const base = { source: DETAIL_SOURCE, minzoom: DETAIL_MIN_ZOOM };
  const under: Json[] = [
    ...s.landuse.map((layer) => ({
      ...base,
      id: `detail-${layer}`,
      type: 'fill',
      'source-layer': layer,
      paint: {
        'fill-color': [
          'case',
          inClass(s.cls, s.green),
          C.green,
          inClass(s.cls, s.industrial),
          C.industrial,
          C.residential,
        ],
        'fill-opacity': 0.8,
      },
    })),
    { ...base, id: 'detail-water', type: 'fill', 'source-layer': s.water, paint: { 'fill-color': C.water } },
  ];
  if (s.waterway)
    under.push({
      ...base,
      id: 'detail-waterway',
      type: 'line',
      'source-layer': s.waterway,
      paint: { 'line-color': C.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 16, 4] },
    });
  const road = (id: string, classes: string[], width: [number, number], color: string): Json[] => [
    {
      ...base,
      id: `${id}-casing`,
      type: 'line',
      'source-layer': s.roads,
      filter: inClass(s.cls, classes),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': C.casing,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, width[0] + 1, 16, width[1] + 2],
      },
    },
    {
      ...base,
      id,
      type: 'line',
      'source-layer': s.roads,
      filter: inClass(s.cls, classes),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': color,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, width[0], 16, width[1]],
      },
    },
  ];
  const over: Json[] = [
    {
      ...base,
      id: 'detail-buildings',
      type: 'fill',
      'source-layer': s.buildings,
      minzoom: Math.max(DETAIL_MIN_ZOOM, 13),
      paint: { 'fill-color': C.building, 'fill-outline-color': C.buildingLine },
    },
    ...road('detail-roads-minor', s.minor, [0.5, 6], C.road),
    ...road('detail-roads-major', s.major, [1.2, 10], C.major),
  ];
  const labels: Json[] = [
    {
      ...base,
      id: 'detail-place-labels',
      type: 'symbol',
      'source-layer': s.places,
      metadata: NAME_LABEL,
      filter: ['has', 'name'],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONTS.regular,
        'text-size': ['match', ['get', s.cls], s.placeOrder[0] ?? '', 14, 12],
        'text-max-width': 8,
      },
      paint: { 'text-color': C.label, 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
    },
    {
      ...base,
      id: 'detail-road-labels',
      type: 'symbol',
      'source-layer': schema === 'openmaptiles' ? 'transportation_name' : s.roads,
      minzoom: 13,
      metadata: NAME_LABEL,
      filter: ['has', 'name'],
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONTS.italic,
        'text-size': 11,
      },
      paint: { 'text-color': '#555555', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ];
  return { under, over, labels };
}

/** A raster archive: one layer above the Natural Earth land, below the overlays. */
export function rasterDetailLayer(): Json {
  return { id: 'detail-raster', type: 'raster', source: DETAIL_SOURCE, minzoom: DETAIL_MIN_ZOOM };
}
