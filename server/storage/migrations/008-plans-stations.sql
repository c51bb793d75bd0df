-- Joint contingency plans (with history like sites), their contact points (organisations only),
-- monitoring and warning stations snapped to the network, and table-top exercises with their action log.
CREATE TABLE plans (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- JSON: the plan's fields (countries, rivers, rule, languages, documents, sources, example flags).
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

-- Every change to a plan; before/after hold the plan's fields as JSON.
CREATE TABLE plan_history (
  id INTEGER PRIMARY KEY,
  plan_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  user_id INTEGER,
  token_id INTEGER,
  version INTEGER,
  before TEXT,
  after TEXT
);
CREATE INDEX plan_history_plan ON plan_history (plan_id, id);

-- Points of contact of a plan, one organisation per row (never private persons in seed data).
CREATE TABLE plan_contacts (
  id INTEGER PRIMARY KEY,
  plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  iso3 TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('competent_authority', 'point_of_contact_24_7', 'other')),
  organisation TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  fax TEXT,
  languages TEXT NOT NULL DEFAULT '[]',
  hours TEXT,
  source TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_contacts_plan ON plan_contacts (plan_id, iso3);

-- Stations: the user's fields plus their place on the network (derived on write, re-derived when the
-- network changes: `network_built_at` records which network the derived columns belong to).
CREATE TABLE stations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  lon REAL NOT NULL,
  lat REAL NOT NULL,
  country TEXT,
  operator TEXT,
  river_hint TEXT,
  body TEXT NOT NULL,
  river TEXT,
  river_km REAL,
  reach_id INTEGER,
  reach_offset_km REAL,
  snap_distance_km REAL,
  network_built_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX stations_reach ON stations (reach_id);

CREATE TABLE exercises (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- JSON: start (point or site), release parameters, startAt, plan id.
  scenario TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE exercise_actions (
  id INTEGER PRIMARY KEY,
  exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  iso3 TEXT,
  station_id TEXT,
  at TEXT NOT NULL,
  note TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL
);
CREATE INDEX exercise_actions_exercise ON exercise_actions (exercise_id, at);

-- Which seed sets were loaded once (so deleting every seeded plan does not bring them back).
CREATE TABLE seed_loads (
  name TEXT PRIMARY KEY,
  at TEXT NOT NULL
);
