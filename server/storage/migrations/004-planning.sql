-- Land-use planning: user-imported receptor layers (water intakes, schools, hospitals, protected
-- areas, flood-hazard zones, ...) as points or polygons, with an R*Tree over their bounding boxes.
CREATE TABLE receptors (
  rid INTEGER PRIMARY KEY,             -- integer key for the R*Tree
  id TEXT NOT NULL UNIQUE,             -- UUID used by the API
  kind TEXT NOT NULL,                  -- 'water_intake' | 'school' | 'hospital' | 'protected_area' | 'flood_zone' | ...
  name TEXT NOT NULL,
  population INTEGER,                  -- people served or present, when known
  geometry TEXT NOT NULL,              -- GeoJSON Point | Polygon | MultiPolygon (WGS84)
  lon REAL NOT NULL,                   -- representative point (the point, or the polygon's centroid)
  lat REAL NOT NULL,
  properties TEXT NOT NULL DEFAULT '{}', -- other attributes from the import, JSON object
  created_at TEXT NOT NULL
);
CREATE INDEX receptors_kind ON receptors (kind);
CREATE VIRTUAL TABLE receptors_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);

-- Border screening filters on these derived distances (site_derived comes from migration 002).
CREATE INDEX site_derived_border_distance ON site_derived (distance_to_border_km);
CREATE INDEX site_derived_km_to_border ON site_derived (km_to_first_border);
