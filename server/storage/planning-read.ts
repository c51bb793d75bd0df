// Reads for safety zones and planning: sites near a box (sites R*Tree), populated places and
// receptors near a box (their R*Trees), and the derived fields border and natech screening use.
import type { MultiPolygon, Polygon } from 'geojson';
import type { ReviewSite } from '../core/planning/review.js';
import type { ReceptorCandidate } from '../core/planning/site-zones.js';
import type { Db } from './db.js';
import { listReceptors } from './receptor-store.js';

export type Box = [number, number, number, number];

interface SiteRow {
  id: string;
  name: string;
  kind: string;
  sector: string | null;
  lon: number;
  lat: number;
  footprint: string | null;
  country_iso3: string | null;
  annex_i_hazardous: number | null;
}

const SITE_COLUMNS = `s.id, s.name, s.kind, s.sector, s.lon, s.lat, s.footprint, d.country_iso3,
  d.annex_i_hazardous`;

const toReviewSite = (r: SiteRow): ReviewSite => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  sector: r.sector,
  annexIHazardous: r.annex_i_hazardous === 1,
  country: r.country_iso3,
  lon: r.lon,
  lat: r.lat,
  footprint: r.footprint ? (JSON.parse(r.footprint) as Polygon | MultiPolygon) : null,
});

/** Sites whose location lies in the box (R*Tree lookup), optionally only those with a footprint. */
export function sitesInBox(
  db: Db,
  [w, s, e, n]: Box,
  options: { footprintOnly?: boolean } = {},
): ReviewSite[] {
  const rows = db
    .prepare(`SELECT ${SITE_COLUMNS} FROM sites_rtree t CROSS JOIN sites s ON s.rid = t.id
      LEFT JOIN site_derived d ON d.site_id = s.id
      WHERE t.max_lon >= ? AND t.min_lon <= ? AND t.max_lat >= ? AND t.min_lat <= ?
      ${options.footprintOnly ? 'AND s.footprint IS NOT NULL' : ''}`)
    .all(w, e, s, n) as SiteRow[];
  return rows.map(toReviewSite);
}

export function planningSite(db: Db, id: string): ReviewSite | null {
  const row = db
    .prepare(
      `SELECT ${SITE_COLUMNS} FROM sites s LEFT JOIN site_derived d ON d.site_id = s.id WHERE s.id = ?`,
    )
    .get(id) as SiteRow | undefined;
  return row ? toReviewSite(row) : null;
}

/** Populated places (Natural Earth) and imported receptors whose box meets `box`. */
export function receptorCandidates(db: Db, [w, s, e, n]: Box): ReceptorCandidate[] {
  const places = db
    .prepare(`SELECT p.id, p.name, p.pop_max, p.lon, p.lat FROM geo_places_rtree t
      CROSS JOIN geo_places p ON p.id = t.id
      WHERE t.max_lon >= ? AND t.min_lon <= ? AND t.max_lat >= ? AND t.min_lat <= ?`)
    .all(w, e, s, n) as { id: number; name: string; pop_max: number | null; lon: number; lat: number }[];
  const out: ReceptorCandidate[] = places.map((p) => ({
    source: 'place',
    id: String(p.id),
    name: p.name,
    kind: 'populated_place',
    population: p.pop_max,
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
  }));
  const { items } = listReceptors(db, { bbox: [w, s, e, n], limit: 100_000 });
  for (const r of items)
    out.push({
      source: 'receptor',
      id: r.id,
      name: r.name,
      kind: r.kind,
      population: r.population,
      geometry: r.geometry,
    });
  return out;
}

/** What border screening needs of every site with derived fields. */
export interface BorderRow {
  id: string;
  name: string;
  country: string | null;
  river: string | null;
  distanceToBorderKm: number | null;
  kmToFirstBorder: number | null;
  downstreamCountries: string[];
}

/**
 * Sites near a land border or whose river reaches one within `riverKm`, plus those whose river
 * runs in another country from the start (both distances use their indexes; the last test is a
 * JSON check over the remaining rows' first downstream country).
 */
export function borderCandidates(db: Db, borderKm: number, riverKm: number): BorderRow[] {
  const rows = db
    .prepare(`SELECT s.id, s.name, d.country_iso3, d.river, d.distance_to_border_km, d.km_to_first_border,
        d.downstream_countries FROM site_derived d JOIN sites s ON s.id = d.site_id
      WHERE d.distance_to_border_km <= ? OR d.km_to_first_border <= ?
        OR (json_array_length(d.downstream_countries) > 0
            AND json_extract(d.downstream_countries, '$[0]') IS NOT d.country_iso3)`)
    .all(borderKm, riverKm) as {
    id: string;
    name: string;
    country_iso3: string | null;
    river: string | null;
    distance_to_border_km: number | null;
    km_to_first_border: number | null;
    downstream_countries: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    country: r.country_iso3,
    river: r.river,
    distanceToBorderKm: r.distance_to_border_km,
    kmToFirstBorder: r.km_to_first_border,
    downstreamCountries: JSON.parse(r.downstream_countries) as string[],
  }));
}

export function siteCount(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM sites').pluck().get() as number;
}

/** Every site's location (natech screening tests each against the river index). */
export function allSiteShapes(db: Db): ReviewSite[] {
  const rows = db
    .prepare(
      `SELECT ${SITE_COLUMNS} FROM sites s LEFT JOIN site_derived d ON d.site_id = s.id ORDER BY s.name`,
    )
    .all() as SiteRow[];
  return rows.map(toReviewSite);
}
