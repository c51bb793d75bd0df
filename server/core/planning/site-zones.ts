// A site's consultation zones as GeoJSON (buffers in metres) and the receptors that fall in each zone.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { bufferSite, type SiteShape, siteLocalShape, siteProjection, toLocalShape } from './buffer.js';
import { shapeDistanceM } from './planar.js';
import { type SiteZones, type Zone, zoneAt } from './zone-table.js';

export interface ZoneProps {
  zone: Zone;
  radiusM: number;
}

export function zoneFeatures(
  site: SiteShape,
  zones: SiteZones,
): FeatureCollection<Polygon | MultiPolygon, ZoneProps> {
  return {
    type: 'FeatureCollection',
    features: zones.zones.map(
      (z): Feature<Polygon | MultiPolygon, ZoneProps> => ({
        type: 'Feature',
        properties: { zone: z.zone, radiusM: z.radiusM },
        geometry: bufferSite(site, z.radiusM),
      }),
    ),
  };
}

/** Something that may lie in a zone: a populated place or an imported receptor. */
export interface ReceptorCandidate {
  source: 'place' | 'receptor';
  id: string;
  name: string;
  kind: string;
  population: number | null;
  geometry: Geometry;
}

export interface ReceptorInZone {
  source: 'place' | 'receptor';
  id: string;
  name: string;
  kind: string;
  population: number | null;
  zone: Zone;
  /** Metres from the site's footprint (or location) to the receptor; 0 when they overlap. */
  distanceM: number;
}

export const roundM = (m: number): number => Math.round(m * 10) / 10;

/** Receptors within the outer zone, each in its innermost zone, nearest first. */
export function receptorsInZones(
  site: SiteShape,
  zones: SiteZones,
  candidates: readonly ReceptorCandidate[],
): ReceptorInZone[] {
  const proj = siteProjection(site);
  const shape = siteLocalShape(site, proj);
  const out: ReceptorInZone[] = [];
  for (const c of candidates) {
    const distanceM = shapeDistanceM(shape, toLocalShape(c.geometry, proj));
    const zone = zoneAt(zones, distanceM);
    if (!zone) continue;
    out.push({
      source: c.source,
      id: c.id,
      name: c.name,
      kind: c.kind,
      population: c.population,
      zone: zone.zone,
      distanceM: roundM(distanceM),
    });
  }
  return out.sort((a, b) => a.distanceM - b.distanceM || a.id.localeCompare(b.id));
}
