// Client calls and answer types for safety zones and the planning review (see server/core/planning).
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { errorFrom } from './api.js';

export const DEVELOPMENT_TYPES = [
  'housing',
  'school_hospital',
  'workplace',
  'infrastructure',
  'retail_leisure',
  'large_venue',
  'water_intake',
] as const;
export type DevelopmentType = (typeof DEVELOPMENT_TYPES)[number];
export type Advice = 'advise_against' | 'do_not_advise_against';
/** The overall advice: a water intake may also get the intake rule's "advise with conditions". */
export type Verdict = Advice | 'advise_with_conditions';
export type Bilingual = { en: string; ru: string };

/** The rule that decided the verdict (data/consultation-zones.json or data/planning-rules.json). */
export interface DecidingRule {
  id: string;
  source: 'zone_matrix' | 'water_intake' | 'none';
  text: Bilingual;
  explanation: Bilingual;
  siteIds: string[];
  policyChoice: boolean;
}

export type CitedZones = FeatureCollection<
  Polygon | MultiPolygon,
  { zone: Zone; radiusM: number; siteId: string; siteName: string }
>;
export type Zone = 'inner' | 'middle' | 'outer';

export interface ReceptorInZone {
  source: 'place' | 'receptor';
  id: string;
  name: string;
  kind: string;
  population: number | null;
  zone: Zone;
  distanceM: number;
}

export interface SiteZonesResult {
  site: { id: string; name: string; annexIHazardous: boolean; hasFootprint: boolean };
  zoneRule: { id: string; kasClass: string; assumption: boolean; reason: string };
  zones: FeatureCollection<Polygon | MultiPolygon, { zone: Zone; radiusM: number }>;
  receptors: Record<Zone, ReceptorInZone[]>;
}

export interface ReviewHit {
  id: string;
  name: string;
  country: string | null;
  kasClass: string;
  zone: Zone;
  radiusM: number;
  distanceM: number;
  advice: Advice;
  rule: string;
}

export interface ReviewResult {
  development: { name: string | null; developmentType: string; sensitivityLevel: number };
  verdict: Verdict;
  verdictReason: string;
  decidingRule: DecidingRule;
  sites: ReviewHit[];
  upstream:
    | null
    | { ok: false; maxHours: number; code: string; message: string }
    | {
        ok: true;
        maxHours: number;
        total: number;
        advice: Verdict;
        rule: {
          id: string;
          withinHours: number;
          policyChoice: boolean;
          basis: string;
          text: Bilingual;
        } | null;
        citedIds: string[];
        sites: {
          id: string;
          name: string;
          country: string | null;
          riverKm: number;
          arrivalH: number;
          annexI: boolean;
          highHazard: boolean;
          ruleId: string | null;
        }[];
      };
  /** The consultation zones of every site the answer cites (drawn on the map and in a print). */
  citedZones: CitedZones;
  citedSites: { id: string; name: string; lon: number; lat: number; annexIHazardous: boolean }[];
  /** Cited sites beyond the answer's cap, whose zones are not in it. */
  citedZonesOmitted: number;
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

export const fetchSiteZones = (id: string, signal?: AbortSignal) =>
  call<SiteZonesResult>(`/api/sites/${encodeURIComponent(id)}/zones`, signal ? { signal } : undefined);

export const reviewDevelopment = (body: {
  geometry: Point | Polygon;
  developmentType: DevelopmentType;
  name?: string;
}) =>
  call<ReviewResult>('/api/planning/review', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

export type ZoneFeature = Feature<Polygon | MultiPolygon, { zone: Zone; radiusM: number }>;
