-- Mail answering a closed conversation: per mailbox, reopen it ('reopen')
-- or open a new conversation ('new_conversation') that names the closed
-- one in follows_id.
ALTER TABLE mailboxes ADD COLUMN closed_replies TEXT NOT NULL DEFAULT 'reopen';
ALTER TABLE conversations ADD COLUMN follows_id BIGINT REFERENCES conversations (id);
