package cn.huying.cases.internal;

import cn.huying.cases.Upload;
import cn.huying.shared.InvalidInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Photos and documents of cases, kept in the database (table {@code case_attachment_content}, issue 30), which
 * every node behind a load balancer sees; they are written in the case's transaction, so a refused report leaves
 * nothing behind. The type is detected from the content (Apache Tika's magic numbers), never from the name or the
 * declared type; only images, PDF and Office documents are kept.
 *
 * <p>Before issue 30 the files lay under {@code <data dir>/attachments} of the node that took them
 * ({@code storage_path}). Such a file is moved into the database when it is first read, and at start by
 * {@link #moveFilesIntoDatabase} (in the background); the file stays on disk, so nothing is lost if a move fails.
 */
@Component
public class AttachmentStore {

    /** Detected type → the type we store and serve. */
    private static final Map<String, String> ALLOWED = Map.of(
            "image/jpeg", "image/jpeg",
            "image/png", "image/png",
            "image/webp", "image/webp",
            "application/pdf", "application/pdf");
    private static final Map<String, String> OFFICE = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public static final int MAX_FILES = 9;
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** A checked file, not yet written. */
    record Checked(String fileName, String contentType, byte[] bytes) {
    }

    /** A stored attachment (its bytes are read by {@link #content}). */
    public record Stored(long id, long caseId, String fileName, String contentType, long size, String storagePath) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AttachmentStore.class);

    private final Tika tika = new Tika();
    private final Path root;
    private final JdbcClient jdbc;
    private final Clock clock;

    AttachmentStore(@Value("${huying.data-dir:./data}") String dataDir, JdbcClient jdbc, Clock clock) {
        this.root = Path.of(dataDir, "attachments").toAbsolutePath();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Checks every file and reports each bad one under {@code field[i]}. */
    List<Checked> check(List<Upload> uploads, String field, InvalidInput.Collector errors) {
        List<Checked> out = new ArrayList<>();
        if (uploads == null || uploads.isEmpty()) {
            return out;
        }
        if (uploads.size() > MAX_FILES) {
            errors.add(field, "attachment.too-many", MAX_FILES);
            return out;
        }
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String f = field + "[" + i + "]";
            if (u.bytes() == null || u.bytes().length == 0) {
                errors.add(f, "attachment.empty");
                continue;
            }
            if (u.bytes().length > MAX_BYTES) {
                errors.add(f, "attachment.too-large", MAX_BYTES / 1024 / 1024);
                continue;
            }
            String name = safeName(u.fileName());
            String detected = tika.detect(u.bytes());
            String type = ALLOWED.get(detected);
            if (type == null && ("application/zip".equals(detected) || "application/x-tika-ooxml".equals(detected))) {
                type = OFFICE.get(extension(name));
            }
            if (type == null) {
                errors.add(f, "attachment.type", detected);
                continue;
            }
            String inside = AttachmentContent.problem(type, u.bytes());
            if (inside != null) {
                errors.add(f, inside);
                continue;
            }
            out.add(new Checked(name, type, u.bytes()));
        }
        return out;
    }

    /** Writes checked files for a case, in the caller's transaction. */
    List<Long> store(long caseId, List<Checked> files, long uploadedBy) {
        List<Long> ids = new ArrayList<>();
        for (Checked f : files) {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            // an empty storage_path: the content is in the database
            jdbc.sql("""
                    INSERT INTO case_attachment (case_id, file_name, content_type, size_bytes, sha256, storage_path,
                                                 uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, '', ?, ?)""")
                    .params(caseId, f.fileName(), f.contentType(), f.bytes().length, sha256(f.bytes()), uploadedBy,
                            CaseRows.utc(clock.instant()))
                    .update(keys, "id");
            long id = keys.getKey().longValue();
            jdbc.sql("INSERT INTO case_attachment_content (attachment_id, content) VALUES (?, ?)")
                    .params(id, f.bytes()).update();
            ids.add(id);
        }
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE case_file SET attachment_count = attachment_count + ? WHERE id = ?").params(ids.size(), caseId)
                    .update();
        }
        return ids;
    }

    private static final String SELECT = "SELECT id, case_id, file_name, content_type, size_bytes, storage_path"
            + " FROM case_attachment";

    private static Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6));
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(AttachmentStore::stored).optional();
    }

    List<Stored> forCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = ? ORDER BY id").param(caseId).query(AttachmentStore::stored).list();
    }

    /**
     * The attachment's bytes: from the database, or (a file stored before issue 30) from this node's disk, moved into
     * the database on the way. Empty when neither has it (a file on another node's disk that was never moved).
     */
    public Optional<byte[]> content(Stored a) {
        Optional<byte[]> inDatabase = jdbc.sql("SELECT content FROM case_attachment_content WHERE attachment_id = ?")
                .param(a.id()).query((rs, n) -> rs.getBytes(1)).optional();
        if (inDatabase.isPresent() || a.storagePath() == null || a.storagePath().isEmpty()) {
            return inDatabase;
        }
        return moveIntoDatabase(a.id(), a.storagePath());
    }

    private Optional<byte[]> moveIntoDatabase(long id, String storagePath) {
        Path file = root.resolve(storagePath).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            jdbc.sql("INSERT INTO case_attachment_content (attachment_id, content) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(id, bytes).update();
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves the files this node still has on its disk (stored before issue 30) into the database, in the background
     * after start, and logs how many. The files stay where they are.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @org.springframework.scheduling.annotation.Async
    public void moveFilesIntoDatabase() {
        if (!Files.isDirectory(root)) {
            return;
        }
        record Old(long id, String path) {
        }
        List<Old> old = jdbc.sql("""
                SELECT a.id, a.storage_path FROM case_attachment a WHERE a.storage_path <> ''
                  AND NOT EXISTS (SELECT 1 FROM case_attachment_content c WHERE c.attachment_id = a.id)
                ORDER BY a.id""").query((rs, n) -> new Old(rs.getLong(1), rs.getString(2))).list();
        int moved = 0;
        for (Old o : old) {
            try {
                if (moveIntoDatabase(o.id(), o.path()).isPresent()) {
                    moved++;
                }
            } catch (RuntimeException e) {
                log.warn("attachment {} ({}) could not be moved into the database: {}", o.id(), o.path(), e.toString());
            }
        }
        if (!old.isEmpty()) {
            log.info("attachments: {} of {} files stored on disk before moved into the database from {}", moved,
                    old.size(), root);
        }
    }

    private static String safeName(String name) {
        String n = name == null || name.isBlank() ? "附件" : name.strip();
        // control and format characters too: U+202E (right-to-left override) shows "gpj.exe" as "exe.jpg"
        n = n.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Cf}]", "_");
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
