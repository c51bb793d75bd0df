-- Resolved river names per reach (data/river-names.json, Natural Earth name and name_alt, inference):
-- `name` holds the resolved name; these keep Natural Earth's own, the local and Russian names, where
-- the name came from, and whether the reach is a delta arm. Filled by `npm run build:db`.
ALTER TABLE net_reaches ADD COLUMN name_ne TEXT;
ALTER TABLE net_reaches ADD COLUMN name_local TEXT;
ALTER TABLE net_reaches ADD COLUMN name_ru TEXT;
ALTER TABLE net_reaches ADD COLUMN name_source TEXT NOT NULL DEFAULT 'natural_earth'; -- reviewed | natural_earth | name_alt | inferred
ALTER TABLE net_reaches ADD COLUMN arm INTEGER NOT NULL DEFAULT 0;
