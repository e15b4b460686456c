-- E-mail (and any channel with its own message ids): each message keeps the
-- channel's id (an e-mail's Message-ID), unique, so one message is never
-- stored twice and replies find their conversation; attachments keep the
-- hash of their bytes and where an e-mail showed them. The same columns as
-- storage/sqlite's 0007.
ALTER TABLE messages ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX messages_external_id ON messages (external_id);
ALTER TABLE message_attachments ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE message_attachments ADD COLUMN content_id TEXT NOT NULL DEFAULT '';
ALTER TABLE message_attachments ADD COLUMN inline BOOLEAN NOT NULL DEFAULT FALSE;
