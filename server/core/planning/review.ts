// Planning review of a proposed development: every site whose consultation zones it touches, the
// zone and distance in metres, the PADHI advice per site with the rule that fired, and an overall verdict.
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { type SiteShape, siteLocalShape, siteProjection, toLocalShape } from './buffer.js';
import { shapeDistanceM } from './planar.js';
import { roundM } from './site-zones.js';
import {
  type Advice,
  adviceFor,
  type KasClass,
  type Zone,
  type ZoneSubject,
  type ZoneTable,
  zoneAt,
  zonesFor,
} from './zone-table.js';

export interface Development {
  geometry: Point | Polygon;
  developmentType: string;
  name: string | null;
}

export interface ReviewSite extends SiteShape, ZoneSubject {
  id: string;
  name: string;
  country: string | null;
  footprint: Polygon | MultiPolygon | null;
}

export interface ReviewHit {
  id: string;
  name: string;
  kind: string;
  sector: string | null;
  annexIHazardous: boolean;
  country: string | null;
  kasClass: KasClass;
  zoneRule: string;
  zone: Zone;
  radiusM: number;
  distanceM: number;
  advice: Advice;
  rule: string;
}

export interface ReviewResult {
  development: {
    name: string | null;
    developmentType: string;
    sensitivityLevel: 1 | 2 | 3 | 4;
    geometryType: 'Point' | 'Polygon';
  };
  verdict: Advice;
  /** Why the overall verdict is what it is. */
  verdictReason: string;
  sites: ReviewHit[];
}

const severity = (a: Advice) => (a === 'advise_against' ? 1 : 0);
const ZONE_ORDER: Record<Zone, number> = { inner: 0, middle: 1, outer: 2 };

/** `candidates` are the sites near the development (an index lookup); the distance test here is exact. */
export function reviewDevelopment(
  table: ZoneTable,
  dev: Development,
  candidates: readonly ReviewSite[],
): ReviewResult {
  const hits: ReviewHit[] = [];
  for (const site of candidates) {
    const zones = zonesFor(table, site);
    const proj = siteProjection(site);
    const distanceM = shapeDistanceM(siteLocalShape(site, proj), toLocalShape(dev.geometry, proj));
    const zone = zoneAt(zones, distanceM);
    if (!zone) continue;
    const advice = adviceFor(table, dev.developmentType, zone.zone);
    hits.push({
      id: site.id,
      name: site.name,
      kind: site.kind,
      sector: site.sector,
      annexIHazardous: site.annexIHazardous,
      country: site.country,
      kasClass: zones.kasClass,
      zoneRule: zones.ruleId,
      zone: zone.zone,
      radiusM: zone.radiusM,
      distanceM: roundM(distanceM),
      advice: advice.advice,
      rule: advice.rule,
    });
  }
  hits.sort(
    (a, b) =>
      severity(b.advice) - severity(a.advice) ||
      ZONE_ORDER[a.zone] - ZONE_ORDER[b.zone] ||
      a.distanceM - b.distanceM ||
      a.id.localeCompare(b.id),
  );
  const level = table.developmentTypes[dev.developmentType]?.level;
  if (!level) throw new Error(`unknown development type ${dev.developmentType}`);
  const worst = hits[0];
  return {
    development: {
      name: dev.name,
      developmentType: dev.developmentType,
      sensitivityLevel: level,
      geometryType: dev.geometry.type,
    },
    verdict: worst?.advice ?? 'do_not_advise_against',
    verdictReason: worst
      ? `${worst.name}: ${worst.rule}${hits.length > 1 ? ` (most restrictive of ${hits.length} sites)` : ''}`
      : 'Outside the consultation zones of every registered site.',
    sites: hits,
  };
}
