// Sites' places on the river network in site_derived (migration 003): column mapping, the pre-order
// range lookup used by upstream queries, and the start-up check that fills in or renumbers them.
import type { HydrologyProvider } from '../core/register/hydrology.js';
import type { RiverNetwork } from '../core/trace/river-network.js';
import type { CountryEntry, SitePosition } from '../core/upstream/site-position.js';
import { upstreamIndexOf } from '../core/upstream/upstream-index.js';
import type { Db } from './db.js';

/** reach_id, reach_offset_km, tree_pre, country_entries, in that order. */
export function positionColumns(p: SitePosition | null): (number | string | null)[] {
  return p ? [p.reachId, p.offsetKm, p.treePre, JSON.stringify(p.countryEntries)] : [null, null, null, null];
}

export function positionOf(row: {
  reach_id: number | null;
  reach_offset_km: number | null;
  tree_pre: number | null;
  country_entries: string | null;
}): SitePosition | null {
  if (row.reach_id === null || row.reach_offset_km === null || row.tree_pre === null) return null;
  return {
    reachId: row.reach_id,
    offsetKm: row.reach_offset_km,
    treePre: row.tree_pre,
    countryEntries: row.country_entries ? (JSON.parse(row.country_entries) as CountryEntry[]) : [],
  };
}

/**
 * Makes every site's stored position agree with the loaded network: fills in rows derived before
 * migration 003 (or on another network) and renumbers pre-order numbers if the numbering changed.
 * One transaction; a no-op (two indexed reads) when everything is current. A site that drains straight
 * into a terminal lake (no basin id, the lake as outlet) has no reach: that is its connection, not a gap.
 */
export function syncSitePositions(db: Db, net: RiverNetwork, hydrology: HydrologyProvider): number {
  const ix = upstreamIndexOf(net);
  const n = net.reaches.length;
  return db.transaction(() => {
    const stale = db
      .prepare(`SELECT s.id, s.lon, s.lat, s.receiving_river FROM site_derived d JOIN sites s ON s.id = d.site_id
        WHERE (d.reach_id IS NULL AND d.snap_distance_km IS NOT NULL
            AND NOT (d.basin_id IS NULL AND d.outlet_kind = 'terminal_lake'))
          OR d.reach_id >= ?`)
      .all(n) as { id: string; lon: number; lat: number; receiving_river: string | null }[];
    const setAll = db.prepare(
      'UPDATE site_derived SET reach_id = ?, reach_offset_km = ?, tree_pre = ?, country_entries = ? WHERE site_id = ?',
    );
    for (const s of stale) {
      const position = hydrology.describe(s.lon, s.lat, s.receiving_river).position ?? null;
      setAll.run(...positionColumns(position), s.id);
    }
    const rows = db
      .prepare('SELECT site_id, reach_id, tree_pre FROM site_derived WHERE reach_id IS NOT NULL')
      .all() as { site_id: string; reach_id: number; tree_pre: number }[];
    const setPre = db.prepare('UPDATE site_derived SET tree_pre = ? WHERE site_id = ?');
    let renumbered = 0;
    for (const r of rows) {
      const pre = ix.pre[r.reach_id]!;
      if (pre !== r.tree_pre) {
        setPre.run(pre, r.site_id);
        renumbered += 1;
      }
    }
    return stale.length + renumbered;
  })();
}
