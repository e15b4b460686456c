-- Social media and forums (C2): each source posts signed webhooks
-- (HMAC-SHA256 under its sealed secret); social_events remembers every
-- event id it took, so a replay or a resend stores nothing twice.
-- conversations.public_thread marks a conversation begun by a public post.
CREATE TABLE social_sources (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sealed_secret BLOB NOT NULL,
  reply_url TEXT NOT NULL,
  queue_id INTEGER NOT NULL REFERENCES queues (id),
  active INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE social_events (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES social_sources (id),
  event_id TEXT NOT NULL,
  message_id INTEGER REFERENCES messages (id),
  received_at INTEGER NOT NULL,
  UNIQUE (source_id, event_id)
);
ALTER TABLE conversations ADD COLUMN public_thread INTEGER NOT NULL DEFAULT 0;
