// Reads the place-finder's candidates: registered sites, countries (with their site counts and
// extents), Natural Earth populated places and named rivers (extent and length per river system).
import { bestMatches } from '../core/search/rank.js';
import type { Db } from './db.js';

type Bbox = [number, number, number, number];

export type SearchHit =
  | {
      kind: 'country';
      iso3: string;
      name: string;
      nameRu: string | null;
      bbox: Bbox | null;
      siteCount: number;
    }
  | { kind: 'site'; id: string; name: string; countryIso3: string | null; lon: number; lat: number }
  | {
      kind: 'place';
      name: string;
      /** Natural Earth name_ru, where the build's source has it. */
      nameRu: string | null;
      countryIso3: string | null;
      lon: number;
      lat: number;
      population: number | null;
    }
  | { kind: 'river'; name: string; nameRu: string | null; bbox: Bbox; lengthKm: number };

export const SEARCH_LIMITS = { country: 3, site: 8, countrySites: 30, place: 6, river: 5 } as const;

interface RiverRow {
  name: string;
  name_alt: string | null;
  name_ru: string | null;
  length_km: number;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
}

export function search(db: Db, q: string): SearchHit[] {
  const countries = bestMatches(
    db
      .prepare(
        `SELECT c.iso3, c.name, c.name_ru, r.min_lon, r.min_lat, r.max_lon, r.max_lat,
           (SELECT COUNT(*) FROM site_derived d WHERE d.country_iso3 = c.iso3) AS sites
         FROM geo_countries c LEFT JOIN geo_countries_rtree r ON r.id = c.id ORDER BY sites DESC, c.name`,
      )
      .all() as {
      iso3: string;
      name: string;
      name_ru: string | null;
      min_lon: number | null;
      min_lat: number;
      max_lon: number;
      max_lat: number;
      sites: number;
    }[],
    (c) => [c.name, c.name_ru ?? '', c.iso3],
    q,
    SEARCH_LIMITS.country,
  );
  const hits: SearchHit[] = countries.map((c) => ({
    kind: 'country',
    iso3: c.iso3,
    name: c.name,
    nameRu: c.name_ru,
    bbox: c.min_lon === null ? null : [c.min_lon, c.min_lat, c.max_lon, c.max_lat],
    siteCount: c.sites,
  }));

  // A country's name lists that country's registered sites, then sites whose own names match.
  const siteRows = db
    .prepare(
      `SELECT s.id, s.name, s.name_local, s.lon, s.lat, d.country_iso3 AS iso3
       FROM sites s LEFT JOIN site_derived d ON d.site_id = s.id ORDER BY d.wri DESC NULLS LAST, s.name`,
    )
    .all() as {
    id: string;
    name: string;
    name_local: string | null;
    lon: number;
    lat: number;
    iso3: string | null;
  }[];
  const isos = new Set(countries.filter((c) => c.sites > 0).map((c) => c.iso3));
  const inCountry = siteRows
    .filter((s) => s.iso3 !== null && isos.has(s.iso3))
    .slice(0, SEARCH_LIMITS.countrySites);
  const byName = bestMatches(siteRows, (s) => [s.name, s.name_local ?? ''], q, SEARCH_LIMITS.site);
  const seen = new Set<string>();
  for (const s of [...byName, ...inCountry]) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    hits.push({ kind: 'site', id: s.id, name: s.name, countryIso3: s.iso3, lon: s.lon, lat: s.lat });
  }

  const places = bestMatches(
    db
      .prepare(
        'SELECT name, name_ru, adm0_a3, pop_max, lon, lat FROM geo_places ORDER BY scalerank, pop_max DESC',
      )
      .all() as {
      name: string;
      name_ru: string | null;
      adm0_a3: string | null;
      pop_max: number | null;
      lon: number;
      lat: number;
    }[],
    (p) => [p.name, p.name_ru ?? ''],
    q,
    SEARCH_LIMITS.place,
  );
  for (const p of places)
    hits.push({
      kind: 'place',
      name: p.name,
      nameRu: p.name_ru,
      countryIso3: p.adm0_a3,
      lon: p.lon,
      lat: p.lat,
      population: p.pop_max,
    });

  // One hit per river name and river system (basin), longest first.
  const rivers = bestMatches(
    db
      .prepare(
        `SELECT r.name, MIN(r.name_alt) AS name_alt, MIN(r.name_ru) AS name_ru, SUM(r.length_km) AS length_km, MIN(t.min_lon) AS min_lon,
           MIN(t.min_lat) AS min_lat, MAX(t.max_lon) AS max_lon, MAX(t.max_lat) AS max_lat
         FROM net_reaches r JOIN net_reaches_rtree t ON t.id = r.id
         WHERE r.name IS NOT NULL AND r.name <> ''
         GROUP BY r.name, r.basin_id ORDER BY length_km DESC`,
      )
      .all() as RiverRow[],
    (r) => [r.name, r.name_ru ?? '', ...altNames(r.name_alt)],
    q,
    SEARCH_LIMITS.river,
  );
  for (const r of rivers)
    hits.push({
      kind: 'river',
      name: r.name,
      nameRu: r.name_ru,
      bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
      lengthKm: Math.round(r.length_km),
    });
  return hits;
}

function altNames(json: string | null): string[] {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Countries that hold registered sites, by name, with their counts (the list's country filter). */
export function countriesWithSites(
  db: Db,
): { iso3: string; name: string; nameRu: string | null; siteCount: number }[] {
  return db
    .prepare(
      `SELECT d.country_iso3 AS iso3, MIN(d.country_name) AS name,
         (SELECT c.name_ru FROM geo_countries c WHERE c.iso3 = d.country_iso3 LIMIT 1) AS nameRu,
         COUNT(*) AS siteCount
       FROM site_derived d JOIN sites s ON s.id = d.site_id
       WHERE d.country_iso3 IS NOT NULL GROUP BY d.country_iso3 ORDER BY name`,
    )
    .all() as { iso3: string; name: string; nameRu: string | null; siteCount: number }[];
}

/** Every country's English and Russian name by ISO3 (the client names countries in the UI language). */
export function countryNames(db: Db): { iso3: string; name: string; nameRu: string | null }[] {
  return db
    .prepare(
      'SELECT iso3, MIN(name) AS name, MIN(name_ru) AS nameRu FROM geo_countries GROUP BY iso3 ORDER BY iso3',
    )
    .all() as { iso3: string; name: string; nameRu: string | null }[];
}
