-- btree_gist lets one GiST index hold the category (an ordinary value) beside the point, so that V19_1's
-- duplicate search finds the nearest open cases of one category. It ships with PostgreSQL (contrib, in
-- Debian's and the official packages) and is a trusted extension since PostgreSQL 13: the database's owner
-- may create it without being a superuser (README, "PostgreSQL").
CREATE EXTENSION IF NOT EXISTS btree_gist;
