-- Which agents have the workspace open, across nodes (the chat widget's
-- "someone is there"): each node replaces its own rows every beat.
CREATE TABLE agent_presence (
  node TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES users (id),
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (node, user_id)
);
CREATE INDEX agent_presence_seen ON agent_presence (seen_at);
