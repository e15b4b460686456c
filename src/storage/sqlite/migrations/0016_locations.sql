-- Shops and counters where customers walk in (C2), per department; a
-- walk-in is a conversation on channel 'shop' that names its location, so
-- contact volume per location is one indexed range.
CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  active INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (department_id, name)
);
ALTER TABLE conversations ADD COLUMN location_id INTEGER REFERENCES locations (id);
CREATE INDEX conversations_location ON conversations (location_id, created_at)
  WHERE location_id IS NOT NULL;
