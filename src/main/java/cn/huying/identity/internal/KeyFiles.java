package cn.huying.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 32-byte key from a setting (base64), or else from a file in the data directory, generated there once (readable
 * by the owner only). A node of several must be given the setting (docs/deployment.md): a generated file is this
 * node's alone, and {@link JdbcKeyChecks} refuses a second node whose key differs.
 */
final class KeyFiles {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    static byte[] load(String configured, Path file, String setting) {
        byte[] raw = configured == null || configured.isBlank() ? fromFile(file, setting)
                : Base64.getDecoder().decode(configured.strip());
        if (raw.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (base64)");
        }
        return raw;
    }

    private static synchronized byte[] fromFile(Path file, String setting) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            Files.writeString(file, Base64.getEncoder().encodeToString(raw), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("No {} configured: generated a key in {} — back it up with the database; several nodes need"
                    + " the same key as a setting (docs/deployment.md)", setting, file);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
