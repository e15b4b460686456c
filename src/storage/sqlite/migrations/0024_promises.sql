-- Promises and obligations, both ways (C4, domain/promise.h): the record,
-- with its owner and due moment, and every change to it with who made it.
CREATE TABLE promises (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  conversation_id INTEGER REFERENCES conversations (id),
  message_id INTEGER REFERENCES messages (id),
  by_party TEXT NOT NULL,
  kind TEXT NOT NULL,
  what TEXT NOT NULL,
  due_start INTEGER,
  due_end INTEGER,
  original_due_end INTEGER,
  renegotiations INTEGER NOT NULL,
  channel TEXT,
  owner_user_id INTEGER REFERENCES users (id),
  owner_department_id INTEGER REFERENCES departments (id),
  status TEXT NOT NULL,
  evidence_kind TEXT,
  evidence_id INTEGER,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  closed_at INTEGER,
  version INTEGER NOT NULL,
  -- When the owner was reminded ahead of the due moment, and when an
  -- overdue promise was escalated: each happens once (compare-and-set).
  reminded_at INTEGER,
  escalated_at INTEGER
);
-- Lists by due moment: a customer's, a conversation's, an owner's, a
-- department's, and every live one (reminders, overdue).
CREATE INDEX promises_customer ON promises (customer_id, due_end, id);
CREATE INDEX promises_conversation ON promises (conversation_id, due_end, id);
CREATE INDEX promises_owner ON promises (owner_user_id, status, due_end, id);
CREATE INDEX promises_department ON promises (owner_department_id, status, due_end, id);
CREATE INDEX promises_due ON promises (status, due_end, id);
-- The measures: promises made in a period.
CREATE INDEX promises_created ON promises (created_at, id);
CREATE TABLE promise_events (
  id INTEGER PRIMARY KEY,
  promise_id INTEGER NOT NULL REFERENCES promises (id),
  at INTEGER NOT NULL,
  user_id INTEGER REFERENCES users (id),
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  old_due_end INTEGER,
  new_due_end INTEGER,
  note TEXT NOT NULL
);
CREATE INDEX promise_events_promise ON promise_events (promise_id, id);
-- The recurring job that reminds and escalates (PromiseService::RunReminders).
CREATE TABLE promise_remind_job (
  singleton INTEGER PRIMARY KEY,
  job_id INTEGER
);
