-- An audit entry keeps what a search or filtered list asked for (the query
-- string), so the trail of one customer shows why they turned up in a list.
ALTER TABLE audit_log ADD COLUMN query TEXT NOT NULL DEFAULT '';
