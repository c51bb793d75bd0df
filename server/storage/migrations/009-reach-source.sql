-- Imported networks (HydroRIVERS) keep the source's reach id and its long-term mean discharge;
-- both are NULL on a Natural Earth build.
ALTER TABLE net_reaches ADD COLUMN source_id INTEGER;     -- e.g. HYRIV_ID
ALTER TABLE net_reaches ADD COLUMN discharge_m3s REAL;    -- e.g. DIS_AV_CMS, m³/s
