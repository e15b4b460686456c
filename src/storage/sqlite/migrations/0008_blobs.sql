-- Bytes the desk keeps by the SHA-256 of their content: e-mail attachments
-- and raw messages, each stored once however often it arrives, compressed
-- (zlib) when that saves space. A message names the raw e-mail it was read
-- from, so it can be read again after a parser fix.
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size_bytes INTEGER NOT NULL,
  compression TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
ALTER TABLE messages ADD COLUMN raw_sha256 TEXT;
