// Names sea outlets after the marine area containing or nearest to them, and basins after their river.
import { PolygonLocator } from '../geo/polygon-locator.js';
import { SegmentIndex } from '../geo/segment-index.js';
import type { Edge, NamedPolygon } from './types.js';

const MARINE_SEARCH_KM = 100;

export function marineNamer(marine: readonly NamedPolygon[]): (lon: number, lat: number) => string | null {
  const locator = new PolygonLocator(marine.map((m) => ({ item: m.name, geometry: m.geometry })));
  const rings: number[][] = [];
  const ringName: string[] = [];
  for (const m of marine) {
    const polys = m.geometry.type === 'Polygon' ? [m.geometry.coordinates] : m.geometry.coordinates;
    for (const p of polys) {
      const outer = p[0];
      if (!outer) continue;
      rings.push(outer.flatMap((pos) => [pos[0]!, pos[1]!]));
      ringName.push(m.name);
    }
  }
  const shores = new SegmentIndex(rings);
  return (lon, lat) => {
    const inside = locator.locate(lon, lat);
    if (inside) return inside;
    const hit = shores.nearest(lon, lat, MARINE_SEARCH_KM);
    return hit ? (ringName[hit.line] ?? null) : null;
  };
}

/** Collapses runs of spaces: Natural Earth spells "Syr  Darya" with two. */
export function cleanName(name: string | null | undefined): string | null {
  const s = name?.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

/**
 * A basin takes the name that covers the most river length, counting alternative names, so that
 * "Donau" (alt "Danube") and "Danube" add up; ties go to the more important (lower scalerank) river.
 */
export function basinName(edges: readonly Edge[]): string {
  const km = new Map<string, number>();
  const rank = new Map<string, number>();
  for (const e of edges) {
    for (const n of [e.name, ...e.nameAlt]) {
      if (!n) continue;
      km.set(n, (km.get(n) ?? 0) + e.lengthKm);
      rank.set(n, Math.min(rank.get(n) ?? 99, e.scalerank));
    }
  }
  let best: string | null = null;
  for (const [n, k] of km) {
    if (best === null) best = n;
    const bk = km.get(best)!;
    if (k > bk + 1e-9 || (Math.abs(k - bk) <= 1e-9 && (rank.get(n)! < rank.get(best)! || n < best))) best = n;
  }
  return best ?? 'Unnamed river system';
}
