// Receptor layers out: GeoJSON, or a GeoPackage (layer "receptors", points and polygons, WGS84)
// with flat columns id, kind, name, population, createdAt.
import type { FeatureCollection, Geometry } from 'geojson';
import { type GpkgValue, writeGpkg } from './gpkg.js';
import type { StoredReceptor } from './receptor-store.js';

function columns(r: StoredReceptor): Record<string, GpkgValue> {
  return { id: r.id, kind: r.kind, name: r.name, population: r.population, createdAt: r.createdAt };
}

export function receptorsCollection(items: readonly StoredReceptor[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: items.map((r) => ({
      type: 'Feature',
      id: r.id,
      geometry: r.geometry as Geometry,
      properties: { ...columns(r) },
    })),
  };
}

export function receptorsGpkg(items: readonly StoredReceptor[]): Buffer {
  return writeGpkg([
    {
      name: 'receptors',
      geometryType: 'GEOMETRY',
      fields: [
        { name: 'id', type: 'TEXT' },
        { name: 'kind', type: 'TEXT' },
        { name: 'name', type: 'TEXT' },
        { name: 'population', type: 'INTEGER' },
        { name: 'createdAt', type: 'TEXT' },
      ],
      features: items.map((r) => ({ geometry: r.geometry as Geometry, properties: columns(r) })),
    },
  ]);
}
