-- Contact volume and waits per quarter hour (C8, domain/contact_volume.h):
-- counts and durations only, added incrementally by a recurring job that
-- reads the timeline's events once each, in id order.
CREATE TABLE volume_rollups (
  bucket INTEGER NOT NULL,
  channel TEXT NOT NULL,
  department_id INTEGER NOT NULL,
  queue_id INTEGER NOT NULL,
  opened INTEGER NOT NULL,
  messages_in INTEGER NOT NULL,
  replies INTEGER NOT NULL,
  calls_offered INTEGER NOT NULL,
  calls_answered INTEGER NOT NULL,
  calls_abandoned INTEGER NOT NULL,
  waits INTEGER NOT NULL,
  wait_seconds INTEGER NOT NULL,
  first_responses INTEGER NOT NULL,
  first_response_seconds INTEGER NOT NULL,
  handled INTEGER NOT NULL,
  handle_seconds INTEGER NOT NULL,
  PRIMARY KEY (bucket, channel, department_id, queue_id)
);
-- The job that adds them, and the last timeline event it read.
CREATE TABLE volume_rollup_state (
  singleton INTEGER PRIMARY KEY,
  job_id INTEGER,
  last_activity_id INTEGER NOT NULL
);
