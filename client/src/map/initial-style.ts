// The map's first style: the server's basemap with HazAtlas's overlay sources and layers already in
// place. Adding or restyling a layer of a vector source later makes MapLibre re-parse all its tiles,
// so whatever the first view needs is in the style before any tile loads.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { BASEMAP_LAYER_IDS } from '../../../shared/map.js';
import type { LayerId } from '../lib/url-state.js';
import {
  basinLayer,
  catchmentLayers,
  SITE_SOURCE,
  selectedBasinFilter,
  siteClusterOptions,
  siteLayers,
  TOGGLE_LAYERS,
  TRACE_POINTS_SOURCE,
  TRACE_SOURCE,
  traceLayers,
} from './layers.js';

export interface OverlayState {
  /** Translated "approx. catchment" text under basin names. */
  approxText: string;
  layers: readonly LayerId[];
  basinId: number | undefined;
  delta: boolean;
}

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** The river layer of a selected basin, or null when none is drawn. */
export const wantedBasinRivers = (s: Pick<OverlayState, 'basinId' | 'layers'>): number | null =>
  s.basinId !== undefined && s.layers.includes('basins') ? s.basinId : null;

/** Inserts `extra` before the layer `beforeId` (at the end if the basemap has no such layer). */
function insertBefore(
  layers: LayerSpecification[],
  beforeId: string,
  extra: LayerSpecification[],
): LayerSpecification[] {
  const i = layers.findIndex((l) => l.id === beforeId);
  return i < 0 ? [...layers, ...extra] : [...layers.slice(0, i), ...extra, ...layers.slice(i)];
}

/**
 * Every toggled layer gets an explicit visibility: MapLibre skips a `setLayoutProperty` whose value is
 * unchanged, but an unset visibility differs from "visible" and would reload the tiles.
 */
function withVisibility(l: LayerSpecification, layers: readonly LayerId[]): LayerSpecification {
  const key = (Object.keys(TOGGLE_LAYERS) as (keyof typeof TOGGLE_LAYERS)[]).find((k) =>
    TOGGLE_LAYERS[k].includes(l.id),
  );
  if (!key || l.type === 'background') return l;
  return {
    ...l,
    layout: { ...l.layout, visibility: layers.includes(key) ? 'visible' : 'none' },
  } as LayerSpecification;
}

export function withOverlays(base: StyleSpecification, s: OverlayState): StyleSpecification {
  const catchments = catchmentLayers(s.approxText).map((l) =>
    l.id === 'basin-selected' ? { ...l, filter: selectedBasinFilter(s.basinId, s.delta) } : l,
  );
  // Catchment areas lie under the rivers; their labels above the basemap's labels.
  let layers = insertBefore(
    base.layers,
    BASEMAP_LAYER_IDS.riversMajor,
    catchments.filter((l) => l.type !== 'symbol'),
  );
  const basinRivers = wantedBasinRivers(s);
  if (basinRivers !== null)
    layers = insertBefore(layers, BASEMAP_LAYER_IDS.boundaries, [basinLayer(basinRivers)]);
  layers = [...layers, ...catchments.filter((l) => l.type === 'symbol'), ...traceLayers, ...siteLayers];
  return {
    ...base,
    sources: {
      ...base.sources,
      [SITE_SOURCE]: { type: 'geojson', data: EMPTY, ...siteClusterOptions },
      [TRACE_SOURCE]: { type: 'geojson', data: EMPTY },
      [TRACE_POINTS_SOURCE]: { type: 'geojson', data: EMPTY },
    },
    layers: layers.map((l) => withVisibility(l, s.layers)),
  };
}
