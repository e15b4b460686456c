-- Timeline events are stored as a kind plus parameters (a JSON object of ids
-- and old/new values), not as English sentences: the readers word them in
-- their own language. Rows written before are converted where their text can
-- be read back; the rest keep their summary, which readers show as it is.
ALTER TABLE activities ADD COLUMN params TEXT NOT NULL DEFAULT '{}';

UPDATE activities
   SET params = json_build_object('from', substring(summary from '^Status changed from (\S+) to '),
                                  'to', substring(summary from ' to (\S+)$'))::text,
       summary = ''
 WHERE kind = 'status_changed' AND summary ~ '^Status changed from \S+ to \S+$';

UPDATE activities SET summary = '' WHERE kind = 'assigned' AND summary = 'Unassigned';

UPDATE activities a
   SET params = json_build_object('assignee_id', u.id)::text,
       summary = ''
  FROM users u
 WHERE a.kind = 'assigned' AND a.summary LIKE 'Assigned to %'
   AND u.name = substr(a.summary, 13)
   AND (SELECT count(*) FROM users u2 WHERE u2.name = u.name) = 1;

UPDATE activities a
   SET params = json_build_object('source_id', m.source_id, 'source_name', m.source_name)::text,
       summary = ''
  FROM merges m
 WHERE a.kind = 'merged' AND m.target_id = a.customer_id AND m.at = a.at
   AND m.id = (SELECT min(m2.id) FROM merges m2
                WHERE m2.target_id = a.customer_id AND m2.at = a.at);
