package cn.huying.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Builds a multipart/form-data body: JSON parts and file parts. */
public class Multipart {

    private final String boundary = "----huying" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Multipart json(String name, Object value) {
        header("Content-Disposition: form-data; name=\"" + name + "\"\r\nContent-Type: application/json; charset=UTF-8");
        write(Http.JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Multipart file(String name, String fileName, String contentType, byte[] bytes) {
        header("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\nContent-Type: "
                + contentType);
        write(bytes);
        return this;
    }

    private void header(String h) {
        out.writeBytes(("--" + boundary + "\r\n" + h + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] b) {
        out.writeBytes(b);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    public byte[] body() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The smallest valid PNG: a 1×1 pixel, for "photos" in tests. */
    public static byte[] tinyPng() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }
}
