-- The canonical answer library (C6, domain/answer.h): one answer per
-- topic, every version kept (draft, in review, published, superseded), and
-- the questions that ask for it.
CREATE TABLE answers (
  id INTEGER PRIMARY KEY,
  topic TEXT NOT NULL,
  owner_user_id INTEGER REFERENCES users (id),
  review_by INTEGER,
  retired_at INTEGER,
  -- When the owner was last reminded that the review date passed.
  review_reminded_at INTEGER,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL
);
-- Answers past their review date (the owners' reminder), an owner's.
CREATE INDEX answers_review ON answers (review_by, id);
CREATE INDEX answers_owner ON answers (owner_user_id, id);
-- The desk's one recurring job that reminds owners of answers to review.
CREATE TABLE answer_review_job (
  singleton INTEGER PRIMARY KEY,
  job_id INTEGER
);
CREATE TABLE answer_versions (
  id INTEGER PRIMARY KEY,
  answer_id INTEGER NOT NULL REFERENCES answers (id),
  number INTEGER NOT NULL,
  state TEXT NOT NULL,
  title_nl TEXT NOT NULL,
  body_nl TEXT NOT NULL,
  title_en TEXT NOT NULL,
  body_en TEXT NOT NULL,
  change_note TEXT NOT NULL,
  material INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  reviewed_by INTEGER REFERENCES users (id),
  published_at INTEGER
);
CREATE UNIQUE INDEX answer_versions_number ON answer_versions (answer_id, number);
-- The live versions (the library the matcher learns).
CREATE INDEX answer_versions_state ON answer_versions (state, answer_id);
CREATE TABLE answer_questions (
  id INTEGER PRIMARY KEY,
  answer_id INTEGER NOT NULL REFERENCES answers (id),
  text TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX answer_questions_answer ON answer_questions (answer_id, id);
-- Which answer, and which version of it, a reply used: who was told what,
-- so that customers told an answer since changed can be found.
ALTER TABLE messages ADD COLUMN answer_id INTEGER REFERENCES answers (id);
ALTER TABLE messages ADD COLUMN answer_number INTEGER;
CREATE INDEX messages_answer ON messages (answer_id, answer_number, id);
