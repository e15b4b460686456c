-- Jobs keep who asked for them and what they produced (a subject export's
-- document), so the requester can fetch it from any node later.
ALTER TABLE jobs ADD COLUMN created_by INTEGER REFERENCES users (id);
ALTER TABLE jobs ADD COLUMN result TEXT;
