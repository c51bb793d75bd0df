-- A change counter and a per-site change log for the register, kept by triggers so that every writer
-- (the server, the jobs worker, the CLI, a rebuild, a restore) is seen: the in-memory site index and
-- the HTTP answer cache compare the counter before each use and re-read only the sites that changed.
CREATE TABLE register_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL                   -- bumped by every row written to sites or site_derived
);
INSERT INTO register_generation (id, n) VALUES (1, 0);

-- One row per site ever written: the counter value of its last change (deleted sites stay listed).
CREATE TABLE site_changes (
  site_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX site_changes_seq ON site_changes (seq);

-- The upsert inside a trigger keeps its own conflict handling even under INSERT OR IGNORE/REPLACE.
CREATE TRIGGER sites_change_insert AFTER INSERT ON sites BEGIN
  UPDATE register_generation SET n = n + 1;
  INSERT INTO site_changes (site_id, seq) SELECT NEW.id, n FROM register_generation WHERE true
    ON CONFLICT (site_id) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER sites_change_update AFTER UPDATE ON sites BEGIN
  UPDATE register_generation SET n = n + 1;
  INSERT INTO site_changes (site_id, seq) SELECT OLD.id, n FROM register_generation WHERE true
    ON CONFLICT (site_id) DO UPDATE SET seq = excluded.seq;
  INSERT INTO site_changes (site_id, seq) SELECT NEW.id, n FROM register_generation WHERE true
    ON CONFLICT (site_id) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER sites_change_delete AFTER DELETE ON sites BEGIN
  UPDATE register_generation SET n = n + 1;
  INSERT INTO site_changes (site_id, seq) SELECT OLD.id, n FROM register_generation WHERE true
    ON CONFLICT (site_id) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER site_derived_change_insert AFTER INSERT ON site_derived BEGIN
  UPDATE register_generation SET n = n + 1;
  INSERT INTO site_changes (site_id, seq) SELECT NEW.site_id, n FROM register_generation WHERE true
    ON CONFLICT (site_id) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER site_derived_change_update AFTER UPDATE ON site_derived BEGIN
  UPDATE register_generation SET n = n + 1;
  INSERT INTO site_changes (site_id, seq) SELECT OLD.site_id, n FROM register_generation WHERE true
    ON CONFLICT (site_id) DO UPDATE SET seq = excluded.seq;
  INSERT INTO site_changes (site_id, seq) SELECT NEW.site_id, n FROM register_generation WHERE true
    ON CONFLICT (site_id) DO UPDATE SET seq = excluded.seq;
END;
CREATE TRIGGER site_derived_change_delete AFTER DELETE ON site_derived BEGIN
  UPDATE register_generation SET n = n + 1;
  INSERT INTO site_changes (site_id, seq) SELECT OLD.site_id, n FROM register_generation WHERE true
    ON CONFLICT (site_id) DO UPDATE SET seq = excluded.seq;
END;
