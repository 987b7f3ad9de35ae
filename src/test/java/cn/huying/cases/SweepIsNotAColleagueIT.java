package cn.huying.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.cases.internal.DeadlineSweep;
import cn.huying.support.Http;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 22: the deadline sweep raised a case's version when it turned the light yellow, and the handler's next action,
 * sent with the version their page showed, failed with "已被他人处理" — a system change looked like a colleague's.
 * A colleague's change still stops it.
 */
class SweepIsNotAColleagueIT extends CaseSupport {

    @Autowired
    DeadlineSweep sweep;

    @Test
    void aHandlerActsAfterTheSweepTurnedTheLightButNotAfterAColleague() {
        clock.set(OffsetDateTime.parse("2026-09-21T09:00:00+08:00").toInstant());
        double[] p = pointIn("凤翔小镇社区第一网格第3单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "LIVE_PROPERTY", "channel", "PUBLIC_PHONE",
                "description", "单元门禁坏了", "lat", p[0], "lng", p[1], "reporterPhone", "13600002222"))
                .bearer(token("dispatcher")).send();
        long id = r.json().path("id").asLong();
        act("dispatcher", id, "register", Map.of());
        act("dispatcher", id, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        long seen = get("handler", id).path("version").asLong();

        clock.set(OffsetDateTime.parse("2026-09-23T08:00:00+08:00").toInstant()); // yellow from Wed 09-23
        sweep.sweep();
        assertThat(get("handler", id).path("timeLimits").path("light").asString()).isEqualTo("YELLOW");
        assertThat(get("handler", id).path("version").asLong()).isGreaterThan(seen);

        Http.Response accepted = tryAct("handler", id, "accept", Map.of("version", seen));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().path("state").asString()).isEqualTo("ACCEPTED");

        // a person's change since the version one saw still refuses the action
        Http.Response stale = tryAct("handler", id, "resolve", Map.of("version", seen, "note", "已修好"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("detail").asString()).contains("已被他人处理");
    }
}
