-- Luister initial schema. Times are INTEGER milliseconds since the Unix
-- epoch (UTC); enums are their lower_snake_case names. Tables and indexes are
-- kept portable to PostgreSQL; only the FTS5 tables and their triggers are
-- SQLite-specific.

CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE queues (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX queues_department ON queues (department_id, id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  language TEXT NOT NULL,
  department_id INTEGER REFERENCES departments (id),
  active INTEGER NOT NULL DEFAULT 1,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  organisation_id INTEGER REFERENCES customers (id),
  segment TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL,
  preferred_channel TEXT,
  contact_from_minute INTEGER,
  contact_to_minute INTEGER,
  account_manager_id INTEGER REFERENCES users (id),
  merged_into_id INTEGER REFERENCES customers (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX customers_segment ON customers (segment, id);
CREATE INDEX customers_account_manager ON customers (account_manager_id, id);
CREATE INDEX customers_organisation ON customers (organisation_id, id);
CREATE INDEX customers_merged_into ON customers (merged_into_id, id);

CREATE TABLE identities (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (kind, value)
);
CREATE INDEX identities_customer ON identities (customer_id, id);

CREATE TABLE conversations (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  channel TEXT NOT NULL,
  subject TEXT NOT NULL,
  status TEXT NOT NULL,
  priority TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES departments (id),
  queue_id INTEGER REFERENCES queues (id),
  assignee_id INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  last_message_at INTEGER NOT NULL,
  first_response_at INTEGER,
  resolved_at INTEGER,
  message_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversations_last_message ON conversations (last_message_at, id);
CREATE INDEX conversations_created ON conversations (created_at, id);
CREATE INDEX conversations_status ON conversations (status, last_message_at, id);
CREATE INDEX conversations_department ON conversations (department_id, last_message_at, id);
CREATE INDEX conversations_queue ON conversations (queue_id, last_message_at, id);
CREATE INDEX conversations_assignee ON conversations (assignee_id, last_message_at, id);
CREATE INDEX conversations_customer ON conversations (customer_id, last_message_at, id);

CREATE TABLE conversation_tags (
  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (conversation_id, tag)
);
CREATE INDEX conversation_tags_tag ON conversation_tags (tag, conversation_id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  channel TEXT NOT NULL,
  direction TEXT NOT NULL,
  internal INTEGER NOT NULL DEFAULT 0,
  author_user_id INTEGER REFERENCES users (id),
  body_text TEXT NOT NULL,
  body_html TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at, id);
CREATE INDEX messages_customer ON messages (customer_id, id);

CREATE TABLE message_attachments (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL
);
CREATE INDEX message_attachments_message ON message_attachments (message_id, position);

CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  channel TEXT,
  department_id INTEGER REFERENCES departments (id),
  conversation_id INTEGER REFERENCES conversations (id),
  message_id INTEGER REFERENCES messages (id),
  direction TEXT,
  actor_user_id INTEGER REFERENCES users (id),
  summary TEXT NOT NULL
);
CREATE INDEX activities_customer ON activities (customer_id, at DESC, id DESC);
CREATE INDEX activities_customer_channel ON activities (customer_id, channel, at DESC, id DESC);
CREATE INDEX activities_customer_department
  ON activities (customer_id, department_id, at DESC, id DESC);
CREATE INDEX activities_conversation ON activities (conversation_id);

CREATE TABLE merges (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES customers (id),
  target_id INTEGER NOT NULL REFERENCES customers (id),
  source_name TEXT NOT NULL,
  by_user_id INTEGER NOT NULL REFERENCES users (id),
  at INTEGER NOT NULL,
  moved_identities INTEGER NOT NULL,
  moved_conversations INTEGER NOT NULL,
  moved_activities INTEGER NOT NULL
);
CREATE INDEX merges_target ON merges (target_id, at, id);

-- Append-only; no foreign keys so entries outlive what they describe.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  customer_id INTEGER,
  endpoint TEXT NOT NULL,
  ip TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_user ON audit_log (user_id, at, id);
CREATE INDEX audit_log_customer ON audit_log (customer_id, at, id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at INTEGER
);

-- Fixed-window rate-limit counters, shared by every node.
CREATE TABLE rate_counters (
  key TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_counters_window ON rate_counters (window_start);

-- Full-text search. The "luister" tokenizer (luister_tokenizer.cc) folds
-- diacritics and indexes English and Dutch stems of every word.
CREATE VIRTUAL TABLE messages_fts USING fts5(
  body_text, content='messages', content_rowid='id', tokenize='luister');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, body_text) VALUES (new.id, new.body_text);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body_text)
    VALUES ('delete', old.id, old.body_text);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body_text ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, body_text)
    VALUES ('delete', old.id, old.body_text);
  INSERT INTO messages_fts (rowid, body_text) VALUES (new.id, new.body_text);
END;

CREATE VIRTUAL TABLE conversations_fts USING fts5(
  subject, content='conversations', content_rowid='id', tokenize='luister');
CREATE TRIGGER conversations_fts_insert AFTER INSERT ON conversations BEGIN
  INSERT INTO conversations_fts (rowid, subject) VALUES (new.id, new.subject);
END;
CREATE TRIGGER conversations_fts_delete AFTER DELETE ON conversations BEGIN
  INSERT INTO conversations_fts (conversations_fts, rowid, subject)
    VALUES ('delete', old.id, old.subject);
END;
CREATE TRIGGER conversations_fts_update AFTER UPDATE OF subject ON conversations BEGIN
  INSERT INTO conversations_fts (conversations_fts, rowid, subject)
    VALUES ('delete', old.id, old.subject);
  INSERT INTO conversations_fts (rowid, subject) VALUES (new.id, new.subject);
END;

-- Customer name plus all identity values; spans two tables, so it keeps its
-- own copy of the text (rowid = customer id).
CREATE VIRTUAL TABLE customers_fts USING fts5(name, identities, tokenize='luister');
CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
  INSERT INTO customers_fts (rowid, name, identities) VALUES (new.id, new.name, '');
END;
CREATE TRIGGER customers_fts_update AFTER UPDATE OF name ON customers BEGIN
  UPDATE customers_fts SET name = new.name WHERE rowid = new.id;
END;
CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN
  DELETE FROM customers_fts WHERE rowid = old.id;
END;
CREATE TRIGGER identities_fts_insert AFTER INSERT ON identities BEGIN
  UPDATE customers_fts
    SET identities = (SELECT coalesce(group_concat(value, ' '), '') FROM identities
                      WHERE customer_id = new.customer_id)
    WHERE rowid = new.customer_id;
END;
CREATE TRIGGER identities_fts_delete AFTER DELETE ON identities BEGIN
  UPDATE customers_fts
    SET identities = (SELECT coalesce(group_concat(value, ' '), '') FROM identities
                      WHERE customer_id = old.customer_id)
    WHERE rowid = old.customer_id;
END;
CREATE TRIGGER identities_fts_update AFTER UPDATE OF customer_id, value ON identities BEGIN
  UPDATE customers_fts
    SET identities = (SELECT coalesce(group_concat(value, ' '), '') FROM identities
                      WHERE customer_id = customers_fts.rowid)
    WHERE rowid IN (old.customer_id, new.customer_id);
END;
