-- Re-index full-text rows only when the indexed text really changes. An
-- UPDATE that names the column but keeps its value (every message touches its
-- conversation, and the repositories write whole rows) used to delete and
-- re-insert the FTS row each time: needless work on the hottest write path.
--
-- New messages are indexed by the repository instead of a trigger: FTS5
-- flushes its pending terms to a new segment at every statement savepoint,
-- and an INSERT that fires a trigger runs in one. Indexing a whole batch with
-- one INSERT … SELECT at the end of the transaction writes one segment per
-- batch instead of one per message.

DROP TRIGGER messages_fts_insert;

DROP TRIGGER messages_fts_update;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body_text ON messages
WHEN old.body_text IS NOT new.body_text BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body_text)
    VALUES ('delete', old.id, old.body_text);
  INSERT INTO messages_fts (rowid, body_text) VALUES (new.id, new.body_text);
END;

DROP TRIGGER conversations_fts_update;
CREATE TRIGGER conversations_fts_update AFTER UPDATE OF subject ON conversations
WHEN old.subject IS NOT new.subject BEGIN
  INSERT INTO conversations_fts (conversations_fts, rowid, subject)
    VALUES ('delete', old.id, old.subject);
  INSERT INTO conversations_fts (rowid, subject) VALUES (new.id, new.subject);
END;

DROP TRIGGER customers_fts_update;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name ON customers
WHEN old.name IS NOT new.name BEGIN
  UPDATE customers_fts SET name = new.name WHERE rowid = new.id;
END;
