package cn.huying.residents.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import cn.huying.identity.KeyChecks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA-256) of an ID-card number, stored beside the encrypted number so that an exact
 * look-up is one indexed equality, without decrypting the table; without the key the hash cannot be
 * reversed by trying the (few) possible numbers. The key comes from {@code huying.residents.lookup-key}
 * (base64 of 32 bytes), else it is generated once into {@code <data dir>/residents-lookup.key}; several nodes must be
 * given the same key ({@link KeyChecks} refuses a node with another).
 */
@Component
class IdLookup {

    private final SecretKeySpec key;

    IdLookup(@Value("${huying.residents.lookup-key:}") String configured,
             @Value("${huying.data-dir:./data}") String dataDir, KeyChecks checks) {
        byte[] raw = configured == null || configured.isBlank() ? keyFile(Path.of(dataDir, "residents-lookup.key"))
                : Base64.getDecoder().decode(configured.strip());
        this.key = new SecretKeySpec(raw, "HmacSHA256");
        // every node must find the numbers any node stored (issue 30): another key refuses to start
        String check = hash("huying residents look-up key check");
        checks.require("residents-lookup", "huying.residents.lookup-key", () -> check, check::equals);
    }

    String hash(String normalizedIdCard) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalizedIdCard.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.writeString(file, Base64.getEncoder().encodeToString(raw), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
