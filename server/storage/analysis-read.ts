// Reads for the upstream-threat query and the basin matrix: sites by pre-order range (index range
// scan on site_derived.tree_pre) and sites of a basin with their stored network positions.
import type { MatrixSite } from '../core/upstream/basin-matrix.js';
import type { UpstreamCandidate } from '../core/upstream/upstream-report.js';
import type { Db } from './db.js';
import { positionOf } from './site-positions.js';

interface CandidateRow {
  id: string;
  name: string;
  lon: number;
  lat: number;
  kind: string;
  sector: string | null;
  country: string | null;
  river: string | null;
  basin: string | null;
  wri: number | null;
  wri_class: string | null;
  thi: number | null;
  thi_class: string | null;
  annex_i_hazardous: number;
  reach_id: number;
  reach_offset_km: number;
  tree_pre: number;
}

/** A lookup of the sites whose reach is numbered preFrom..preTo (uses the tree_pre index). */
export function sitesInTreeRange(db: Db): (preFrom: number, preTo: number) => UpstreamCandidate[] {
  const stmt =
    db.prepare(`SELECT s.id, s.name, s.lon, s.lat, s.kind, s.sector, d.country_iso3 AS country, d.river,
      d.basin_name AS basin, d.wri, d.wri_class, d.thi, d.thi_class, d.annex_i_hazardous, d.reach_id,
      d.reach_offset_km, d.tree_pre
    FROM site_derived d INDEXED BY site_derived_tree_pre JOIN sites s ON s.id = d.site_id
    WHERE d.tree_pre BETWEEN ? AND ?`);
  return (preFrom, preTo) =>
    (stmt.all(preFrom, preTo) as CandidateRow[]).map((r) => ({
      id: r.id,
      name: r.name,
      location: { lon: r.lon, lat: r.lat },
      kind: r.kind,
      sector: r.sector,
      country: r.country,
      river: r.river,
      basin: r.basin,
      wri: r.wri,
      wriClass: r.wri_class,
      thi: r.thi,
      thiClass: r.thi_class,
      annexI: r.annex_i_hazardous === 1,
      reachId: r.reach_id,
      offsetKm: r.reach_offset_km,
      treePre: r.tree_pre,
    }));
}

/** The sites whose reach is numbered in any of the (disjoint) pre-order intervals. */
export function sitesInTreeRanges(
  db: Db,
  intervals: readonly (readonly [number, number])[],
): UpstreamCandidate[] {
  const lookup = sitesInTreeRange(db);
  return intervals.flatMap(([from, to]) => lookup(from, to));
}

/** Sites of one basin (by network basin id), or of the whole register when basinId is null. */
export function matrixSites(db: Db, basinId: number | null): MatrixSite[] {
  const rows = (
    basinId === null
      ? db
          .prepare(`SELECT site_id, country_iso3, annex_i_hazardous, wri, thi, reach_id, reach_offset_km,
          tree_pre, country_entries FROM site_derived`)
          .all()
      : db
          .prepare(`SELECT site_id, country_iso3, annex_i_hazardous, wri, thi, reach_id, reach_offset_km,
          tree_pre, country_entries FROM site_derived WHERE basin_id = ?`)
          .all(basinId)
  ) as {
    site_id: string;
    country_iso3: string | null;
    annex_i_hazardous: number;
    wri: number | null;
    thi: number | null;
    reach_id: number | null;
    reach_offset_km: number | null;
    tree_pre: number | null;
    country_entries: string | null;
  }[];
  return rows.map((r) => ({
    id: r.site_id,
    countryIso3: r.country_iso3,
    annexIHazardous: r.annex_i_hazardous === 1,
    wri: r.wri,
    thi: r.thi,
    position: positionOf(r),
  }));
}
