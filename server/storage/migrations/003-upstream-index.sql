-- Where each site sits on the river network, for upstream queries and the basin matrix: the snapped
-- reach and offset, the reach's pre-order number in its main-path tree (range lookups), and the
-- points where its main downstream path enters each country. Derived like the other columns; rows
-- written before this migration are filled in when the services start (storage/site-positions.ts).
ALTER TABLE site_derived ADD COLUMN reach_id INTEGER;
ALTER TABLE site_derived ADD COLUMN reach_offset_km REAL;
ALTER TABLE site_derived ADD COLUMN tree_pre INTEGER;
ALTER TABLE site_derived ADD COLUMN country_entries TEXT;  -- JSON [{iso3, km, reachId, offsetKm}]
CREATE INDEX site_derived_tree_pre ON site_derived (tree_pre);
