// Safety zones and land-use planning over HTTP: a site's zones and receptors, the planning review of a
// proposed development, and border and natech screening. Parse, call storage and core, answer.
import { centroid, bbox as turfBbox } from '@turf/turf';
import express from 'express';
import type { Point, Polygon } from 'geojson';
import { z } from 'zod';
import { boxAround } from '../../core/geo/geodesy.js';
import { validateGeometry } from '../../core/geo/validate-geometry.js';
import { reviewDevelopment } from '../../core/planning/review.js';
import { borderScreening, type FloodZone, natechScreening } from '../../core/planning/screening.js';
import { receptorsInZones, zoneFeatures } from '../../core/planning/site-zones.js';
import { DEVELOPMENT_TYPES, consultationZones as table } from '../../core/planning/tables.js';
import { maxOuterRadiusM, outerRadiusM, ZONES, zonesFor } from '../../core/planning/zone-table.js';
import { snapRequest } from '../../core/trace/trace-request.js';
import { upstreamReport } from '../../core/upstream/upstream-report.js';
import { VELOCITY_MODEL } from '../../core/upstream/velocity.js';
import type { Services } from '../../services.js';
import { sitesInTreeRange } from '../../storage/analysis-read.js';
import {
  allSiteShapes,
  type Box,
  borderCandidates,
  planningSite,
  receptorCandidates,
  siteCount,
  sitesInBox,
} from '../../storage/planning-read.js';
import { listReceptors } from '../../storage/receptor-store.js';
import { HttpError } from '../errors.js';
import { numberParam } from '../query.js';
import { strictQuery } from '../security.js';
import { parseQuery, validationError } from './sites.js';

