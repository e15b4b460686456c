-- Contact volume per location and customer segment too, with the chats'
-- queue waits and every call (a caller known or not): the rollups are
-- derived data, so they are made again and the job recounts them from the
-- sources, each with its own watermark (domain/contact_volume.h).
DROP TABLE volume_rollups;
DROP TABLE volume_rollup_state;
-- Each quarter is kept at five grains (domain VolumeGrain): the full
-- breakdown (0) and its sums by channel (1), by department and queue (2),
-- by segment (3) and by location (4), so that a view narrowed to one of
-- them reads a few rows per quarter, not every combination; and the sums
-- by the hour too (5 to 8), for views over months.
CREATE TABLE volume_rollups (
  grain INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  channel TEXT NOT NULL,
  department_id INTEGER NOT NULL,
  queue_id INTEGER NOT NULL,
  location_id INTEGER NOT NULL,
  segment TEXT NOT NULL,
  opened INTEGER NOT NULL,
  messages_in INTEGER NOT NULL,
  replies INTEGER NOT NULL,
  calls_offered INTEGER NOT NULL,
  calls_answered INTEGER NOT NULL,
  calls_abandoned INTEGER NOT NULL,
  chats_offered INTEGER NOT NULL,
  chats_answered INTEGER NOT NULL,
  chats_abandoned INTEGER NOT NULL,
  waits INTEGER NOT NULL,
  wait_seconds INTEGER NOT NULL,
  first_responses INTEGER NOT NULL,
  first_response_seconds INTEGER NOT NULL,
  handled INTEGER NOT NULL,
  handle_seconds INTEGER NOT NULL,
  PRIMARY KEY (grain, bucket, channel, department_id, queue_id, location_id, segment)
);
-- A grain's own dimension first: one queue's year is one range.
CREATE INDEX volume_rollups_department ON volume_rollups (department_id, bucket) WHERE grain = 2;
CREATE INDEX volume_rollups_queue ON volume_rollups (queue_id, bucket) WHERE grain = 2;
CREATE INDEX volume_rollups_segment ON volume_rollups (segment, bucket) WHERE grain = 3;
CREATE INDEX volume_rollups_location ON volume_rollups (location_id, bucket) WHERE grain = 4;
CREATE INDEX volume_rollups_department_hour ON volume_rollups (department_id, bucket)
  WHERE grain = 6;
CREATE INDEX volume_rollups_queue_hour ON volume_rollups (queue_id, bucket) WHERE grain = 6;
CREATE INDEX volume_rollups_segment_hour ON volume_rollups (segment, bucket) WHERE grain = 7;
CREATE INDEX volume_rollups_location_hour ON volume_rollups (location_id, bucket) WHERE grain = 8;
-- The job that adds them, and the last row it read of each source.
CREATE TABLE volume_rollup_state (
  singleton INTEGER PRIMARY KEY,
  job_id INTEGER,
  last_activity_id INTEGER NOT NULL DEFAULT 0,
  last_call_id INTEGER NOT NULL DEFAULT 0,
  last_chat_wait_id INTEGER NOT NULL DEFAULT 0,
  -- the last customer merge looked at (a merge between segments recounts
  -- the days of the customer's timeline)
  last_merge_id INTEGER NOT NULL DEFAULT 0,
  -- the day (ms, UTC midnight) up to which the last two days were
  -- recounted, to catch rows committed behind a watermark
  repaired_through INTEGER NOT NULL DEFAULT 0
);
-- Each time a waiting chat stopped waiting: accepted (answered), left by
-- the visitor (abandoned) or given to e-mail (timed_out); and each time an
-- answered chat stopped being handled (ended: closed, or back in the
-- queue), with when it was accepted, for the chats' handle time.
-- Append-only.
CREATE TABLE chat_waits (
  id INTEGER PRIMARY KEY,
  conversation_id INTEGER NOT NULL REFERENCES conversations (id),
  queue_id INTEGER NOT NULL REFERENCES queues (id),
  requested_at INTEGER NOT NULL,
  accepted_at INTEGER,
  ended_at INTEGER NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX chat_waits_requested ON chat_waits (requested_at);
-- A repair recounts a stretch of days by time.
CREATE INDEX activities_at ON activities (at);
CREATE INDEX phone_calls_started ON phone_calls (started_at);
