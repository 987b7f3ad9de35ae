package cn.huying.residents;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Helpers of the registry's tests: fresh valid ID numbers, houses and people made over HTTP, binary downloads. */
abstract class ResidentSupport extends IntegrationTest {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500));

    /** A valid ID number no other test uses (born 1960-1999, a sequence of its own). */
    static String freshIdCard() {
        int n = SEQ.incrementAndGet();
        long nano = System.nanoTime();
        String first17 = String.format(Locale.ROOT, "3704811%03d%02d%02d%03d", 960 + (int) (nano % 40), 1 + n % 12,
                1 + (int) ((nano / 40) % 28), (n * 7 + (int) (nano / 1000 % 997)) % 1000);
        return IdCardNumber.complete(first17);
    }

    long gridOf(String name) {
        return jdbc.sql("SELECT id FROM region WHERE name = ?").param(name).query(Long.class).single();
    }

    JsonNode newHouse(String user, String building, String room, long regionId, String use) {
        Http.Response r = http.post("/api/residents/houses", Map.of("building", building, "unit", "1单元", "room", room,
                "regionId", regionId, "use", use)).bearer(token(user)).send();
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    Http.Response newPerson(String user, long houseId, String name, String idCard, String phone, String... tags) {
        return http.post("/api/residents/persons", Map.of("name", name, "idCard", idCard, "phone", phone, "kind",
                "REGISTERED", "houseId", houseId, "relation", "HEAD", "tags", java.util.List.of(tags)))
                .bearer(token(user)).send();
    }

    long audits(String type, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE event_type = ? AND target = ?").params(type, target)
                .query(Long.class).single();
    }

    /** A binary answer (xlsx, docx). */
    HttpResponse<byte[]> download(String path, String user) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(http.base() + path))
                .header("Authorization", "Bearer " + token(user)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