/** Site footprints are searched this far beyond the outer zone (locations are indexed, not footprints). */
export const FOOTPRINT_SEARCH_MARGIN_KM = 10;
export const MAX_REVIEW_POSITIONS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ReviewBody = z
  .object({
    geometry: z.unknown(),
    developmentType: z.enum(DEVELOPMENT_TYPES as [string, ...string[]], {
      error: `developmentType must be one of ${DEVELOPMENT_TYPES.join(', ')}`,
    }),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

const BorderQuery = z
  .object({
    withinKm: numberParam('withinKm', 0, 5000).default(50),
    borderWithinKm: numberParam('borderWithinKm', 0, 5000).optional(),
  })
  .strict();

const NatechQuery = z.object({ riverWithinM: numberParam('riverWithinM', 0, 50_000).default(500) }).strict();

/** The box of `[w, s, e, n]` grown by `km` on every side. */
function grow([w, s, e, n]: Box, km: number): Box {
  const corners = [boxAround(w, s, km), boxAround(e, n, km), boxAround(w, n, km), boxAround(e, s, km)];
  return [
    Math.max(-180, Math.min(...corners.map((c) => c[0]))),
    Math.max(-90, Math.min(...corners.map((c) => c[1]))),
    Math.min(180, Math.max(...corners.map((c) => c[2]))),
    Math.min(90, Math.max(...corners.map((c) => c[3]))),
  ];
}

export function planningRouter(services: Services): express.Router {
  const { db } = services;
  const r = express.Router();
  const inRange = sitesInTreeRange(db);

  r.get('/sites/:id/zones', strictQuery(), (req, res) => {
    const id = String(req.params.id);
    const site = UUID.test(id) ? planningSite(db, id) : null;
    if (!site) throw new HttpError(404, 'NOT_FOUND', `No site ${id.slice(0, 100)}.`);
    const zones = zonesFor(table, site);
    const footprintBox = site.footprint ? (turfBbox(site.footprint) as Box) : null;
    const box = grow(footprintBox ?? [site.lon, site.lat, site.lon, site.lat], outerRadiusM(zones) / 1000);
    const found = receptorsInZones(site, zones, receptorCandidates(db, box));
    res.json({
      site: {
        id: site.id,
        name: site.name,
        kind: site.kind,
        sector: site.sector,
        annexIHazardous: site.annexIHazardous,
        country: site.country,
        hasFootprint: site.footprint !== null,
      },
      zoneRule: {
        id: zones.ruleId,
        kasClass: zones.kasClass,
        assumption: zones.assumption,
        reason: zones.reason,
      },
      zones: zoneFeatures(site, zones),
      receptors: Object.fromEntries(ZONES.map((z) => [z, found.filter((f) => f.zone === z)])),
      table: 'data/consultation-zones.json',
    });
  });

  r.post('/planning/review', strictQuery(), (req, res) => {
    const parsed = ReviewBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      throw validationError(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        'The review request is invalid: send {geometry, developmentType, name?}.',
      );
    }
    const geo = validateGeometry(parsed.data.geometry, {
      allowed: ['Point', 'Polygon'],
      maxPositions: MAX_REVIEW_POSITIONS,
    });
    if (!geo.ok) {
      const issues = geo.issues.map((i) => ({
        path: i.path ? `geometry.${i.path}` : 'geometry',
        message: i.message,
      }));
      throw new HttpError(
        400,
        'INVALID_GEOMETRY',
        `Fix the geometry: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    const geometry = geo.geometry as Point | Polygon;
    const box = grow(turfBbox(geometry) as Box, maxOuterRadiusM(table) / 1000 + FOOTPRINT_SEARCH_MARGIN_KM);
    const result = reviewDevelopment(
      table,
      { geometry, developmentType: parsed.data.developmentType, name: parsed.data.name ?? null },
      sitesInBox(db, box),
    );
    res.json({
      ...result,
      upstream: parsed.data.developmentType === 'water_intake' ? upstreamOf(geometry) : null,
    });
  });

  /** Registered sites within the table's travel time upstream of a water intake. */
  function upstreamOf(geometry: Point | Polygon) {
    const [lon, lat] = (
      geometry.type === 'Point' ? geometry.coordinates : centroid(geometry).geometry.coordinates
    ) as [number, number];
    const maxHours = table.waterIntakeUpstreamHours;
    const located = snapRequest(services.network, services.land, {
      lon,
      lat,
      snapMaxKm: undefined,
      river: null,
    });
    if (!located.ok) return { maxHours, ok: false as const, code: located.code, message: located.message };
    return {
      maxHours,
      ok: true as const,
      ...upstreamReport(services.upstream, located.snap, { maxHours, limit: 200 }, inRange, VELOCITY_MODEL),
    };
  }

  r.get('/screening/border', (req, res) => {
    const q = parseQuery(BorderQuery, req);
    const borderWithinKm = q.borderWithinKm ?? q.withinKm;
    const flags = borderScreening(borderCandidates(db, borderWithinKm, q.withinKm), {
      withinKm: q.withinKm,
      borderWithinKm,
    });
    res.json({
      withinKm: q.withinKm,
      borderWithinKm,
      screened: siteCount(db),
      total: flags.length,
      sites: flags,
    });
  });

  r.get('/screening/natech', (req, res) => {
    const q = parseQuery(NatechQuery, req);
    const net = services.network;
    const floodZonesNear = (site: { lon: number; lat: number; footprint: unknown }): FloodZone[] => {
      const box: Box = site.footprint
        ? (turfBbox(site.footprint as Polygon) as Box)
        : [site.lon, site.lat, site.lon, site.lat];
      return listReceptors(db, { bbox: box, kinds: ['flood_zone'], limit: 10_000 })
        .items.filter((z) => z.geometry.type !== 'Point')
        .map((z) => ({ id: z.id, name: z.name, geometry: z.geometry as FloodZone['geometry'] }));
    };
    const nearestRiver = (lon: number, lat: number, maxKm: number) => {
      if (maxKm <= 0) return null;
      const hit = net.snapIndex.nearest(lon, lat, maxKm);
      return hit ? { river: net.reaches[hit.line]?.name ?? null, distanceKm: hit.distanceKm } : null;
    };
    const flags = natechScreening(allSiteShapes(db), q.riverWithinM, floodZonesNear, nearestRiver);
    res.json({ riverWithinM: q.riverWithinM, screened: siteCount(db), total: flags.length, sites: flags });
  });

  return r;
}
