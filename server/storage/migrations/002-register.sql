-- The register of hazardous sites: the system of record (sites, substances, TMF attributes) plus
-- fields derived from the river network and hazard indices, recomputed on every write.
CREATE TABLE sites (
  id TEXT PRIMARY KEY,                 -- UUID
  rid INTEGER NOT NULL UNIQUE,         -- stable integer key for the R*Tree (rtree ids must be integers)
  name TEXT NOT NULL,
  name_local TEXT,
  search_text TEXT NOT NULL,           -- lower-cased, diacritics-stripped name + name_local for q=
  name_key TEXT NOT NULL,              -- normalised name used for duplicate detection
  kind TEXT NOT NULL,
  sector TEXT,
  operator TEXT,
  status TEXT,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  footprint TEXT,                      -- GeoJSON Polygon/MultiPolygon
  address TEXT,
  locality TEXT,
  receiving_river TEXT,
  notes TEXT,
  sources TEXT NOT NULL DEFAULT '[]',  -- JSON array
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX sites_kind ON sites (kind);
CREATE INDEX sites_sector ON sites (sector);
CREATE INDEX sites_status ON sites (status);
CREATE INDEX sites_updated ON sites (updated_at);
CREATE INDEX sites_name_key ON sites (name_key);
CREATE VIRTUAL TABLE sites_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE site_substances (
  site_id TEXT NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,                -- keeps the order the user gave
  name TEXT NOT NULL,
  cas TEXT,
  annex_i_category TEXT,
  quantity_tonnes REAL,
  wgk INTEGER,                         -- German water hazard class 1|2|3; 'nwg' stays text (INTEGER affinity)
  estimate INTEGER NOT NULL DEFAULT 0, -- 1 when the quantity is an estimate
  PRIMARY KEY (site_id, ord)
);

-- Tailings management facility attributes; only for sites of kind 'tmf'. Stored as JSON because the
-- attribute set follows the TMF methodology schema (validated by zod before it reaches here).
CREATE TABLE site_tmf (
  site_id TEXT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
  attributes TEXT NOT NULL
);

CREATE TABLE site_derived (
  site_id TEXT PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
  country_iso3 TEXT,
  country_name TEXT,
  basin_id INTEGER,
  basin_name TEXT,
  outlet_name TEXT,
  outlet_kind TEXT,
  river TEXT,
  snap_distance_km REAL,
  downstream_countries TEXT NOT NULL DEFAULT '[]',
  km_to_first_border REAL,
  distance_to_border_km REAL,
  annex_i TEXT,                        -- JSON classification with breakdown
  annex_i_hazardous INTEGER NOT NULL DEFAULT 0,
  wri REAL,
  wri_class TEXT,
  wri_breakdown TEXT,
  thi REAL,
  thi_class TEXT,
  thi_breakdown TEXT,
  derived_at TEXT NOT NULL
);
CREATE INDEX site_derived_country ON site_derived (country_iso3);
CREATE INDEX site_derived_basin ON site_derived (basin_id);
CREATE INDEX site_derived_basin_name ON site_derived (basin_name COLLATE NOCASE);
CREATE INDEX site_derived_wri ON site_derived (wri);
CREATE INDEX site_derived_thi ON site_derived (thi);
