-- One customer across doors (C2): pairs of customers who are probably one
-- person, with the evidence (one row per reason and detail), for a person
-- to merge or dismiss; the scan's index of name keys (domain NameKey) and
-- its progress.
CREATE TABLE duplicate_suggestions (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  other_id INTEGER NOT NULL REFERENCES customers (id),
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  decided_by INTEGER REFERENCES users (id),
  decided_at INTEGER,
  UNIQUE (customer_id, other_id),
  CHECK (customer_id < other_id)
);
CREATE INDEX duplicate_suggestions_open ON duplicate_suggestions (status, updated_at, id);
CREATE INDEX duplicate_suggestions_other ON duplicate_suggestions (other_id, status);
CREATE TABLE duplicate_evidence (
  suggestion_id INTEGER NOT NULL REFERENCES duplicate_suggestions (id),
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  door TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (suggestion_id, reason, detail)
);
CREATE TABLE customer_name_keys (
  customer_id INTEGER PRIMARY KEY REFERENCES customers (id),
  name_key TEXT NOT NULL
);
CREATE INDEX customer_name_keys_key ON customer_name_keys (name_key, customer_id);
CREATE TABLE duplicate_scan (
  singleton INTEGER PRIMARY KEY,
  scanned_up_to INTEGER NOT NULL,
  job_id INTEGER
);
