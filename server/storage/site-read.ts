// Loads full site records (fields, substances, TMF attributes, derived fields) by id, in batches.
import type { Polygon } from 'geojson';
import type {
  SiteDerived,
  SiteFields,
  SiteRecord,
  SubstanceFields,
  TmfFields,
} from '../core/register/site-record.js';
import type { Db } from './db.js';
import { positionOf } from './site-positions.js';

interface SiteRow {
  id: string;
  name: string;
  name_local: string | null;
  kind: SiteFields['kind'];
  sector: SiteFields['sector'];
  operator: string | null;
  status: SiteFields['status'];
  lon: number;
  lat: number;
  footprint: string | null;
  address: string | null;
  locality: string | null;
  receiving_river: string | null;
  notes: string | null;
  sources: string;
  created_at: string;
  updated_at: string;
  version: number;
}

interface SubstanceRow {
  site_id: string;
  name: string;
  cas: string | null;
  annex_i_category: string | null;
  quantity_tonnes: number;
  wgk: 1 | 2 | 3 | 'nwg';
  estimate: number;
}

interface DerivedRow {
  site_id: string;
  country_iso3: string | null;
  country_name: string | null;
  basin_id: number | null;
  basin_name: string | null;
  outlet_name: string | null;
  outlet_kind: string | null;
  river: string | null;
  snap_distance_km: number | null;
  river_ru: string | null;
  downstream_countries: string;
  km_to_first_border: number | null;
  distance_to_border_km: number | null;
  annex_i: string | null;
  annex_i_hazardous: number;
  wri: number | null;
  wri_class: string | null;
  wri_breakdown: string | null;
  thi: number | null;
  thi_class: string | null;
  thi_breakdown: string | null;
  derived_at: string;
  reach_id: number | null;
  reach_offset_km: number | null;
  tree_pre: number | null;
  country_entries: string | null;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

/** SQLite's default limit on bound parameters is well above this; chunks keep statements small. */
const CHUNK = 500;

/** Records for `ids`, in the same order; unknown ids are skipped. */
export function readSites(db: Db, ids: readonly string[]): SiteRecord[] {
  const out: SiteRecord[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...readChunk(db, ids.slice(i, i + CHUNK)));
  return out;
}

function readChunk(db: Db, ids: readonly string[]): SiteRecord[] {
  if (ids.length === 0) return [];
  const marks = ids.map(() => '?').join(', ');
  const rows = db.prepare(`SELECT * FROM sites WHERE id IN (${marks})`).all(...ids) as SiteRow[];
  const substances = new Map<string, SubstanceFields[]>();
  for (const s of db
    .prepare(`SELECT * FROM site_substances WHERE site_id IN (${marks}) ORDER BY site_id, ord`)
    .all(...ids) as SubstanceRow[]) {
    const list = substances.get(s.site_id) ?? [];
    list.push({
      name: s.name,
      casNumber: s.cas,
      annexICategory: s.annex_i_category,
      quantityTonnes: s.quantity_tonnes,
      wgk: s.wgk,
      estimate: s.estimate === 1,
    });
    substances.set(s.site_id, list);
  }
  const tmf = new Map<string, TmfFields>();
  for (const t of db.prepare(`SELECT * FROM site_tmf WHERE site_id IN (${marks})`).all(...ids) as {
    site_id: string;
    attributes: string;
  }[]) {
    tmf.set(t.site_id, JSON.parse(t.attributes) as TmfFields);
  }
  const derived = new Map<string, SiteDerived>();
  for (const d of db
    .prepare(`SELECT d.*, r.name_ru AS river_ru FROM site_derived d LEFT JOIN net_reaches r ON r.id = d.reach_id
        WHERE d.site_id IN (${marks})`)
    .all(...ids) as DerivedRow[]) {
    derived.set(d.site_id, {
      ...toDerived(d),
      basinNameRu: basinNamesRu(db).get(`${d.basin_id}|${d.basin_name}`) ?? null,
    });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: SiteRecord[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    out.push({
      id: r.id,
      name: r.name,
      nameLocal: r.name_local,
      kind: r.kind,
      sector: r.sector,
      operator: r.operator,
      status: r.status,
      location: { lon: r.lon, lat: r.lat },
      footprint: parse(r.footprint) as Polygon | null,
      address: r.address,
      locality: r.locality,
      receivingRiver: r.receiving_river,
      notes: r.notes,
      sources: parse(r.sources) as SiteRecord['sources'],
      substances: substances.get(id) ?? [],
      tmf: tmf.get(id) ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
      derived: derived.get(id) ?? null,
    });
  }
  return out;
}

function toDerived(d: DerivedRow): SiteDerived {
  return {
    countryIso3: d.country_iso3,
    countryName: d.country_name,
    basinId: d.basin_id,
    basinName: d.basin_name,
    outletName: d.outlet_name,
    outletKind: d.outlet_kind,
    river: d.river,
    riverRu: d.river_ru ?? null,
    basinNameRu: null,
    snapDistanceKm: d.snap_distance_km,
    downstreamCountries: parse(d.downstream_countries) as string[],
    kmToFirstBorder: d.km_to_first_border,
    distanceToBorderKm: d.distance_to_border_km,
    annexI: parse(d.annex_i),
    annexIHazardous: d.annex_i_hazardous === 1,
    wri: d.wri,
    wriClass: d.wri_class,
    wriBreakdown: parse(d.wri_breakdown),
    thi: d.thi,
    thiClass: d.thi_class,
    thiBreakdown: parse(d.thi_breakdown),
    derivedAt: d.derived_at,
    position: positionOf(d),
  };
}

const basinNamesRuByDb = new WeakMap<Db, Map<string, string>>();
/**
 * A basin is named after its main river, so its Russian name is that river's reviewed one in the basin
 * ("basinId|name" → Russian). Read once per connection: the network does not change under a live one.
 */
function basinNamesRu(db: Db): Map<string, string> {
  let names = basinNamesRuByDb.get(db);
  if (!names) {
    const rows = db
      .prepare(
        'SELECT basin_id AS basinId, name, MIN(name_ru) AS nameRu FROM net_reaches WHERE name_ru IS NOT NULL GROUP BY basin_id, name',
      )
      .all() as { basinId: number; name: string; nameRu: string }[];
    names = new Map(rows.map((r) => [`${r.basinId}|${r.name}`, r.nameRu]));
    basinNamesRuByDb.set(db, names);
  }
  return names;
}
