-- Knowledge gaps (C6, domain/answer.h): customer questions no published
-- answer matched well, for the owners to see what to write next.
CREATE TABLE answer_gaps (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  text TEXT NOT NULL,
  language TEXT NOT NULL,
  conversation_id INTEGER REFERENCES conversations (id),
  message_id INTEGER REFERENCES messages (id),
  at INTEGER NOT NULL
);
CREATE INDEX answer_gaps_at ON answer_gaps (at, id);
-- A message is a gap once (NULLs, the assistant's, are distinct).
CREATE UNIQUE INDEX answer_gaps_message ON answer_gaps (message_id);
-- The self-service assistant (C7, domain/assistant.h): a browser's session
-- (its token only as a hash) and every question it asked, with the answer
-- version shown.
CREATE TABLE assistant_sessions (
  id INTEGER PRIMARY KEY,
  widget_id INTEGER NOT NULL REFERENCES chat_widgets (id),
  token_hash TEXT NOT NULL,
  language TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  handover_reason TEXT,
  handed_over_at INTEGER,
  conversation_id INTEGER REFERENCES conversations (id)
);
CREATE UNIQUE INDEX assistant_sessions_token ON assistant_sessions (token_hash);
CREATE INDEX assistant_sessions_started ON assistant_sessions (started_at, id);
CREATE TABLE assistant_turns (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES assistant_sessions (id),
  at INTEGER NOT NULL,
  question TEXT NOT NULL,
  language TEXT NOT NULL,
  outcome TEXT NOT NULL,
  answer_id INTEGER REFERENCES answers (id),
  answer_number INTEGER,
  topic TEXT NOT NULL,
  score REAL NOT NULL,
  handover TEXT,
  helped INTEGER
);
-- The measures over a period; a session's turns (the transcript, repeat
-- questions on a topic).
CREATE INDEX assistant_turns_at ON assistant_turns (at, id);
CREATE INDEX assistant_turns_session ON assistant_turns (session_id, topic, id);
