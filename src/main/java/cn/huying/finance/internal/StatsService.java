package cn.huying.finance.internal;

import cn.huying.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 统计 — per bank and period [from, to] (dates in the platform's zone): engagements begun, first contacts made and missed,
 * average first-response time in hours, amounts approved and disbursed; and for the platform the needs published in
 * the period and the share a bank picked up (pick-up rate). A bank's query carries its bank set; the office's none.
 */
@Service
public class StatsService {

    public record BankStats(long bankId, String bankName, long engaged, long contacted, long lapsed,
                            BigDecimal avgFirstResponseHours, long approved, BigDecimal approvedAmount, long disbursed,
                            BigDecimal disbursedAmount) {
    }

    public record Stats(LocalDate from, LocalDate to, long needsPosted, long needsPickedUp, BigDecimal pickUpRate,
                        List<BankStats> banks) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    StatsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** For the office ({@code bank} null) or one bank's set. */
    public Stats stats(LocalDate from, LocalDate to, Long bank) {
        if (from == null || to == null || to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw DomainException.invalid("finance.stats.period.invalid");
        }
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        long posted = jdbc.sql("SELECT COUNT(*) FROM fin_need WHERE published_at >= ? AND published_at < ?")
                .params(NeedRepository.utc(start), NeedRepository.utc(end)).query(Long.class).single();
        long picked = jdbc.sql("""
                SELECT COUNT(*) FROM fin_need n WHERE n.published_at >= ? AND n.published_at < ?
                AND EXISTS (SELECT 1 FROM fin_engagement e WHERE e.need_id = n.id)""")
                .params(NeedRepository.utc(start), NeedRepository.utc(end)).query(Long.class).single();
        BigDecimal rate = posted == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(picked).divide(BigDecimal.valueOf(posted), 4, RoundingMode.HALF_UP);

        String scope = bank == null ? "" : " AND e.bank_id IN " + NeedRepository.BANK_SET;
        var query = jdbc.sql("""
                SELECT e.bank_id, b.name, e.status, e.started_at, e.contacted_at, e.approved_amount, e.disbursed_amount
                FROM fin_engagement e JOIN fin_bank b ON b.id = e.bank_id
                WHERE e.started_at >= :start AND e.started_at < :end""" + scope + " ORDER BY b.id, e.id")
                .param("start", NeedRepository.utc(start)).param("end", NeedRepository.utc(end))
                .param("bank", bank == null ? 0L : bank);
        Map<Long, Acc> byBank = new LinkedHashMap<>();
        query.query((rs, n) -> {
            Acc a = byBank.computeIfAbsent(rs.getLong(1), id -> new Acc(id, null));
            a.name = rs.getString(2);
            a.engaged++;
            String status = rs.getString(3);
            Instant started = NeedRepository.instant(rs, "started_at");
            Instant contacted = NeedRepository.instant(rs, "contacted_at");
            if (contacted != null) {
                a.contacted++;
                a.responseMinutes += Duration.between(started, contacted).toMinutes();
            }
            if ("LAPSED".equals(status)) {
                a.lapsed++;
            }
            BigDecimal approved = rs.getBigDecimal(6);
            if (approved != null) {
                a.approved++;
                a.approvedAmount = a.approvedAmount.add(approved);
            }
            BigDecimal disbursed = rs.getBigDecimal(7);
            if (disbursed != null) {
                a.disbursed++;
                a.disbursedAmount = a.disbursedAmount.add(disbursed);
            }
            return a;
        }).list();
        List<BankStats> banks = new ArrayList<>();
        for (Acc a : byBank.values()) {
            BigDecimal avg = a.contacted == 0 ? null : BigDecimal.valueOf(a.responseMinutes)
                    .divide(BigDecimal.valueOf(60L * a.contacted), 1, RoundingMode.HALF_UP);
            banks.add(new BankStats(a.id, a.name, a.engaged, a.contacted, a.lapsed, avg, a.approved, a.approvedAmount,
                    a.disbursed, a.disbursedAmount));
        }
        return new Stats(from, to, posted, picked, rate, banks);
    }

    private static final class Acc {
        final long id;
        String name;
        long engaged;
        long contacted;
        long lapsed;
        long responseMinutes;
        long approved;
        long disbursed;
        BigDecimal approvedAmount = BigDecimal.ZERO.setScale(2);
        BigDecimal disbursedAmount = BigDecimal.ZERO.setScale(2);

        Acc(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
