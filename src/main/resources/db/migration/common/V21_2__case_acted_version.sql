-- The version a case had after the last change made by a person (an action, an extension, a report). The deadline
-- sweep and other system changes raise case_file.version (it guards every write) but not this one, so a person whose
-- page shows an older version than the sweep's still acts, on the current row, instead of being told that someone
-- else handled the case (issue 22). Null on rows written before: the version itself.
ALTER TABLE case_file ADD COLUMN acted_version BIGINT;
