-- Read receipts of a chat: the newest message each side has seen (the
-- visitor of the agents' messages, an agent of the visitor's).
ALTER TABLE chats ADD COLUMN visitor_read_id INTEGER;
ALTER TABLE chats ADD COLUMN agent_read_id INTEGER;
