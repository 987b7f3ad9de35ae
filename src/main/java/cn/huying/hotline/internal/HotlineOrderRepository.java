package cn.huying.hotline.internal;

import cn.huying.cases.Channel;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hotline work orders 工单 and the case each became; the order number is unique. */
@Repository
class HotlineOrderRepository {

    record Row(String orderNo, long caseId, Channel channel, String hotlineCategory, String categoryCode,
               boolean categoryMapped, Instant receivedAt, Instant hotlineDueAt) {
    }

    private final JdbcClient jdbc;

    HotlineOrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fails with a {@code DuplicateKeyException} when the order number is taken (also by a concurrent insert). */
    void insert(Row row, long submittedBy, Instant now) {
        jdbc.sql("""
                INSERT INTO hotline_order (order_no, case_id, channel, hotline_category, category_code, category_mapped,
                                           received_at, hotline_due_at, submitted_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.orderNo(), row.caseId(), row.channel().name(), row.hotlineCategory(), row.categoryCode(),
                        row.categoryMapped(), Open311Repository.utc(row.receivedAt()),
                        Open311Repository.utc(row.hotlineDueAt()), submittedBy, Open311Repository.utc(now))
                .update();
    }

    Optional<Row> find(String orderNo) {
        return jdbc.sql("""
                SELECT order_no, case_id, channel, hotline_category, category_code, category_mapped, received_at,
                       hotline_due_at FROM hotline_order WHERE order_no = ?""")
                .param(orderNo)
                .query((rs, n) -> new Row(rs.getString("order_no"), rs.getLong("case_id"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("hotline_category"),
                        rs.getString("category_code"), rs.getBoolean("category_mapped"),
                        Open311Repository.instant(rs, "received_at"), Open311Repository.instant(rs, "hotline_due_at")))
                .optional();
    }

    /**
     * The order number of a case that came from the hotline, locking the order's row until the
     * transaction ends, so that messages of one case are appended one transaction at a time.
     */
    Optional<String> lockOrderOf(long caseId) {
        return jdbc.sql("SELECT order_no FROM hotline_order WHERE case_id = ? FOR UPDATE").param(caseId)
                .query(String.class).optional();
    }
}
