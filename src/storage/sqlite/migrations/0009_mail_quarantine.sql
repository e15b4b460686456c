-- Mail that could not be read as a message (no header at all, a sender the
-- desk cannot accept): kept with the reason, for an admin to process again
-- after a fix or to discard; it never blocks the mail after it.
CREATE TABLE mail_quarantine (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  queue_id INTEGER REFERENCES queues (id),
  raw_sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  reason TEXT NOT NULL,
  state TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  resolved_at INTEGER,
  resolved_by INTEGER REFERENCES users (id)
);
CREATE INDEX mail_quarantine_state ON mail_quarantine (state, id);
