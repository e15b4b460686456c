-- Shifts that planners enter or import (C8, domain/staffing_plan.h): how
-- many agents, when, and for which channel, department or queue (NULL:
-- any). Read by time range.
CREATE TABLE staff_shifts (
  id INTEGER PRIMARY KEY,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  agents INTEGER NOT NULL,
  channel TEXT,
  department_id INTEGER REFERENCES departments (id) ON DELETE CASCADE,
  queue_id INTEGER REFERENCES queues (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX staff_shifts_starts ON staff_shifts (starts_at);
-- The most agents that had the workspace open in each quarter hour, per
-- department (0: none), sampled by the volume rollup job.
CREATE TABLE staff_online (
  bucket INTEGER NOT NULL,
  department_id INTEGER NOT NULL,
  agents INTEGER NOT NULL,
  PRIMARY KEY (bucket, department_id)
);
