-- An address mail to which bounced: the last bounce's words and when. It is
-- cleared when the customer writes from that address again.
ALTER TABLE identities ADD COLUMN failing TEXT;
ALTER TABLE identities ADD COLUMN failing_at BIGINT;
