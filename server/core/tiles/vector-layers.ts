// The layers of HazAtlas's two vector-tile sets and their fields, as TileJSON `vector_layers` declares
// them: one list read by the TileJSON documents, the style for other clients and the tests.

/** Tippecanoe's field types: GDAL's MVT driver types OGR fields by exactly these words. */
export type FieldType = 'String' | 'Number' | 'Boolean';

export interface VectorLayer {
  id: string;
  description: string;
  minzoom: number;
  maxzoom: number;
  fields: Record<string, FieldType>;
  /** For GDAL (tilestats): the one geometry type of the layer; absent when it mixes types. */
  geometry?: 'Point' | 'LineString' | 'Polygon';
}

/** Deepest zoom cut from Natural Earth; clients overzoom beyond it. */
export const BASEMAP_MAX_ZOOM = 10;
/** Sites are points: cut down to z14 (about 10 m per tile pixel), overzoomed beyond. */
export const SITES_MAX_ZOOM = 14;

const base = (
  id: string,
  description: string,
  fields: Record<string, FieldType>,
  geometry?: VectorLayer['geometry'],
): VectorLayer => ({
  id,
  description,
  minzoom: 0,
  maxzoom: BASEMAP_MAX_ZOOM,
  fields,
  ...(geometry ? { geometry } : {}),
});

/** `minzoom` on a feature: the first zoom its tiles carry it (smaller features only when zoomed in). */
export const BASEMAP_LAYERS: readonly VectorLayer[] = [
  base('countries', 'Countries (Natural Earth admin 0)', { iso3: 'String', name: 'String' }, 'Polygon'),
  base('boundaries', 'Land borders', { left: 'String', right: 'String', type: 'String' }, 'LineString'),
  base(
    'lakes',
    'Lakes and reservoirs',
    { name: 'String', scalerank: 'Number', minzoom: 'Number' },
    'Polygon',
  ),
  base(
    'rivers',
    'River network reaches with their resolved names',
    {
      name: 'String',
      name_ru: 'String',
      featurecla: 'String',
      scalerank: 'Number',
      basin_id: 'Number',
      minzoom: 'Number',
    },
    'LineString',
  ),
  base(
    'country_labels',
    'Label points of countries',
    { iso3: 'String', name: 'String', name_ru: 'String', area_km2: 'Number', minzoom: 'Number' },
    'Point',
  ),
  base(
    'places',
    'Populated places',
    { name: 'String', name_ru: 'String', pop_max: 'Number', scalerank: 'Number', minzoom: 'Number' },
    'Point',
  ),
  base(
    'water_labels',
    'Label points of seas and lakes',
    { name: 'String', name_ru: 'String', kind: 'String', rank: 'Number', minzoom: 'Number' },
    'Point',
  ),
  // Areas (role "area") and their label points (role "label") in one layer.
  base('catchments', 'Approximate basin catchments and their label points', {
    basinId: 'Number',
    name: 'String',
    kind: 'String',
    approximate: 'Boolean',
    areaKm2: 'Number',
    role: 'String',
  }),
];

/** The register, named and typed as in GET /api/sites (a field is left out of a feature when null). */
export const SITES_LAYER: VectorLayer = {
  id: 'sites',
  description: 'Registered hazardous activities and tailings management facilities',
  minzoom: 0,
  maxzoom: SITES_MAX_ZOOM,
  geometry: 'Point',
  fields: {
    id: 'String',
    name: 'String',
    nameLocal: 'String',
    kind: 'String',
    sector: 'String',
    operator: 'String',
    status: 'String',
    version: 'Number',
    updatedAt: 'String',
    countryIso3: 'String',
    basinId: 'Number',
    basinName: 'String',
    river: 'String',
    annexIHazardous: 'Boolean',
    wri: 'Number',
    wriClass: 'String',
    thi: 'Number',
    thiClass: 'String',
  },
};
