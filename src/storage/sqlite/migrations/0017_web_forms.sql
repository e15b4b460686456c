-- Public web forms (C2): /forms/<slug> takes questions without a login and
-- opens conversations on channel 'webform' in the form's queue.
CREATE TABLE web_forms (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  queue_id INTEGER NOT NULL REFERENCES queues (id),
  active INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
