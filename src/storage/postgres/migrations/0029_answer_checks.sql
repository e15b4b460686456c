-- The consistency check over sent replies (C6, domain/answer_checks.h):
-- every agent reply about a topic of the library, checked against the
-- answer's live version by a recurring job, for the report per topic and
-- channel and the score per channel over time.
CREATE TABLE answer_checks (
  message_id BIGINT PRIMARY KEY REFERENCES messages (id),
  conversation_id BIGINT NOT NULL REFERENCES conversations (id),
  customer_id BIGINT NOT NULL REFERENCES customers (id),
  channel TEXT NOT NULL,
  author_user_id BIGINT REFERENCES users (id),
  sent_at BIGINT NOT NULL,
  answer_id BIGINT NOT NULL REFERENCES answers (id),
  answer_number INTEGER NOT NULL,
  used_library BOOLEAN NOT NULL,
  overridden BOOLEAN NOT NULL,
  contradiction BOOLEAN NOT NULL,
  kind TEXT,
  published TEXT NOT NULL,
  written TEXT NOT NULL,
  published_sentence TEXT NOT NULL,
  written_sentence TEXT NOT NULL
);
CREATE INDEX answer_checks_sent ON answer_checks (sent_at, message_id);
-- The job that checks them, and the last message it looked at.
CREATE TABLE answer_check_state (
  singleton BIGINT PRIMARY KEY,
  job_id BIGINT,
  last_message_id BIGINT NOT NULL
);
