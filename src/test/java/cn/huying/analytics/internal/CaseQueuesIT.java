package cn.huying.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.analytics.CaseBoard;
import cn.huying.cases.CaseSummary;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The command centre's queue of several states (待派遣: registered, returned, reopened) comes oldest
 * change first across its states, page by page, with its count, on H2 and PostgreSQL.
 */
class CaseQueuesIT extends IntegrationTest {

    @Autowired
    CaseBoard board;

    @Test
    void aQueueOfSeveralStatesIsInOrderOfLastChangeAcrossTheStatesPageByPage() {
        // long ago, so that these are the oldest changes in the shared test database's queue
        OffsetDateTime t0 = OffsetDateTime.parse("2021-03-01T09:00:00+08:00");
        clock.set(t0.toInstant());
        long returned = report("占道经营 甲");
        long registered = report("占道经营 乙");
        act("dispatcher", returned, "register", Map.of());
        act("dispatcher", returned, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        clock.set(t0.plus(Duration.ofMinutes(10)).toInstant());
        act("dispatcher", registered, "register", Map.of());
        clock.set(t0.plus(Duration.ofMinutes(20)).toInstant());
        act("handler", returned, "return", Map.of("note", "不属于本部门职责"));
        clock.reset();

        CurrentUser dispatcher = currentUser("dispatcher", "case:view");
        PageResult<CaseSummary> first = board.queue(CaseBoard.Queue.TO_DISPATCH, dispatcher, new PageRequest(0, 1));
        PageResult<CaseSummary> second = board.queue(CaseBoard.Queue.TO_DISPATCH, dispatcher, new PageRequest(1, 1));
        assertThat(first.items()).extracting(CaseSummary::id).containsExactly(registered);
        assertThat(second.items()).extracting(CaseSummary::id).containsExactly(returned);
        assertThat(second.items().get(0).state().name()).isEqualTo("RETURNED");
        assertThat(first.total()).isGreaterThanOrEqualTo(2);
        assertThat(first.totalExact()).isTrue();
        assertThat(board.count(CaseBoard.Queue.TO_DISPATCH, dispatcher)).isEqualTo(Math.min(first.total(),
                CaseBoard.BADGE_CAP + 1));
        // a department's own queue is not one of these: the handler sees neither
        assertThat(board.queue(CaseBoard.Queue.TO_SIGN, currentUser("handler", "case:view"), new PageRequest(0, 50)).items())
                .extracting(CaseSummary::id).doesNotContain(returned, registered);

        // out of 木石镇's work queues again (the browser tests expect their own cases on the first page)
        act("dispatcher", registered, "reject", Map.of("note", "测试结束"));
        act("dispatcher", returned, "reject", Map.of("note", "测试结束"));
    }

    private long report(String description) {
        double[] p = pointIn("凤翔小镇社区第一网格第2单元");
        Http.Response r = http.post("/api/cases", Map.of("category", "URBAN_STREET_VENDOR", "description", description,
                "lat", p[0], "lng", p[1])).bearer(token("dispatcher")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }
}
