-- The user an access_changed event is about: every node closes that user's
-- live streams (logout, deactivation, a new role or password).
ALTER TABLE live_events ADD COLUMN user_id BIGINT;
