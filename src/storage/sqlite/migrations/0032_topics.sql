-- What customers ask about (C9, domain/topic.h): the topics, each
-- conversation's topic with where it came from, the questions of the
-- candidate topics discovery proposed, the classifier models trained from
-- the labels, and the rising topics whose owner was alerted.
CREATE TABLE topics (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- The name folded for comparison: two active topics never share it.
  name_key TEXT NOT NULL,
  status TEXT NOT NULL,
  discovered INTEGER NOT NULL,
  owner_user_id INTEGER REFERENCES users (id),
  terms TEXT NOT NULL,
  merged_into INTEGER REFERENCES topics (id),
  size INTEGER NOT NULL,
  recent INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL
);
CREATE UNIQUE INDEX topics_active_name ON topics (name_key) WHERE status = 'active';
CREATE INDEX topics_status ON topics (status, name_key);
CREATE TABLE topic_models (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users (id),
  examples INTEGER NOT NULL,
  topics INTEGER NOT NULL,
  accuracy REAL,
  threshold REAL NOT NULL,
  -- topics: learnt from the labels; candidates: from the open candidates
  kind TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  label_generation TEXT NOT NULL,
  -- TopicClassifier::Save; only the newest few models keep it.
  model BLOB
);
CREATE TABLE conversation_topics (
  conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id),
  topic_id INTEGER REFERENCES topics (id),
  source TEXT NOT NULL,
  confidence REAL NOT NULL,
  model_id INTEGER REFERENCES topic_models (id),
  assigned_by INTEGER REFERENCES users (id),
  assigned_at INTEGER NOT NULL,
  opened_at INTEGER NOT NULL,
  message_id INTEGER NOT NULL REFERENCES messages (id)
);
CREATE INDEX conversation_topics_topic ON conversation_topics (topic_id, opened_at, conversation_id);
CREATE INDEX conversation_topics_source ON conversation_topics (source, opened_at);
CREATE INDEX conversation_topics_opened ON conversation_topics (opened_at, topic_id);
CREATE TABLE topic_members (
  topic_id INTEGER NOT NULL REFERENCES topics (id),
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  message_id INTEGER NOT NULL REFERENCES messages (id),
  opened_at INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  PRIMARY KEY (topic_id, conversation_id)
);
CREATE INDEX topic_members_conversation ON topic_members (conversation_id);
CREATE TABLE topic_alerts (
  id INTEGER PRIMARY KEY,
  topic_id INTEGER NOT NULL REFERENCES topics (id),
  week INTEGER NOT NULL,
  observed INTEGER NOT NULL,
  expected REAL NOT NULL,
  owner_user_id INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX topic_alerts_week ON topic_alerts (topic_id, week);
CREATE INDEX topic_alerts_created ON topic_alerts (created_at, id);
-- The classify job and the last message it read.
CREATE TABLE topic_classify_state (
  singleton INTEGER PRIMARY KEY,
  job_id INTEGER,
  last_message_id INTEGER NOT NULL
);
-- The daily job, and a counter that moves with every change of a label.
CREATE TABLE topic_daily_state (
  singleton INTEGER PRIMARY KEY,
  job_id INTEGER,
  labels INTEGER NOT NULL
);
-- A conversation's call minutes, for a topic's handle time.
CREATE INDEX phone_calls_conversation ON phone_calls (conversation_id);
