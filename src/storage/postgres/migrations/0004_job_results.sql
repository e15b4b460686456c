-- Jobs keep who asked for them and what they produced (a subject export's
-- document), so the requester can fetch it from any node later. The same
-- columns as storage/sqlite's 0004.
ALTER TABLE jobs ADD COLUMN created_by BIGINT REFERENCES users (id);
ALTER TABLE jobs ADD COLUMN result TEXT;
