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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Photos and documents of cases, under {@code <data dir>/attachments}. The type is detected from
 * the content (Apache Tika's magic numbers), never from the name or the declared type; only
 * images, PDF and Office documents are kept. A file written in a transaction that rolls back is
 * deleted again, so a refused report leaves no orphan file.
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

    /** A stored attachment. */
    public record Stored(long id, long caseId, String fileName, String contentType, long size, Path path) {
    }

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

    /** Writes checked files for a case; inside a transaction, a rollback deletes them again. */
    List<Long> store(long caseId, List<Checked> files, long uploadedBy) {
        List<Long> ids = new ArrayList<>();
        for (Checked f : files) {
            LocalDate day = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
            Path dir = root.resolve(String.format(Locale.ROOT, "%04d/%02d", day.getYear(), day.getMonthValue()));
            Path path = dir.resolve(UUID.randomUUID() + ".bin");
            try {
                Files.createDirectories(dir);
                Files.write(path, f.bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            deleteOnRollback(path);
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO case_attachment (case_id, file_name, content_type, size_bytes, sha256, storage_path,
                                                 uploaded_by, uploaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, f.fileName(), f.contentType(), f.bytes().length, sha256(f.bytes()),
                            root.relativize(path).toString(), uploadedBy, CaseRepository.utc(clock.instant()))
                    .update(keys, "id");
            ids.add(keys.getKey().longValue());
        }
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE case_file SET attachment_count = attachment_count + ? WHERE id = ?").params(ids.size(), caseId)
                    .update();
        }
        return ids;
    }

    public Optional<Stored> find(long id) {
        return jdbc.sql("SELECT id, case_id, file_name, content_type, size_bytes, storage_path FROM case_attachment WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), root.resolve(rs.getString(6))))
                .optional();
    }

    List<Stored> forCase(long caseId) {
        return jdbc.sql("SELECT id, case_id, file_name, content_type, size_bytes, storage_path FROM case_attachment"
                        + " WHERE case_id = ? ORDER BY id")
                .param(caseId)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), root.resolve(rs.getString(6))))
                .list();
    }

    private static void deleteOnRollback(Path path) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException ignored) {
                        // best effort; the file has no row pointing at it
                    }
                }
            }
        });
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
