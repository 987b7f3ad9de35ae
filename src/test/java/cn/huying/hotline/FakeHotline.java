package cn.huying.hotline;

import cn.huying.support.Http;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A 12345 hotline on loopback (the JDK's HTTP server) that takes our messages: it can be told to
 * answer 503 to the next n messages of an order, and it records every message it acknowledged.
 */
class FakeHotline implements AutoCloseable {

    /** A message the hotline acknowledged, with the headers it came with. */
    record Taken(String messageId, String signature, JsonNode body, String raw) {

        String orderNo() {
            return body.path("orderNo").asString();
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Taken> taken = new ArrayList<>();

    FakeHotline() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hotline/callback", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hotline/callback");
    }

    /** The next {@code n} messages of the order are answered 503. */
    void failNext(String orderNo, int n) {
        failures.computeIfAbsent(orderNo, k -> new AtomicInteger()).set(n);
    }

    int attempts(String orderNo) {
        AtomicInteger n = attempts.get(orderNo);
        return n == null ? 0 : n.get();
    }

    synchronized List<Taken> taken(String orderNo) {
        return taken.stream().filter(t -> t.orderNo().equals(orderNo)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode body = Http.JSON.readTree(raw);
        String orderNo = body.path("orderNo").asString();
        attempts.computeIfAbsent(orderNo, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failing = failures.get(orderNo);
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        synchronized (this) {
            taken.add(new Taken(exchange.getRequestHeaders().getFirst("X-Huying-Message-Id"),
                    exchange.getRequestHeaders().getFirst("X-Huying-Signature"), body, raw));
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
