-- Timeline events are stored as a kind plus parameters (a JSON object of ids
-- and old/new values), not as English sentences: the readers word them in
-- their own language. Rows written before are converted where their text can
-- be read back; the rest keep their summary, which readers show as it is.
ALTER TABLE activities ADD COLUMN params TEXT NOT NULL DEFAULT '{}';

UPDATE activities
   SET params = json_object('from', substr(summary, 21, instr(summary, ' to ') - 21),
                            'to', substr(summary, instr(summary, ' to ') + 4)),
       summary = ''
 WHERE kind = 'status_changed' AND summary LIKE 'Status changed from % to %';

UPDATE activities SET summary = '' WHERE kind = 'assigned' AND summary = 'Unassigned';

UPDATE activities
   SET params = json_object('assignee_id',
                            (SELECT u.id FROM users u WHERE u.name = substr(activities.summary, 13))),
       summary = ''
 WHERE kind = 'assigned' AND summary LIKE 'Assigned to %'
   AND (SELECT count(*) FROM users u WHERE u.name = substr(activities.summary, 13)) = 1;

UPDATE activities
   SET params = (SELECT json_object('source_id', m.source_id, 'source_name', m.source_name)
                   FROM merges m
                  WHERE m.target_id = activities.customer_id AND m.at = activities.at
                  ORDER BY m.id LIMIT 1),
       summary = ''
 WHERE kind = 'merged'
   AND EXISTS (SELECT 1 FROM merges m
                WHERE m.target_id = activities.customer_id AND m.at = activities.at);
