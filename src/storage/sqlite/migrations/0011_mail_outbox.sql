-- Replies the desk sends by e-mail. The message row says how far it got
-- (messages.delivery: queued, sending, sent, failed, uncertain; NULL for
-- messages the desk does not send), written in the same transaction as the
-- message; mail_outbox keeps each send's Message-ID (chosen once, so a
-- retry is the same message), its attempts and the server's last answer.
ALTER TABLE messages ADD COLUMN delivery TEXT;
CREATE INDEX messages_delivery ON messages (delivery, id);

CREATE TABLE mail_outbox (
  message_id INTEGER PRIMARY KEY REFERENCES messages (id),
  rfc_message_id TEXT UNIQUE,
  mailbox_id INTEGER,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  data_started INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  sent_at INTEGER,
  updated_at INTEGER NOT NULL
);

-- The desk's one outbox job (MailOutbox::EnsureJob), set by compare and set.
CREATE TABLE mail_outbox_job (
  singleton INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL
);
