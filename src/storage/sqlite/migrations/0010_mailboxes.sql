-- IMAP mailboxes a queue's mail is fetched from. The secret (password or
-- OAuth token) is sealed by the server's key (auth/secret_box.h) and never
-- leaves the server; uidvalidity and last_uid say how far the folder was
-- taken; the counts say what became of every message.
CREATE TABLE mailboxes (
  id INTEGER PRIMARY KEY,
  queue_id INTEGER NOT NULL REFERENCES queues (id),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  security TEXT NOT NULL,
  username TEXT NOT NULL,
  auth TEXT NOT NULL,
  sealed_secret BLOB NOT NULL,
  folder TEXT NOT NULL,
  poll_seconds INTEGER NOT NULL,
  after_import TEXT NOT NULL,
  move_to TEXT NOT NULL,
  smtp_host TEXT NOT NULL,
  smtp_port INTEGER NOT NULL,
  smtp_security TEXT NOT NULL,
  from_name TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  uidvalidity INTEGER,
  last_uid INTEGER NOT NULL DEFAULT 0,
  health TEXT NOT NULL DEFAULT 'new',
  last_error TEXT,
  last_error_at INTEGER,
  last_success_at INTEGER,
  failures INTEGER NOT NULL DEFAULT 0,
  received INTEGER NOT NULL DEFAULT 0,
  imported INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  ignored INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  poll_job_id INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX mailboxes_queue ON mailboxes (queue_id);

-- What each mailbox delivered, by message key (Message-ID, or the raw
-- hash): a rebuilt folder (new UIDVALIDITY) never brings mail back.
CREATE TABLE mailbox_seen (
  mailbox_id INTEGER NOT NULL REFERENCES mailboxes (id) ON DELETE CASCADE,
  message_key TEXT NOT NULL,
  PRIMARY KEY (mailbox_id, message_key)
);
