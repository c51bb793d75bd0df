-- Accounts (users, browser sessions, API tokens) and the audit history of the site register.
-- Secrets are stored only as hashes: passwords with scrypt, session and API tokens with SHA-256.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- One row per import that wrote sites (dry runs and failed imports write none).
CREATE TABLE site_imports (
  id TEXT PRIMARY KEY,
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  site_count INTEGER NOT NULL
);

-- Every change to a site: before/after hold the site's own fields (not derived values) as JSON.
CREATE TABLE site_history (
  id INTEGER PRIMARY KEY,
  site_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore', 'import')),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  user_id INTEGER,
  token_id INTEGER,
  import_id TEXT REFERENCES site_imports (id),
  version INTEGER,
  before TEXT,
  after TEXT
);
CREATE INDEX site_history_site ON site_history (site_id, id);
CREATE INDEX site_history_import ON site_history (import_id);

-- Soft-deleted sites: removed from the live tables (so every reader ignores them) and kept here whole
-- until restored. `record` is the site's fields as JSON, `version` the version it had when deleted.
CREATE TABLE sites_deleted (
  id TEXT PRIMARY KEY,
  record TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  deleted_by TEXT NOT NULL
);
