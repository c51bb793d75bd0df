// Point-in-polygon lookup over many (multi)polygons, with a packed R-tree over polygon-part boxes.
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

export class PolygonLocator<T> {
  private readonly index: Flatbush;
  private readonly parts: { item: T; rings: Ring[] }[] = [];

  constructor(items: readonly { item: T; geometry: Polygon | MultiPolygon }[]) {
    for (const { item, geometry } of items) {
      const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      for (const rings of polys) if (rings.length > 0) this.parts.push({ item, rings });
    }
    this.index = new Flatbush(Math.max(1, this.parts.length));
    for (const { rings } of this.parts) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const [x, y] of rings[0]!) {
        minX = Math.min(minX, x!);
        minY = Math.min(minY, y!);
        maxX = Math.max(maxX, x!);
        maxY = Math.max(maxY, y!);
      }
      this.index.add(minX, minY, maxX, maxY);
    }
    if (this.parts.length === 0) this.index.add(0, 0, 0, 0);
    this.index.finish();
  }

  locate(lon: number, lat: number): T | null {
    for (const id of this.index.search(lon, lat, lon, lat)) {
      const part = this.parts[id];
      if (part && inPolygon(lon, lat, part.rings)) return part.item;
    }
    return null;
  }
}

/** Even-odd ray casting over the outer ring and holes. */
export function inPolygon(x: number, y: number, rings: readonly Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i]![0]!;
      const yi = ring[i]![1]!;
      const xj = ring[j]![0]!;
      const yj = ring[j]![1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
