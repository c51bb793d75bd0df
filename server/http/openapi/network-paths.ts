// Route docs for the river network (stats, basins, catchments) and the offline basemap (vector tiles,
// the MapLibre style, glyphs).
import { z } from 'zod';
import { STYLE_SOURCES } from '../../basemap/map-style.js';
import { Bbox, feature, featureCollection, Timestamp } from './common.js';
import { file, json, type RouteGroup } from './describe.js';

export const NetworkStats = z.looseObject({
  reaches: z.number().int(),
  nodes: z.number().int(),
  outlets: z.number().int(),
  outletKinds: z.record(z.string(), z.number().int()),
  basins: z.number().int(),
  totalKm: z.number(),
  builtAt: Timestamp.nullable(),
  buildSeconds: z.number().nullable(),
  sources: z.record(z.string(), z.string()),
  build: z.record(z.string(), z.number()),
  diagnostics: z.record(z.string(), z.number()),
  namesKm: z.record(z.string(), z.number()).meta({ description: 'River km by where their name comes from.' }),
  review: z
    .unknown()
    .meta({ description: "The build's network review (open flags, inland systems checked)." }),
  networkSource: z.string(),
  supplements: z.array(z.string()),
  loadMs: z.number(),
});

export const Basin = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  lengthKm: z.number(),
  bbox: Bbox,
  outlets: z.array(z.string()),
});

const CatchmentProps = z.looseObject({
  basinId: z.number().int(),
  name: z.string(),
  kind: z.string(),
  role: z.enum(['area', 'label']),
});

const OnlyQuery = z.object({ only: z.literal('labels').optional() }).strict();
/** `absolute` (public-url.ts): 1 for absolute URLs (QGIS, GDAL), which needs HAZATLAS_PUBLIC_URL. */
const AbsoluteQuery = z.object({ absolute: z.enum(['1', '0', 'true', 'false']).optional() }).strict();
const StyleQuery = AbsoluteQuery.extend({ source: z.enum(STYLE_SOURCES).optional() });
const ABSOLUTE_NOTE =
  '1: absolute URLs for clients outside the browser (needs HAZATLAS_PUBLIC_URL, else 409)';

/** TileJSON 3.0.0 (tilejson.ts): what GDAL, QGIS and MapLibre read to open a vector tile set. */
export const TileJson = z.looseObject({
  tilejson: z.string(),
  name: z.string(),
  tiles: z.array(z.string()),
  minzoom: z.number().int(),
  maxzoom: z.number().int(),
  bounds: z.array(z.number()),
  vector_layers: z.array(z.looseObject({ id: z.string(), fields: z.record(z.string(), z.string()) })),
});

const TILE_PARAMS = { z: 'Zoom', x: 'Column', y: 'Row' };

export const networkGroup: RouteGroup = {
  tag: 'Network and basemap',
  description: 'What the routed river network holds, its basins and catchments, and the offline basemap.',
  schemas: { NetworkStats, Basin },
  routes: [
    {
      method: 'get',
      path: '/network/stats',
      operationId: 'networkStats',
      summary: 'Size, sources and review of the routed river network',
      responses: { 200: { description: 'The statistics.', content: [json(NetworkStats)] } },
    },
    {
      method: 'get',
      path: '/basins',
      operationId: 'listBasins',
      summary: 'River basins of 100 km or more, longest first',
      responses: { 200: { description: 'The basins.', content: [json(z.array(Basin))] } },
    },
    {
      method: 'get',
      path: '/basins/catchments',
      operationId: 'basinCatchments',
      summary: 'Approximate basin catchments (GeoJSON), or only their label points',
      query: OnlyQuery,
      queryNotes: { only: 'labels: just the label points (name, kind, areaKm2, bbox)' },
      responses: {
        200: {
          description: 'One area and one label point per basin (the Danube Delta as its own area).',
          content: [json(featureCollection(feature(CatchmentProps)), 'application/geo+json')],
        },
      },
    },
    {
      method: 'get',
      path: '/tiles/:z/:x/:y.pbf',
      operationId: 'basemapTile',
      summary: 'A vector tile of the offline basemap (Mapbox Vector Tile, gzip when accepted)',
      pathParams: TILE_PARAMS,
      errors: [400],
      responses: {
        200: {
          description: 'The tile (empty when nothing is there).',
          content: [file('application/x-protobuf')],
        },
      },
    },
    {
      method: 'get',
      path: '/tiles/basemap/:z/:x/:y.pbf',
      operationId: 'basemapTileBesideTileJson',
      summary: 'The same basemap tile, beside its TileJSON (where GDAL’s MVT driver looks)',
      pathParams: TILE_PARAMS,
      errors: [400],
      responses: { 200: { description: 'The tile.', content: [file('application/x-protobuf')] } },
    },
    {
      method: 'get',
      path: '/tiles/basemap.json',
      operationId: 'basemapTileJson',
      summary: 'TileJSON of the basemap vector tiles',
      query: AbsoluteQuery,
      queryNotes: { absolute: ABSOLUTE_NOTE },
      errors: [409],
      responses: { 200: { description: 'TileJSON 3.0.0.', content: [json(TileJson)] } },
    },
    {
      method: 'get',
      path: '/tiles/sites.json',
      operationId: 'sitesTileJson',
      summary: 'TileJSON of the register’s sites as vector tiles',
      query: AbsoluteQuery,
      queryNotes: { absolute: ABSOLUTE_NOTE },
      errors: [409],
      responses: { 200: { description: 'TileJSON 3.0.0 (with the site count).', content: [json(TileJson)] } },
    },
    {
      method: 'get',
      path: '/tiles/sites/:z/:x/:y.pbf',
      operationId: 'sitesTile',
      summary: 'A vector tile of the registered sites (ETag: changes with the register)',
      pathParams: TILE_PARAMS,
      errors: [400, 404],
      responses: {
        200: { description: 'The tile (gzip).', content: [file('application/x-protobuf')] },
        304: { description: 'Not modified since the ETag sent in If-None-Match.' },
      },
    },
    {
      method: 'get',
      path: '/style.json',
      operationId: 'mapStyle',
      summary: 'The MapLibre style of the offline basemap (also a QGIS style URL with absolute=1)',
      query: StyleQuery,
      queryNotes: {
        absolute: ABSOLUTE_NOTE,
        source: 'basemap (default), sites, or all (default with absolute=1)',
      },
      errors: [409],
      responses: {
        200: {
          description: 'A MapLibre style (version 8) whose sources are this server’s tiles and glyphs.',
          content: [
            json(
              z.looseObject({
                version: z.literal(8),
                sources: z.record(z.string(), z.unknown()),
                layers: z.array(z.looseObject({ id: z.string() })),
              }),
            ),
          ],
        },
      },
    },
    {
      method: 'get',
      path: '/glyphs/:fontstack/:range.pbf',
      operationId: 'glyphs',
      summary: 'Glyphs for map labels (a font stack and a range of 256 code points)',
      pathParams: {
        fontstack: 'Font names, comma-separated (the first one shipped is served)',
        range: 'e.g. 0-255',
      },
      errors: [400],
      responses: { 200: { description: 'Glyph PBF.', content: [file('application/x-protobuf')] } },
    },
  ],
};
