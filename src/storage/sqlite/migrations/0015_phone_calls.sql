-- Phone calls (C2): reported by the telephone system (idempotent by its call
-- id, external_id) or logged by an agent. `callback` is 'open' while an
-- unanswered caller is owed a call back, 'done' once a later answered call
-- with the number or an agent closed it, 'none' otherwise.
CREATE TABLE phone_calls (
  id INTEGER PRIMARY KEY,
  external_id TEXT,
  direction TEXT NOT NULL,
  customer_number TEXT NOT NULL,
  desk_number TEXT NOT NULL,
  line TEXT NOT NULL,
  customer_id INTEGER REFERENCES customers (id),
  conversation_id INTEGER REFERENCES conversations (id),
  queue_id INTEGER REFERENCES queues (id),
  started_at INTEGER NOT NULL,
  answered_at INTEGER,
  ended_at INTEGER,
  wait_seconds INTEGER NOT NULL,
  ivr_path TEXT NOT NULL,
  outcome TEXT NOT NULL,
  agent_id INTEGER REFERENCES users (id),
  agent_ref TEXT NOT NULL,
  recording_url TEXT NOT NULL,
  notes TEXT NOT NULL,
  logged_by INTEGER REFERENCES users (id),
  callback TEXT NOT NULL,
  callback_closed_at INTEGER,
  callback_closed_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX phone_calls_external ON phone_calls (external_id);
CREATE INDEX phone_calls_customer ON phone_calls (customer_id, started_at DESC, id DESC);
CREATE INDEX phone_calls_callback ON phone_calls (customer_number, started_at)
  WHERE callback = 'open';
