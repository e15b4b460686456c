-- Replies the desk sends by e-mail (the same as storage/sqlite's 0011): the
-- message row says how far it got (messages.delivery); mail_outbox keeps
-- each send's Message-ID, attempts and the server's last answer.
ALTER TABLE messages ADD COLUMN delivery TEXT;
CREATE INDEX messages_delivery ON messages (delivery, id);

CREATE TABLE mail_outbox (
  message_id BIGINT PRIMARY KEY REFERENCES messages (id),
  rfc_message_id TEXT UNIQUE,
  mailbox_id BIGINT,
  attempts BIGINT NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  data_started BOOLEAN NOT NULL DEFAULT FALSE,
  last_error TEXT,
  sent_at BIGINT,
  updated_at BIGINT NOT NULL
);

-- The desk's one outbox job (MailOutbox::EnsureJob), set by compare and set.
CREATE TABLE mail_outbox_job (
  singleton BIGINT PRIMARY KEY,
  job_id BIGINT NOT NULL
);
