-- Contact volume and waits per quarter hour (C8, domain/contact_volume.h):
-- counts and durations only, added incrementally by a recurring job that
-- reads the timeline's events once each, in id order.
CREATE TABLE volume_rollups (
  bucket BIGINT NOT NULL,
  channel TEXT NOT NULL,
  department_id BIGINT NOT NULL,
  queue_id BIGINT NOT NULL,
  opened BIGINT NOT NULL,
  messages_in BIGINT NOT NULL,
  replies BIGINT NOT NULL,
  calls_offered BIGINT NOT NULL,
  calls_answered BIGINT NOT NULL,
  calls_abandoned BIGINT NOT NULL,
  waits BIGINT NOT NULL,
  wait_seconds BIGINT NOT NULL,
  first_responses BIGINT NOT NULL,
  first_response_seconds BIGINT NOT NULL,
  handled BIGINT NOT NULL,
  handle_seconds BIGINT NOT NULL,
  PRIMARY KEY (bucket, channel, department_id, queue_id)
);
-- The job that adds them, and the last timeline event it read.
CREATE TABLE volume_rollup_state (
  singleton BIGINT PRIMARY KEY,
  job_id BIGINT,
  last_activity_id BIGINT NOT NULL
);
