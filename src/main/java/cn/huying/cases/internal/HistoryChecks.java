package cn.huying.cases.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.StepChain;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks the sealed history of cases 全程留痕核验 (issue 30): one case, the cases of a region's subtree (a town) or
 * every case, batch by batch in id order, each case's entries against its seals and the head and length on the
 * case row ({@link StepChain}), and names each broken link: the case, the entry's position and id, and why. A run
 * is recorded in {@code history_check} with its progress, so the admin page (on any node) shows how far it got;
 * the command {@code --verify-history} runs the same check without the web server.
 */
@Service
public class HistoryChecks {

    private static final Logger log = LoggerFactory.getLogger(HistoryChecks.class);
    static final int BATCH = 1000;
    static final int BREAKS_KEPT = 100;

    /** What a run checks: {@code CASE} (one case), {@code REGION} (a subtree), {@code ALL}. */
    public record Scope(String kind, Long caseId, String regionPath, String name) {
    }

    /** One broken link: the case's code, the entry's position (and id; null when the chain's end is at fault). */
    public record BrokenLink(String caseCode, long position, Long entryId, StepChain.Fault fault) {
    }

    /** A run and how far it got. */
    public record Run(long id, String scopeKind, String scopeName, String startedBy, Instant startedAt,
                      Instant finishedAt, String status, long casesTotal, long casesDone, long entries, long unsealed,
                      long broken, List<BrokenLink> breaks) {

        public int percent() {
            return casesTotal == 0 ? (finishedAt == null ? 0 : 100) : (int) Math.min(100, casesDone * 100 / casesTotal);
        }

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final HistoryChain chain;
    private final Regions regions;
    private final CurrentUsers users;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "history-check");
        t.setDaemon(true);
        return t;
    });

    HistoryChecks(JdbcClient jdbc, HistoryChain chain, Regions regions, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.regions = regions;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The scope named by {@code what}: {@code all}, a case's code, or a region's code (its subtree), within what
     * {@code user} may see (null: the command line, everything).
     */
    public Scope scope(String what, CurrentUser user) {
        String w = what == null ? "" : what.strip();
        if (w.isEmpty() || "all".equalsIgnoreCase(w)) {
            if (user != null && !users.scopeOf(user).unrestricted()) {
                throw DomainException.forbidden("history.check.all.forbidden");
            }
            return new Scope("ALL", null, null, "全部事件");
        }
        Optional<RegionView> region = regions.findByCode(w);
        if (region.isPresent()) {
            if (user != null && !users.scopeOf(user).covers(region.get().path())) {
                throw DomainException.notFound("history.check.scope.unknown", w);
            }
            return new Scope("REGION", null, region.get().path(), region.get().name());
        }
        record Found(long id, String path) {
        }
        Found c = jdbc.sql("SELECT c.id, r.path FROM case_file c JOIN region r ON r.id = c.region_id WHERE c.code = ?")
                .param(w.toUpperCase(java.util.Locale.ROOT)).query((rs, n) -> new Found(rs.getLong(1), rs.getString(2)))
                .optional().orElseThrow(() -> DomainException.notFound("history.check.scope.unknown", w));
        if (user != null && !users.scopeOf(user).covers(c.path())) {
            throw DomainException.notFound("history.check.scope.unknown", w);
        }
        return new Scope("CASE", c.id(), null, w.toUpperCase(java.util.Locale.ROOT));
    }

    /** Starts a run in the background and returns it at once; its progress is in {@link #find}. */
    public Run start(Scope scope, String startedBy) {
        long id = insert(scope, startedBy);
        runner.execute(() -> {
            try {
                check(id, scope, run -> { });
            } catch (RuntimeException e) {
                log.error("history check {} failed", id, e);
                jdbc.sql("UPDATE history_check SET status = 'FAILED', finished_at = ? WHERE id = ?")
                        .params(CaseRows.utc(clock.instant()), id).update();
            }
        });
        return find(id).orElseThrow();
    }

    /** Runs a check in this thread (the command line), telling {@code progress} after each batch. */
    public Run runNow(Scope scope, String startedBy, Consumer<Run> progress) {
        long id = insert(scope, startedBy);
        check(id, scope, progress);
        return find(id).orElseThrow();
    }

    public Optional<Run> find(long id) {
        return jdbc.sql("SELECT * FROM history_check WHERE id = ?").param(id).query(HistoryChecks::run).optional();
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("SELECT * FROM history_check ORDER BY id DESC LIMIT ?").param(limit).query(HistoryChecks::run)
                .list();
    }

    private long insert(Scope scope, String startedBy) {
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO history_check (scope_kind, scope_name, started_by, started_at, status) VALUES (?, ?, ?, ?, 'RUNNING')")
                .params(scope.kind(), scope.name(), startedBy, CaseRows.utc(clock.instant())).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void check(long id, Scope scope, Consumer<Run> progress) {
        String from = " FROM case_file c" + (scope.regionPath() != null ? " JOIN region r ON r.id = c.region_id" : "");
        String where = switch (scope.kind()) {
            case "CASE" -> " WHERE c.id = ?";
            case "REGION" -> " WHERE r.path LIKE ?";
            default -> " WHERE 1 = 1";
        };
        Object scopeParam = switch (scope.kind()) {
            case "CASE" -> scope.caseId();
            case "REGION" -> scope.regionPath() + "%";
            default -> null;
        };
        List<Object> countParams = scopeParam == null ? List.of() : List.of(scopeParam);
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(countParams).query(Long.class).single();
        jdbc.sql("UPDATE history_check SET cases_total = ? WHERE id = ?").params(total, id).update();
        long done = 0;
        long entries = 0;
        long unsealed = 0;
        long broken = 0;
        List<BrokenLink> breaks = new ArrayList<>();
        long after = 0;
        Instant lastReport = Instant.EPOCH;
        while (true) {
            record CaseHead(long id, String code, String head, int length) {
            }
            List<Object> params = new ArrayList<>(countParams);
            params.add(after);
            List<CaseHead> cases = jdbc.sql("SELECT c.id, c.code, c.history_head, c.history_length" + from + where
                            + " AND c.id > ? ORDER BY c.id LIMIT " + BATCH).params(params)
                    .query((rs, n) -> new CaseHead(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                    .list();
            if (cases.isEmpty()) {
                break;
            }
            Map<Long, List<StepChain.Entry>> byCase = new LinkedHashMap<>();
            cases.forEach(c -> byCase.put(c.id(), new ArrayList<>()));
            String in = cases.stream().map(c -> "?").collect(Collectors.joining(","));
            jdbc.sql("SELECT case_id, id, seq, seal, " + HistoryChain.SEALED_COLUMNS + " FROM case_history WHERE case_id IN ("
                            + in + ") ORDER BY case_id, id")
                    .params(cases.stream().map(CaseHead::id).map(Object.class::cast).toList())
                    .query(rs -> {
                        // seq is an INTEGER: PostgreSQL's driver does not read an int4 as a Long
                        Integer seq = rs.getObject("seq", Integer.class);
                        byCase.get(rs.getLong("case_id")).add(new StepChain.Entry(rs.getLong("id"),
                                seq == null ? null : seq.longValue(), rs.getString("seal"), HistoryChain.fields(rs)));
                    });
            for (CaseHead c : cases) {
                StepChain.Result r = StepChain.check(chain.sealer(), HistoryChain.record(c.code()), byCase.get(c.id()),
                        c.head(), c.length());
                entries += r.checked();
                unsealed += r.unsealed();
                if (r.broken().isPresent()) {
                    broken++;
                    StepChain.Break b = r.broken().get();
                    if (breaks.size() < BREAKS_KEPT) {
                        breaks.add(new BrokenLink(c.code(), b.position(), b.entryId(), b.fault()));
                    }
                }
            }
            done += cases.size();
            after = cases.get(cases.size() - 1).id();
            Instant now = clock.instant();
            if (Duration.between(lastReport, now).toMillis() >= 500 || cases.size() < BATCH) {
                lastReport = now;
                save(id, done, entries, unsealed, broken, breaks, null);
                find(id).ifPresent(progress);
            }
        }
        save(id, done, entries, unsealed, broken, breaks, clock.instant());
        find(id).ifPresent(progress);
    }

    private void save(long id, long done, long entries, long unsealed, long broken, List<BrokenLink> breaks,
                      Instant finished) {
        String text = breaks.stream().map(b -> b.caseCode() + "," + b.position() + "," + (b.entryId() == null ? "" : b.entryId())
                + "," + b.fault().name()).collect(Collectors.joining("\n"));
        jdbc.sql("UPDATE history_check SET cases_done = ?, entries = ?, unsealed = ?, broken = ?, breaks = ?,"
                        + " finished_at = ?, status = ? WHERE id = ?")
                .params(done, entries, unsealed, broken, text.isEmpty() ? null : text, CaseRows.utc(finished),
                        finished == null ? "RUNNING" : (broken == 0 ? "INTACT" : "BROKEN"), id)
                .update();
    }

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String text = rs.getString("breaks");
        List<BrokenLink> breaks = text == null ? Collections.emptyList() : text.lines().map(l -> {
            String[] p = l.split(",", -1);
            return new BrokenLink(p[0], Long.parseLong(p[1]), p[2].isEmpty() ? null : Long.valueOf(p[2]),
                    StepChain.Fault.valueOf(p[3]));
        }).toList();
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new Run(rs.getLong("id"), rs.getString("scope_kind"), rs.getString("scope_name"),
                rs.getString("started_by"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString("status"), rs.getLong("cases_total"),
                rs.getLong("cases_done"), rs.getLong("entries"), rs.getLong("unsealed"), rs.getLong("broken"), breaks);
    }
}
