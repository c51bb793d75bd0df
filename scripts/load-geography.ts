// Reads the Natural Earth layers the build needs and converts them to the core's input shapes.
import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { cleanName } from '../server/core/network/name-outlets.js';
import type { NamedPolygon, ReachClass, RiverLine } from '../server/core/network/types.js';
import { type Layer, num, readLayer, type SourceConfig, str } from './sources.js';

export const LAYERS = {
  rivers: 'ne_10m_rivers_lake_centerlines',
  riversEurope: 'ne_10m_rivers_europe',
  coastline: 'ne_10m_coastline',
  lakes: 'ne_10m_lakes',
  lakesEurope: 'ne_10m_lakes_europe',
  marine: 'ne_10m_geography_marine_polys',
  countries: 'ne_50m_admin_0_countries',
  boundaries: 'ne_10m_admin_0_boundary_lines_land',
  places: 'ne_10m_populated_places_simple',
} as const;

export type LayerName = keyof typeof LAYERS;

export async function readAll(config: SourceConfig): Promise<Record<LayerName, Layer>> {
  const entries = await Promise.all(
    (Object.keys(LAYERS) as LayerName[]).map(async (k) => [k, await readLayer(config, LAYERS[k])] as const),
  );
  return Object.fromEntries(entries) as Record<LayerName, Layer>;
}

export function lineParts(geometry: Layer['features'][number]['geometry']): number[][] {
  if (geometry.type === 'LineString') return [flat((geometry as LineString).coordinates)];
  if (geometry.type === 'MultiLineString') return (geometry as MultiLineString).coordinates.map(flat);
  return [];
}

const flat = (positions: number[][]): number[] => positions.flatMap((p) => [p[0]!, p[1]!]);

export function riverLines(world: Layer, europe: Layer): RiverLine[] {
  const out: RiverLine[] = [];
  for (const [layer, source] of [
    [world, 'world'],
    [europe, 'europe'],
  ] as const) {
    for (const f of layer.features) {
      const p = f.props;
      const featurecla: ReachClass = /lake/i.test(str(p, 'featurecla') ?? '') ? 'Lake Centerline' : 'River';
      const name = cleanName(str(p, 'name'));
      const nameAlt = [str(p, 'name_alt'), str(p, 'name_en')]
        .map(cleanName)
        .filter((n): n is string => n !== null && n !== name);
      for (const coords of lineParts(f.geometry)) {
        if (coords.length >= 4) {
          out.push({
            coords,
            name,
            nameAlt: [...new Set(nameAlt)],
            nameRu: cleanName(str(p, 'name_ru')),
            featurecla,
            scalerank: num(p, 'scalerank') ?? 10,
            source,
          });
        }
      }
    }
  }
  return out;
}

export function polygons(layer: Layer, nameKeys: string[]): NamedPolygon[] {
  const out: NamedPolygon[] = [];
  for (const f of layer.features) {
    if (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon') continue;
    const name = nameKeys.map((k) => cleanName(str(f.props, k))).find((n) => n !== null) ?? '';
    out.push({ name, geometry: f.geometry as Polygon | MultiPolygon });
  }
  return out;
}
