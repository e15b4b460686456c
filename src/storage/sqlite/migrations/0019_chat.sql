-- Web chat (C2): the widgets organisations embed (data-queue="<slug>"),
-- the visitors who started a chat (their customer; the widget keeps a
-- signed token naming the visitor), and one chat record per chat
-- conversation: waiting, active (accepted by agent_id), ended, or by_email.
CREATE TABLE chat_widgets (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  queue_id INTEGER NOT NULL REFERENCES queues (id),
  allowed_origins TEXT NOT NULL,
  privacy_url TEXT NOT NULL,
  accept_seconds INTEGER NOT NULL,
  idle_seconds INTEGER NOT NULL,
  active INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE chat_visitors (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX chat_visitors_customer ON chat_visitors (customer_id);
CREATE TABLE chats (
  conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id),
  visitor_id INTEGER NOT NULL REFERENCES chat_visitors (id),
  widget_id INTEGER NOT NULL REFERENCES chat_widgets (id),
  queue_id INTEGER NOT NULL REFERENCES queues (id),
  state TEXT NOT NULL,
  agent_id INTEGER REFERENCES users (id),
  requested_at INTEGER NOT NULL,
  accepted_at INTEGER,
  last_activity_at INTEGER NOT NULL,
  ended_at INTEGER,
  page_url TEXT NOT NULL
);
CREATE INDEX chats_visitor ON chats (visitor_id, requested_at);
CREATE INDEX chats_queue_state ON chats (queue_id, state, requested_at);
CREATE INDEX chats_queue_accepted ON chats (queue_id, accepted_at);
CREATE INDEX chats_state_activity ON chats (state, last_activity_at);
CREATE INDEX chats_state_requested ON chats (state, requested_at);
-- The desk's one sweeping job (chats nobody accepted in time go to e-mail,
-- quiet ones end), set by compare and set as mail_outbox_job.
CREATE TABLE chat_sweep_job (
  singleton INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL
);
