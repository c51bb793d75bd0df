// Names the server's basemap style (server/http/map-style.ts) and the client's overlays agree on: the
// vector source, its layers, the basemap's layer ids the client toggles or inserts before, and the fonts
// the server serves glyphs for (server/assets/glyphs).

/** The basemap's vector source in the style. */
export const BASEMAP_SOURCE = 'basemap';

/** Layers inside the basemap's vector tiles (`source-layer`). */
export const TILE_LAYERS = [
  'countries',
  'boundaries',
  'lakes',
  'rivers',
  'country_labels',
  'places',
  'water_labels',
  'catchments',
] as const;
export type TileLayer = (typeof TILE_LAYERS)[number];

/** Style layer ids of the basemap. */
export const BASEMAP_LAYER_IDS = {
  background: 'background',
  countriesFill: 'countries-fill',
  lakes: 'lakes',
  riversMajor: 'rivers-major',
  riversMedium: 'rivers-medium',
  riversMinor: 'rivers-minor',
  boundaries: 'boundaries',
  riverLabels: 'river-labels',
  waterLabels: 'water-labels',
  places: 'places',
  placeLabels: 'place-labels',
  countryLabels: 'country-labels',
} as const;

/** Font stacks with glyphs on the server (`/api/glyphs/{fontstack}/{range}.pbf`). */
export const FONTS = {
  regular: ['DejaVu Sans Book'],
  bold: ['DejaVu Sans Bold'],
  italic: ['DejaVu Sans Oblique'],
} as const satisfies Record<string, readonly string[]>;
