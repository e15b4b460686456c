-- Bytes the desk keeps by the SHA-256 of their content: e-mail attachments
-- and raw messages, each stored once however often it arrives, compressed
-- (zlib) when that saves space. A message names the raw e-mail it was read
-- from, so it can be read again after a parser fix. The same as
-- storage/sqlite's 0008.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size_bytes BIGINT NOT NULL,
  compression TEXT NOT NULL,
  data BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
ALTER TABLE messages ADD COLUMN raw_sha256 TEXT;
