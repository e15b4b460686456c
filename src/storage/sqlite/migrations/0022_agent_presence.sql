-- Which agents have the workspace open, across nodes (the chat widget's
-- "someone is there"): each node replaces its own rows every beat.
CREATE TABLE agent_presence (
  node TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (node, user_id)
);
CREATE INDEX agent_presence_seen ON agent_presence (seen_at);
