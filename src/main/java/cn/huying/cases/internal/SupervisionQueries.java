package cn.huying.cases.internal;

import cn.huying.cases.SupervisionOrder;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Supervision orders 督办单 and pending extension requests 延期申请, in the caller's data scope (bound in the SQL). The
 * deadline ledgers 台账 are analytics' (over the published view {@code case_work_v}).
 */
@Repository
class SupervisionQueries {

    private final JdbcClient jdbc;

    SupervisionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static final String ORDER_COLUMNS = """
            o.id, o.case_id, c.code, c.title, o.due_at, o.issued_at, o.department_id, d.name AS department_name,
            o.handler_id, o.text, o.kind, o.level, o.demand, o.answer_due_at, o.opened_by_name, o.answer, o.answered_at,
            o.answered_by_name""";

    static SupervisionOrder order(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SupervisionOrder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                CaseRows.instant(rs, "due_at"), CaseRows.instant(rs, "issued_at"),
                rs.getObject(7, Long.class), rs.getString(8), rs.getObject(9, Long.class), rs.getString(10),
                rs.getString("kind"), rs.getString("level"), rs.getString("demand"),
                CaseRows.instant(rs, "answer_due_at"), rs.getString("opened_by_name"), rs.getString("answer"),
                CaseRows.instant(rs, "answered_at"), rs.getString("answered_by_name"));
    }

    /** The orders in the scope, newest first; only the unanswered ones when {@code openOnly}. */
    List<SupervisionOrder> supervisionOrders(CaseScope scope, boolean openOnly, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params) + (openOnly ? " AND o.answered_at IS NULL" : "");
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT " + ORDER_COLUMNS + """

                FROM supervision_order o JOIN case_file c ON c.id = o.case_id JOIN region r ON r.id = c.region_id
                LEFT JOIN department d ON d.id = o.department_id""" + where + " ORDER BY o.issued_at DESC, o.id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query(SupervisionQueries::order)
                .list();
    }

    long countSupervisionOrders(CaseScope scope, boolean openOnly) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params) + (openOnly ? " AND o.answered_at IS NULL" : "");
        return jdbc.sql("SELECT COUNT(*) FROM supervision_order o JOIN case_file c ON c.id = o.case_id"
                + " JOIN region r ON r.id = c.region_id" + where).params(params).query(Long.class).single();
    }

    /** Ids of pending extension requests in the scope, oldest first. */
    List<Long> pendingExtensions(CaseScope scope, int limit) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params);
        params.add(limit);
        return jdbc.sql("SELECT e.id FROM case_extension e JOIN case_file c ON c.id = e.case_id"
                        + " JOIN region r ON r.id = c.region_id" + where + " AND e.status = 'PENDING' ORDER BY e.id LIMIT ?")
                .params(params).query(Long.class).list();
    }
}
