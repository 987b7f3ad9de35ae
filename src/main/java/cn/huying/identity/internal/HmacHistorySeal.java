package cn.huying.identity.internal;

import cn.huying.identity.HistorySeal;
import cn.huying.identity.KeyChecks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link HistorySeal} with HMAC-SHA-256. The key comes from {@code huying.history.key} (base64 of 32 bytes), else
 * from {@code <data dir>/history.key} (generated once); it must be the same on every node, which
 * {@link KeyChecks} enforces at start (check value: the seal of a fixed text).
 *
 * <p>The message is unambiguous: a version tag, then the record's name, position, previous seal and each field,
 * every part with its length in front (a null field has length -1), so no two different entries have the same
 * message. Instants count as epoch microseconds, as the databases store them.
 */
@Component
class HmacHistorySeal implements HistorySeal {

    static final String SETTING = "huying.history.key";
    private static final byte[] TAG = "huying-steps-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    HmacHistorySeal(@Value("${huying.history.key:}") String configured,
                    @Value("${huying.data-dir:./data}") String dataDir, KeyChecks checks) {
        this.key = new SecretKeySpec(KeyFiles.load(configured, Path.of(dataDir, "history.key"), SETTING), "HmacSHA256");
        checks.require("history", SETTING, this::checkValue,
                stored -> MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                        checkValue().getBytes(StandardCharsets.US_ASCII)));
    }

    private String checkValue() {
        return seal("key-check", 0, GENESIS, List.of());
    }

    @Override
    public String seal(String record, long position, String previous, List<?> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        part(out, TAG);
        part(out, record.getBytes(StandardCharsets.UTF_8));
        part(out, Long.toString(position).getBytes(StandardCharsets.US_ASCII));
        part(out, previous.getBytes(StandardCharsets.US_ASCII));
        for (Object f : fields) {
            part(out, f == null ? null : text(f).getBytes(StandardCharsets.UTF_8));
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(out.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object f) {
        if (f instanceof Instant t) {
            return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, t));
        }
        if (f instanceof Enum<?> e) {
            return e.name();
        }
        return f.toString();
    }

    private static void part(ByteArrayOutputStream out, byte[] bytes) {
        int n = bytes == null ? -1 : bytes.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        if (bytes != null) {
            out.writeBytes(bytes);
        }
    }
}
