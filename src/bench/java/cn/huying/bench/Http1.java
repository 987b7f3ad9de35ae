package cn.huying.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection, blocking, for the intake driver: a request is written in one go and its
 * answer read (Content-Length or chunked). The JDK's HttpClient costs a selector thread and futures per request;
 * on a 2-core machine that shares the cores with the application under test, the driver must cost little.
 */
final class Http1 implements AutoCloseable {

    record Response(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    /** The body of the last answer; kept from request to request so that the driver allocates little (and so pauses little for its own GC). */
    private byte[] content = new byte[16 * 1024];

    Http1(String baseUrl) {
        URI u = URI.create(baseUrl);
        this.host = u.getHost();
        this.port = u.getPort();
    }

    Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
        return send(method, path, headers, body, Integer.MAX_VALUE);
    }

    /**
     * As {@link #send(String, String, Map, String)}, the answer's body read whole but only its first {@code keep}
     * bytes decoded (a multi-byte character cut at the end becomes U+FFFD).
     */
    Response send(String method, String path, Map<String, String> headers, String body, int keep) throws IOException {
        try {
            return exchange(method, path, headers, body, keep);
        } catch (IOException e) {
            // the server closed an idle keep-alive connection: once more on a new one
            close();
            return exchange(method, path, headers, body, keep);
        }
    }

    private Response exchange(String method, String path, Map<String, String> headers, String body, int keep)
            throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append(':').append(port).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + payload.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        out.write(all);
        out.flush();

        String status = line();
        if (status == null) {
            throw new IOException("connection closed");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            int colon = l.indexOf(':');
            String name = l.substring(0, colon).trim();
            String value = l.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        int n = 0;
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                n = read(n, size);
                line();
            }
            line(); // the empty line after the last chunk (no trailers)
        } else if (length >= 0) {
            n = read(0, (int) length);
        }
        if (close) {
            close();
        }
        return new Response(code, new String(content, 0, Math.min(n, keep), StandardCharsets.UTF_8));
    }

    /** Reads {@code size} bytes of the body into {@link #content} at {@code at}; the length then held. */
    private int read(int at, int size) throws IOException {
        if (at + size > content.length) {
            content = java.util.Arrays.copyOf(content, Math.max(at + size, content.length * 2));
        }
        if (in.readNBytes(content, at, size) < size) {
            throw new IOException("connection closed in the middle of an answer");
        }
        return at + size;
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
