package cn.huying.identity.internal;

import cn.huying.identity.KeyChecks;
import cn.huying.identity.PersonalData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a random 96-bit IV per value, stored as {@code v1:<base64(iv + ciphertext)>}.
 * The key comes from {@code huying.pii.key} (base64 of 32 bytes, e.g. from a secret store);
 * without it, a key is generated once into {@code <data dir>/pii.key} (readable by the owner only). Several nodes
 * must be given the same key: a node whose key does not decrypt the check value in {@code key_check} refuses to
 * start ({@link KeyChecks}).
 */
@Component
class AesPersonalData implements PersonalData {

    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    static final String SETTING = "huying.pii.key";
    private static final String CHECK_TEXT = "huying personal-data key check";

    AesPersonalData(@Value("${huying.pii.key:}") String configuredKey, @Value("${huying.data-dir:./data}") String dataDir,
                    KeyChecks checks) {
        this.key = new SecretKeySpec(KeyFiles.load(configuredKey, Path.of(dataDir, "pii.key"), SETTING), "AES");
        // every node must decrypt what any node wrote (issue 30): a node with another key refuses to start
        checks.require("pii", SETTING, () -> encrypt(CHECK_TEXT), stored -> CHECK_TEXT.equals(decrypt(stored)));
    }

    @Override
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an encrypted value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data cannot be decrypted with this key", e);
        }
    }
}
