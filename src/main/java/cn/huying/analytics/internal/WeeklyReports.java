package cn.huying.analytics.internal;

import cn.huying.analytics.HotIssue;
import cn.huying.analytics.WeeklyReportInfo;
import cn.huying.assessment.RateFilter;
import cn.huying.assessment.Rates;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.identity.Roles;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.Zones;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly reports 周报: generated on demand for any week (Monday to Sunday) of a region in scope, and every Monday
 * for the week before for every town by a job that is safe on several nodes (the first node to claim a town's week
 * in {@code analytics_weekly_job} writes it, in the same transaction; the others wait for that row and skip). Every
 * generated file is kept.
 */
@Service
public class WeeklyReports {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReports.class);
    private static final String COLUMNS = "id, region_id, region_name, week_start, title, file_name, size_bytes, scheduled,"
            + " generated_by, generated_at";

    private final JdbcClient jdbc;
    private final FactReads reads;
    private final HotIssueFinder hot;
    private final Rates rates;
    private final AnalyticsScope scopes;
    private final Regions regions;
    private final MessageSource messages;
    private final TransactionTemplate tx;
    private final Clock clock;

    WeeklyReports(JdbcClient jdbc, FactReads reads, HotIssueFinder hot, Rates rates, AnalyticsScope scopes,
                  Regions regions, MessageSource messages, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.hot = hot;
        this.rates = rates;
        this.scopes = scopes;
        this.regions = regions;
        this.messages = messages;
        this.tx = tx;
        this.clock = clock;
    }

    /** Generates and keeps the report of the week starting {@code weekStart} (a Monday) for a region in scope. */
    public WeeklyReportInfo generate(LocalDate weekStart, Long regionId, CurrentUser by) {
        if (weekStart == null || weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw DomainException.invalid("analytics.week.not-monday", weekStart);
        }
        if (weekStart.isAfter(LocalDate.now(clock))) {
            throw DomainException.invalid("analytics.week.future", weekStart);
        }
        Long id = regionId != null ? regionId : by.scopeRegionId();
        if (id == null) {
            throw DomainException.invalid("analytics.region.missing");
        }
        RegionView region = scopes.region(by, id);
        return tx.execute(s -> store(region, weekStart, by, false));
    }

    /** Every Monday (06:00 Beijing time by default): last week's report for every town, once across all nodes. */
    // the cron in the platform's zone: a property placeholder, as an annotation cannot reach the Clock
    @Scheduled(cron = "${huying.analytics.weekly-report-cron:0 0 6 * * MON}", zone = Zones.SETTING)
    public void weekly() {
        LocalDate lastMonday = LocalDate.now(clock)
                .with(TemporalAdjusters.previous(DayOfWeek.MONDAY));
        for (RegionView town : regions.list(RegionScope.all(), null, RegionType.TOWN, null, false,
                new PageRequest(0, PageRequest.MAX_SIZE)).items()) {
            scheduled(town, lastMonday);
        }
    }

    /** The job's step for one town and week: claim, write, keep — or skip when another node has claimed it. */
    boolean scheduled(RegionView town, LocalDate weekStart) {
        CurrentUser system = new CurrentUser(0, "weekly-report", "周报任务", Set.of(Roles.SYSTEM), Set.of(),
                town.id(), null);
        try {
            return Boolean.TRUE.equals(tx.execute(s -> {
                jdbc.sql("INSERT INTO analytics_weekly_job (region_id, week_start, claimed_at) VALUES (?, ?, ?)")
                        .params(town.id(), weekStart, OffsetDateTime.now(clock)).update();
                store(town, weekStart, system, true);
                return true;
            }));
        } catch (DataAccessException e) {
            log.info("周报 {} {} 已由其他节点生成：{}", town.name(), weekStart, e.getClass().getSimpleName());
            return false;
        }
    }

    private WeeklyReportInfo store(RegionView region, LocalDate weekStart, CurrentUser by, boolean scheduled) {
        LocalDate weekEnd = weekStart.plusDays(6);
        String prefix = region.path();
        Map<Long, String> villages = villageNames(prefix);
        HotIssueFinder.TopAndRising issues = hot.topAndRising(prefix, weekStart, weekEnd, 8, 5, villages);
        List<HotIssue> top = issues.top();
        List<HotIssue> rising = issues.rising();
        WeeklyReportWriter.Content content = new WeeklyReportWriter.Content(region.name(), weekStart, weekEnd,
                reads.stats(prefix, weekStart, weekEnd),
                rates.rates(new RateFilter(region.id(), null, null, null, null, weekStart, weekEnd), by),
                reads.overdue(prefix, weekEnd.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), 50), top, rising,
                reads.typical(prefix, weekStart, weekEnd, 3),
                key -> messages.getMessage("analytics." + key, null, key, Locale.SIMPLIFIED_CHINESE), clock.getZone());
        byte[] file = WeeklyReportWriter.write(content);
        String title = "《" + WeeklyReportWriter.title(region.name()) + "》" + weekStart.format(WeeklyReportWriter.DAY)
                + "—" + weekEnd.format(WeeklyReportWriter.SHORT);
        String fileName = region.name() + "民生服务工作周报-" + weekStart + ".docx";
        OffsetDateTime now = OffsetDateTime.now(clock);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO analytics_weekly_report (region_id, region_name, week_start, title, file_name, content,
                  size_bytes, scheduled, generated_by, generated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(region.id(), region.name(), weekStart, title, fileName, file, file.length, scheduled,
                        by.username(), now).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return find(id).orElseThrow();
    }

    Map<Long, String> villageNames(String prefix) {
        Map<Long, String> out = new HashMap<>();
        regions.list(new RegionScope(prefix, null), null, RegionType.VILLAGE, null, false,
                new PageRequest(0, PageRequest.MAX_SIZE)).items().forEach(v -> out.put(v.id(), v.name()));
        return out;
    }

    /** The reports of the regions in the viewer's scope, newest week first. */
    public List<WeeklyReportInfo> list(CurrentUser viewer, int limit) {
        String prefix = scopes.prefix(viewer, null);
        return jdbc.sql("SELECT " + COLUMNS + " FROM analytics_weekly_report WHERE region_id IN (:regions)"
                        + " ORDER BY week_start DESC, id DESC LIMIT :limit")
                .param("regions", regionIds(prefix)).param("limit", limit).query((rs, i) -> info(rs)).list();
    }

    /** The Word file of a report in the viewer's scope, else not found. */
    public Map.Entry<WeeklyReportInfo, byte[]> file(long id, CurrentUser viewer) {
        WeeklyReportInfo info = find(id).orElseThrow(() -> DomainException.notFound("analytics.report.not-found", id));
        scopes.region(viewer, info.regionId());
        byte[] content = jdbc.sql("SELECT content FROM analytics_weekly_report WHERE id = ?").param(id)
                .query((rs, i) -> rs.getBytes(1)).single();
        return Map.entry(info, content);
    }

    private List<Long> regionIds(String prefix) {
        RegionScope scope = new RegionScope(prefix, null);
        List<Long> ids = new java.util.ArrayList<>();
        for (RegionType type : List.of(RegionType.COUNTY, RegionType.TOWN, RegionType.VILLAGE)) {
            regions.list(scope, null, type, null, false, new PageRequest(0, PageRequest.MAX_SIZE)).items()
                    .forEach(r -> ids.add(r.id()));
        }
        ids.add(-1L);
        return ids;
    }

    private java.util.Optional<WeeklyReportInfo> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM analytics_weekly_report WHERE id = ?").param(id)
                .query((rs, i) -> info(rs)).optional();
    }

    private static WeeklyReportInfo info(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate week = rs.getObject("week_start", LocalDate.class);
        return new WeeklyReportInfo(rs.getLong("id"), rs.getLong("region_id"), rs.getString("region_name"), week,
                week.plusDays(6), rs.getString("title"), rs.getString("file_name"), rs.getLong("size_bytes"),
                rs.getBoolean("scheduled"), rs.getString("generated_by"),
                rs.getObject("generated_at", OffsetDateTime.class).toInstant());
    }
}
