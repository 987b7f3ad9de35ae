-- A message's de-duplication key becomes unique per user (V17_1 builds the unique index). Until now a
-- NOT EXISTS check kept it so, except when two transactions delivered the same key at the same moment;
-- such doubles are removed here, keeping the first.
DELETE FROM inbox_message m
 WHERE m.dedup_key IS NOT NULL
   AND EXISTS (SELECT 1 FROM inbox_message o
                WHERE o.user_id = m.user_id AND o.dedup_key = m.dedup_key AND o.id < m.id);
