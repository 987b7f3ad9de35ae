package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 22: on H2, every write of a case failed once the pool had retired the connection that created the schema
 * (V16_0's generated column kept that session). The pool is made to retire every connection it holds, as Hikari's
 * max-lifetime does after 30 minutes, and cases are then written, found as duplicates while open and no longer
 * once finished (the column the duplicate search reads is written by the application).
 */
class PoolRecycleIT extends CaseSupport {

    @Autowired
    DataSource dataSource;

    private JsonNode reportAt(double[] p, String description) {
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_SANITATION", "description", description,
                "lat", p[0], "lng", p[1])).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    @Test
    void casesAreWrittenAfterThePoolRetiredEveryConnection() throws java.sql.SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        pool.getHikariPoolMXBean().softEvictConnections();

        double[] p = pointIn("木石村第一网格第1单元");
        JsonNode first = reportAt(p, "回收连接后上报：路边垃圾堆放");
        long firstId = first.path("id").asLong();
        JsonNode second = reportAt(p, "回收连接后再次上报：路边垃圾堆放");
        assertThat(ids(second.path("candidates"))).contains(firstId);

        pool.getHikariPoolMXBean().softEvictConnections();
        act("dispatcher", firstId, "reject", Map.of("note", "已由环卫清理"));
        assertThat(get("dispatcher", firstId).path("state").asString()).isEqualTo("REJECTED");
        JsonNode third = reportAt(p, "回收连接后第三次上报：路边垃圾堆放");
        assertThat(ids(third.path("candidates"))).doesNotContain(firstId).contains(second.path("id").asLong());
    }

    /** The same for a module's table (an enterprise's registration once failed so, through a CHECK … IN list). */
    @Test
    void anEnterpriseRegistersAfterThePoolRetiredEveryConnection() throws java.sql.SQLException {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        Http.Response r = http.post("/api/public/enterprises", Map.of("creditCode", cn.huying.identity.CreditCodes.unique(),
                "name", "青岛回收连接测试物流有限公司", "contactName", "周晓东", "contactPhone", "13600001111", "consent", true,
                "username", "pool" + System.nanoTime() % 1_000_000_000L, "password", DEMO_PASSWORD)).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
