-- Issue 30: keys kept outside the database (the personal-data key, the history key, the residents' look-up key)
-- must be the same on every node. The first node to start stores a check value made with its key; a node whose key
-- does not match it refuses to start, naming the setting (identity's KeyChecks, docs/deployment.md).
CREATE TABLE key_check (
  name         VARCHAR(40)  PRIMARY KEY,
  check_value  VARCHAR(200) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
