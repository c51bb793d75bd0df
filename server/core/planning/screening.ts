// Location screening of the register: sites that may need transboundary notification (near a land
// border, or their river reaches one soon) and natech sites (in a flood-hazard area or near a river).
import type { MultiPolygon, Polygon } from 'geojson';
import { type SiteShape, siteLocalShape, siteProjection, toLocalShape } from './buffer.js';
import { shapeDistanceM } from './planar.js';

export type BorderReason =
  | { code: 'river_crosses_border'; kmToFirstBorder: number; message: string }
  | { code: 'river_in_other_country'; country: string; message: string }
  | { code: 'near_land_border'; distanceToBorderKm: number; message: string };

export interface BorderSubject {
  id: string;
  name: string;
  country: string | null;
  river: string | null;
  distanceToBorderKm: number | null;
  kmToFirstBorder: number | null;
  downstreamCountries: string[];
}

export interface BorderFlag {
  id: string;
  name: string;
  country: string | null;
  river: string | null;
  distanceToBorderKm: number | null;
  kmToFirstBorder: number | null;
  /** Countries downstream other than the site's own: whom a notification would go to. */
  affectedCountries: string[];
  reasons: BorderReason[];
}

const km = (x: number) => Math.round(x * 10) / 10;

export function borderScreening(
  subjects: readonly BorderSubject[],
  limits: { withinKm: number; borderWithinKm: number },
): BorderFlag[] {
  const out: BorderFlag[] = [];
  for (const s of subjects) {
    const reasons: BorderReason[] = [];
    const first = s.downstreamCountries[0];
    if (s.kmToFirstBorder !== null && s.kmToFirstBorder <= limits.withinKm) {
      const next = s.downstreamCountries.find((c) => c !== s.country);
      reasons.push({
        code: 'river_crosses_border',
        kmToFirstBorder: km(s.kmToFirstBorder),
        message: `the ${s.river ?? 'receiving river'} reaches a border after ${km(s.kmToFirstBorder)} km${next ? ` (then ${next})` : ''}, within ${limits.withinKm} km`,
      });
    } else if (first !== undefined && first !== s.country) {
      reasons.push({
        code: 'river_in_other_country',
        country: first,
        message: `the ${s.river ?? 'receiving river'} runs in or along ${first} where the site drains to it`,
      });
    }
    if (s.distanceToBorderKm !== null && s.distanceToBorderKm <= limits.borderWithinKm) {
      reasons.push({
        code: 'near_land_border',
        distanceToBorderKm: km(s.distanceToBorderKm),
        message: `${km(s.distanceToBorderKm)} km from a land border, within ${limits.borderWithinKm} km`,
      });
    }
    if (reasons.length === 0) continue;
    out.push({
      id: s.id,
      name: s.name,
      country: s.country,
      river: s.river,
      distanceToBorderKm: s.distanceToBorderKm === null ? null : km(s.distanceToBorderKm),
      kmToFirstBorder: s.kmToFirstBorder === null ? null : km(s.kmToFirstBorder),
      affectedCountries: s.downstreamCountries.filter((c) => c !== s.country),
      reasons,
    });
  }
  const nearest = (f: BorderFlag) =>
    Math.min(f.kmToFirstBorder ?? Infinity, f.distanceToBorderKm ?? Infinity);
  return out.sort((a, b) => nearest(a) - nearest(b) || a.name.localeCompare(b.name));
}

export type NatechReason =
  | { code: 'in_flood_zone'; receptorId: string; name: string; message: string }
  | { code: 'near_river'; river: string | null; distanceM: number; message: string };

export interface NatechSubject extends SiteShape {
  id: string;
  name: string;
  country: string | null;
}

export interface FloodZone {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface NatechFlag {
  id: string;
  name: string;
  country: string | null;
  reasons: NatechReason[];
}

type NearestRiver = (
  lon: number,
  lat: number,
  maxKm: number,
) => { river: string | null; distanceKm: number } | null;

/** Footprint edges are sampled this densely for the river distance (a dam edge, not the centre, counts). */
const EDGE_STEP_M = 50;

/** Points where a site meets the world: its location, and its footprint's edges every ≤ 50 m. */
export function siteProbePoints(site: SiteShape): [number, number][] {
  const out: [number, number][] = [[site.lon, site.lat]];
  if (!site.footprint) return out;
  const proj = siteProjection(site);
  const polygons =
    site.footprint.type === 'Polygon' ? [site.footprint.coordinates] : site.footprint.coordinates;
  for (const ring of polygons.flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = proj.toLocal(ring[i]?.[0] ?? 0, ring[i]?.[1] ?? 0);
      const [bx, by] = proj.toLocal(ring[i + 1]?.[0] ?? 0, ring[i + 1]?.[1] ?? 0);
      const steps = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / EDGE_STEP_M));
      for (let k = 0; k < steps; k++)
        out.push(proj.toWgs84(ax + ((bx - ax) * k) / steps, ay + ((by - ay) * k) / steps));
    }
  }
  return out;
}

/** The nearest river within `maxKm` of the site's location or footprint edge. */
function nearestRiverToSite(site: SiteShape, maxKm: number, nearestRiver: NearestRiver) {
  let best: ReturnType<NearestRiver> = null;
  for (const [lon, lat] of siteProbePoints(site)) {
    const r = nearestRiver(lon, lat, best ? best.distanceKm : maxKm);
    if (r && (!best || r.distanceKm < best.distanceKm)) best = r;
  }
  return best;
}

/**
 * `floodZonesNear` returns the flood polygons whose box meets the site (an index lookup);
 * `nearestRiver` the nearest reach within the distance (the network's segment index), asked from the
 * site's location and along its footprint's edges.
 */
export function natechScreening(
  sites: readonly NatechSubject[],
  riverWithinM: number,
  floodZonesNear: (site: NatechSubject) => FloodZone[],
  nearestRiver: NearestRiver,
): NatechFlag[] {
  const out: NatechFlag[] = [];
  for (const site of sites) {
    const reasons: NatechReason[] = [];
    const zones = floodZonesNear(site);
    if (zones.length > 0) {
      const proj = siteProjection(site);
      const shape = siteLocalShape(site, proj);
      for (const z of zones) {
        if (shapeDistanceM(shape, toLocalShape(z.geometry, proj)) > 0) continue;
        reasons.push({
          code: 'in_flood_zone',
          receptorId: z.id,
          name: z.name,
          message: `inside the flood-hazard area "${z.name}"`,
        });
      }
    }
    const river = nearestRiverToSite(site, riverWithinM / 1000, nearestRiver);
    if (river) {
      const distanceM = Math.round(river.distanceKm * 1000);
      reasons.push({
        code: 'near_river',
        river: river.river,
        distanceM,
        message: `${distanceM} m from the ${river.river ?? 'unnamed river'}, within ${riverWithinM} m`,
      });
    }
    if (reasons.length > 0) out.push({ id: site.id, name: site.name, country: site.country, reasons });
  }
  return out;
}
