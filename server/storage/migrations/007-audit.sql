-- The security audit log: logins (success and failure), refused requests, and changes to accounts,
-- tokens, receptors and site history (site edits themselves are in site_history). Append-only.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'refused')),
  actor TEXT,
  user_id INTEGER,
  token_id INTEGER,
  client TEXT,
  target TEXT,
  details TEXT
);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_at ON audit_log (at);
