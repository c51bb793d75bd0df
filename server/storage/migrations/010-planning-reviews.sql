-- Saved planning reviews (issue 13): the request as sent, the answer the server computed when saving
-- (so a reopened review shows the verdict as it was, even after the register or the rules change),
-- who saved it and when, and the case title and reference.
CREATE TABLE planning_reviews (
  id TEXT PRIMARY KEY,                 -- UUID
  title TEXT NOT NULL,
  reference TEXT,
  development_type TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('advise_against', 'advise_with_conditions', 'do_not_advise_against')),
  request TEXT NOT NULL,               -- JSON {geometry, developmentType, name}
  answer TEXT NOT NULL,                -- JSON: the POST /api/planning/review answer at save time
  author TEXT NOT NULL,                -- the actor's label (user, token or cli)
  user_id INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX planning_reviews_created ON planning_reviews (created_at DESC, id);
