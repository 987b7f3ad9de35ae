package cn.huying.cases.internal;

import cn.huying.cases.CaseState;
import cn.huying.cases.LedgerEntry;
import cn.huying.cases.SupervisionOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ledgers 台账 and supervision lists, in the caller's data scope (bound in the SQL). */
@Repository
class LedgerQueries {

    /** Which ledger. */
    enum Ledger {
        /** 超期台账: past the deadline, clock running. */
        OVERDUE,
        /** 问题台账: parked 挂账. */
        PROBLEMS,
        /** 黄灯: one working day left. */
        YELLOW,
        /** 红灯: overdue since the first working day after the deadline. */
        RED
    }

    private static final String RUNNING = " AND c.clock_stopped_at IS NULL AND c.state IN ('REGISTERED', 'DISPATCHED', "
            + "'ACCEPTED', 'RETURNED', 'REOPENED', 'ESCALATED')";

    /**
     * A ledger line's columns, with the latest staged progress 阶段性进展 given (its reason, next steps and the new
     * date promised), for {@link #entry}.
     */
    static final String ENTRY_SELECT = """
            SELECT c.id, c.code, c.title, cat.name AS category_name, c.state, c.department_id,
                   d.name AS department_name, r.name AS region_name, c.received_at, c.due_at, c.yellow_at, c.red_at,
                   c.progress_due_at, c.last_progress_at, c.clock_stopped_at,
                   (SELECT p.reason FROM case_progress p WHERE p.case_id = c.id
                     ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1) AS progress_reason,
                   (SELECT p.next_steps FROM case_progress p WHERE p.case_id = c.id
                     ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1) AS progress_next_steps,
                   (SELECT p.promised_date FROM case_progress p WHERE p.case_id = c.id
                     ORDER BY p.recorded_at DESC, p.id DESC LIMIT 1) AS progress_promised_date
            FROM case_file c JOIN region r ON r.id = c.region_id
            JOIN case_category cat ON cat.id = c.category_id
            LEFT JOIN department d ON d.id = c.department_id""";

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ledger's condition over {@code case_file c}, its values appended to {@code params}. */
    static String ledger(Ledger ledger, Instant now, List<Object> params) {
        return switch (ledger) {
            case OVERDUE -> {
                params.add(CaseRepository.utc(now));
                yield " AND c.due_at < ?" + RUNNING;
            }
            case PROBLEMS -> " AND c.state = 'PARKED'";
            case YELLOW -> {
                params.add(CaseRepository.utc(now));
                params.add(CaseRepository.utc(now));
                yield " AND c.yellow_at <= ? AND c.red_at > ?" + RUNNING;
            }
            case RED -> {
                params.add(CaseRepository.utc(now));
                yield " AND c.red_at <= ?" + RUNNING;
            }
        };
    }

    List<LedgerEntry> page(Ledger ledger, CaseScope scope, Instant now, int limit, int offset) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params) + ledger(ledger, now, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql(ENTRY_SELECT + where + " ORDER BY c.due_at, c.id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> entry(rs, now))
                .list();
    }

    /** The ledger's cases counted up to {@code cap} + 1 (which means "more than {@code cap}"). */
    long count(Ledger ledger, CaseScope scope, Instant now, long cap) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params) + ledger(ledger, now, params);
        return CappedCount.count(jdbc, "FROM case_file c JOIN region r ON r.id = c.region_id" + where, params, cap);
    }

    static LedgerEntry entry(ResultSet rs, Instant now) throws SQLException {
        CaseState state = CaseState.valueOf(rs.getString("state"));
        Instant due = CaseRepository.instant(rs, "due_at");
        Instant yellow = CaseRepository.instant(rs, "yellow_at");
        Instant red = CaseRepository.instant(rs, "red_at");
        String light;
        if (rs.getObject("clock_stopped_at") != null) {
            light = "STOPPED";
        } else if (due == null) {
            light = "NONE";
        } else if (red != null && !now.isBefore(red)) {
            light = "RED";
        } else if (yellow != null && !now.isBefore(yellow)) {
            light = "YELLOW";
        } else {
            light = "GREEN";
        }
        return new LedgerEntry(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                rs.getString("category_name"), state, state.label(), rs.getObject("department_id", Long.class),
                rs.getString("department_name"), rs.getString("region_name"), CaseRepository.instant(rs, "received_at"),
                due, yellow, red, CaseRepository.instant(rs, "progress_due_at"),
                CaseRepository.instant(rs, "last_progress_at"), light, rs.getString("progress_reason"),
                rs.getString("progress_next_steps"), rs.getObject("progress_promised_date", java.time.LocalDate.class));
    }

    static final String ORDER_COLUMNS = """
            o.id, o.case_id, c.code, c.title, o.due_at, o.issued_at, o.department_id, d.name AS department_name,
            o.handler_id, o.text, o.kind, o.level, o.demand, o.answer_due_at, o.opened_by_name, o.answer, o.answered_at,
            o.answered_by_name""";

    static SupervisionOrder order(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SupervisionOrder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                CaseRepository.instant(rs, "due_at"), CaseRepository.instant(rs, "issued_at"),
                rs.getObject(7, Long.class), rs.getString(8), rs.getObject(9, Long.class), rs.getString(10),
                rs.getString("kind"), rs.getString("level"), rs.getString("demand"),
                CaseRepository.instant(rs, "answer_due_at"), rs.getString("opened_by_name"), rs.getString("answer"),
                CaseRepository.instant(rs, "answered_at"), rs.getString("answered_by_name"));
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
                .query(LedgerQueries::order)
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
