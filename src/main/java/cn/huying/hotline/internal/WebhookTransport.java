package cn.huying.hotline.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs each message as JSON to the hotline's webhook. Headers: {@code X-Huying-Message-Id} (stable,
 * for de-duplication), {@code X-Huying-Sequence}, and, with a secret, {@code X-Huying-Signature:
 * sha256=<hex HMAC-SHA256 of the body>}. Any 2xx acknowledges the message; anything else, or no
 * answer within the timeout, is a failure to be retried.
 */
public class WebhookTransport implements HotlineTransport {

    private final URI url;
    private final Duration timeout;
    private final String secret;
    private final HttpClient client;

    public WebhookTransport(URI url, Duration timeout, String secret) {
        this.url = url;
        this.timeout = timeout;
        this.secret = secret;
        this.client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Huying-Message-Id", message.messageId())
                .header("X-Huying-Sequence", Integer.toString(message.sequence()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header("X-Huying-Signature", "sha256=" + hmac(body));
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Delivery.acknowledged(status);
            }
            return Delivery.failed(status, excerpt(response.body()));
        } catch (IOException e) {
            return Delivery.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed(null, "interrupted");
        }
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 500 ? s : s.substring(0, 500);
    }

    @Override
    public String toString() {
        return "webhook " + url;
    }
}
