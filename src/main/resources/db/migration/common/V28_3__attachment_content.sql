-- Issue 30: attachments kept in the database, which every node sees (cases' AttachmentStore). Files stored on a
-- node's disk before are moved in lazily (their storage_path stays until then).
CREATE TABLE case_attachment_content (
  attachment_id  BIGINT PRIMARY KEY REFERENCES case_attachment (id),
  content        BYTEA  NOT NULL
);
