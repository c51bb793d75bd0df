-- Geography derived from Natural Earth by scripts/build-db.ts. These tables are rebuilt wholesale
-- (in one transaction) on every build; nothing user-entered lives here.
CREATE TABLE net_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE net_nodes (
  id INTEGER PRIMARY KEY,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  outlet_id INTEGER            -- set when this node is an outlet
);

-- One oriented edge of the routed river network; coords are stored in flow direction.
CREATE TABLE net_reaches (
  id INTEGER PRIMARY KEY,
  from_node INTEGER NOT NULL,
  to_node INTEGER NOT NULL,
  name TEXT,
  name_alt TEXT,                -- JSON array of alternative names
  featurecla TEXT NOT NULL,     -- 'River' | 'Lake Centerline'
  scalerank INTEGER NOT NULL,
  source TEXT NOT NULL,         -- 'world' | 'europe'
  length_km REAL NOT NULL,
  reversed INTEGER NOT NULL,    -- 1 when flow runs against the digitised direction
  coords BLOB NOT NULL,         -- Float64Array lon,lat,lon,lat,...
  country_runs TEXT NOT NULL,   -- JSON [{fromKm,toKm,country,border:[a,b]|null}]
  country TEXT,                 -- majority ISO3 (for map styling)
  outlet_id INTEGER,            -- the outlet reached by the main downstream path
  basin_id INTEGER NOT NULL     -- weakly connected component of the network
);
CREATE VIRTUAL TABLE net_reaches_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE net_outlets (
  id INTEGER PRIMARY KEY,
  node_id INTEGER NOT NULL,
  kind TEXT NOT NULL,           -- 'sea' | 'terminal_lake' | 'inland_sink'
  name TEXT NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL
);

-- A basin is a connected river system; named after the largest river at its main outlet.
CREATE TABLE net_basins (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  main_outlet_id INTEGER,
  length_km REAL NOT NULL,
  min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL
);

CREATE TABLE geo_countries (
  id INTEGER PRIMARY KEY,
  adm0_a3 TEXT NOT NULL UNIQUE,
  iso3 TEXT NOT NULL,
  iso2 TEXT,
  name TEXT NOT NULL,
  geometry TEXT NOT NULL         -- GeoJSON geometry
);
CREATE VIRTUAL TABLE geo_countries_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE geo_boundaries (
  id INTEGER PRIMARY KEY,
  left_a3 TEXT NOT NULL,
  right_a3 TEXT NOT NULL,
  type TEXT,
  geometry TEXT NOT NULL
);
CREATE VIRTUAL TABLE geo_boundaries_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE geo_lakes (
  id INTEGER PRIMARY KEY,
  name TEXT,
  scalerank INTEGER,
  terminal INTEGER NOT NULL DEFAULT 0,
  geometry TEXT NOT NULL
);
CREATE VIRTUAL TABLE geo_lakes_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE geo_places (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  adm0_a3 TEXT,
  iso2 TEXT,
  pop_max INTEGER,
  scalerank INTEGER,
  lon REAL NOT NULL,
  lat REAL NOT NULL
);
CREATE VIRTUAL TABLE geo_places_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

CREATE TABLE geo_marine (
  id INTEGER PRIMARY KEY,
  name TEXT,
  featurecla TEXT,
  geometry TEXT NOT NULL
);
