-- An edited resend of a failed reply: whom it goes to when an agent chose
-- another of the customer's addresses, and the reply it replaces (that one
-- is cancelled).
ALTER TABLE mail_outbox ADD COLUMN to_address TEXT;
ALTER TABLE mail_outbox ADD COLUMN replaces_message_id BIGINT REFERENCES messages (id);
