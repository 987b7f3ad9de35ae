package cn.huying.residents.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.PersonalData;
import cn.huying.identity.RegionScope;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.residents.HouseUse;
import cn.huying.residents.IdCardNumber;
import cn.huying.residents.ImportJob;
import cn.huying.residents.Relation;
import cn.huying.residents.ResidentKind;
import cn.huying.shared.DomainException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Excel import 批量导入: one row per person, the house named by building, unit and room in a grid (by code).
 * Every row is checked first; a file with a refused row stores nothing and reports each refused row in
 * Chinese; a clean file is stored in one transaction. It runs beside the request; the job row shows progress.
 */
@Service
class ResidentImport implements cn.huying.residents.ResidentImports {

    static final List<String> HEADER = COLUMNS;
    static final int MAX_ROWS = 5000;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{5,20}");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("M/d/yy"));

    private final ImportJobs jobs;
    private final ResidentRepository repo;
    private final Regions regions;
    private final CurrentUsers users;
    private final PersonalData pii;
    private final IdLookup lookup;
    private final PersonTags tags;
    private final MessageSource messages;
    private final TaskExecutor executor;
    private final TransactionTemplate tx;
    private final Clock clock;

    ResidentImport(ImportJobs jobs, ResidentRepository repo, Regions regions, CurrentUsers users, PersonalData pii,
                   IdLookup lookup, PersonTags tags, MessageSource messages,
                   @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor,
                   TransactionTemplate tx, Clock clock) {
        this.jobs = jobs;
        this.repo = repo;
        this.regions = regions;
        this.users = users;
        this.pii = pii;
        this.lookup = lookup;
        this.tags = tags;
        this.messages = messages;
        this.executor = executor;
        this.tx = tx;
        this.clock = clock;
    }

    /** Starts an import of the file; answers the job at once. Too big a file is refused before it is read. */
    @Override
    public ImportJob start(String fileName, byte[] bytes, CurrentUser actor) {
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("resident.import.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw DomainException.invalid("resident.import.too-big", MAX_BYTES / 1024 / 1024);
        }
        String name = fileName == null || fileName.isBlank() ? "import.xlsx" : fileName.strip();
        long id = jobs.create(actor.id(), name.length() > 200 ? name.substring(0, 200) : name, clock.instant());
        executor.execute(() -> run(id, bytes, actor));
        return jobs.get(id, actor.id()).orElseThrow();
    }

    @Override
    public ImportJob job(long id, CurrentUser viewer) {
        return jobs.get(id, viewer.id()).orElseThrow(() -> DomainException.notFound("resident.import.not-found", id));
    }

    @Override
    public byte[] template() {
        return ResidentSheets.template();
    }

    private void run(long jobId, byte[] bytes, CurrentUser actor) {
        try {
            List<List<String>> rows = ImportRows.read(new ByteArrayInputStream(bytes), HEADER, MAX_ROWS);
            jobs.total(jobId, rows.size());
            List<Row> checked = new ArrayList<>();
            List<String> refusals = check(rows, actor, jobId, checked);
            if (!refusals.isEmpty()) {
                jobs.finish(jobId, "REFUSED", 0, refusals, clock.instant());
                return;
            }
            int stored = tx.execute(s -> store(checked, actor));
            jobs.finish(jobId, "DONE", stored, List.of(), clock.instant());
        } catch (ImportRows.Refused e) {
            jobs.finish(jobId, "FAILED", 0, List.of(text(e.key, e.args)), clock.instant());
        } catch (RuntimeException e) {
            jobs.finish(jobId, "FAILED", 0, List.of(text("resident.import.failed")), clock.instant());
        }
    }

    /** A checked row, ready to store. */
    private record Row(int line, String building, String unit, String room, RegionView grid, HouseUse use, String name,
                       String idCard, String phone, ResidentKind kind, Relation relation, LocalDate moveIn,
                       LocalDate expiry, Set<String> tags) {
    }

    private List<String> check(List<List<String>> rows, CurrentUser actor, long jobId, List<Row> out) {
        RegionScope scope = users.scopeOf(actor);
        Map<String, RegionView> grids = new HashMap<>();
        Set<String> seenIds = new HashSet<>();
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i).stream().map(String::strip).toList();
            int line = i + 2;
            List<String> why = new ArrayList<>();
            for (int c : new int[]{0, 1, 2, 3, 4, 5, 6, 8}) {
                if (r.get(c).isEmpty()) {
                    why.add(text("resident.import.missing", HEADER.get(c)));
                }
            }
            RegionView grid = r.get(3).isEmpty() ? null : grids.computeIfAbsent(r.get(3),
                    code -> regions.findByCode(code).filter(g -> g.type().isGrid() && scope.covers(g.path())).orElse(null));
            if (!r.get(3).isEmpty() && grid == null) {
                why.add(text("resident.import.grid", r.get(3)));
            }
            HouseUse use = HouseUse.parse(r.get(4));
            if (!r.get(4).isEmpty() && use == null) {
                why.add(text("resident.import.use", r.get(4)));
            }
            String id = IdCardNumber.normalize(r.get(6));
            if (!id.isEmpty() && !IdCardNumber.valid(id)) {
                why.add(text("resident.idcard.invalid"));
            } else if (!id.isEmpty() && (!seenIds.add(id) || repo.personByHash(lookup.hash(id)).isPresent())) {
                why.add(text("resident.import.duplicate-id"));
            }
            if (!r.get(7).isEmpty() && !PHONE.matcher(r.get(7)).matches()) {
                why.add(text("resident.phone.invalid"));
            }
            ResidentKind kind = ResidentKind.parse(r.get(8));
            if (!r.get(8).isEmpty() && kind == null) {
                why.add(text("resident.import.kind", r.get(8)));
            }
            Relation relation = r.get(9).isEmpty() ? Relation.OTHER : Relation.parse(r.get(9));
            if (relation == null) {
                why.add(text("resident.import.relation", r.get(9)));
            }
            LocalDate moveIn = r.get(10).isEmpty() ? LocalDate.now(clock) : date(r.get(10));
            LocalDate expiry = r.get(11).isEmpty() ? null : date(r.get(11));
            if (moveIn == null || (!r.get(11).isEmpty() && expiry == null)) {
                why.add(text("resident.import.date"));
            }
            if (kind != null && kind.registers() && expiry == null && r.get(11).isEmpty()) {
                why.add(text("resident.registration.required"));
            }
            Set<String> tagCodes = new LinkedHashSet<>();
            for (String t : r.get(12).split("[、,，;；\\s]+")) {
                if (!t.isBlank()) {
                    String code = tags.code(t);
                    if (code == null) {
                        why.add(text("resident.tag.unknown", t));
                    } else {
                        tagCodes.add(code);
                    }
                }
            }
            if (r.get(5).length() > 60 || r.get(0).length() > 100 || r.get(1).length() > 40 || r.get(2).length() > 40) {
                why.add(text("resident.import.too-long"));
            }
            if (why.isEmpty()) {
                out.add(new Row(line, r.get(0), r.get(1), r.get(2), grid, use, r.get(5), id, r.get(7), kind, relation,
                        moveIn, expiry, tagCodes));
            } else {
                refusals.add(text("resident.import.row", line, String.join("；", why)));
            }
            if ((i + 1) % 200 == 0) {
                jobs.progress(jobId, i + 1);
            }
        }
        jobs.progress(jobId, rows.size());
        return refusals;
    }

    private int store(List<Row> rows, CurrentUser actor) {
        var now = clock.instant();
        Map<String, Long> households = new HashMap<>();
        for (Row r : rows) {
            long building = repo.building(r.building(), r.grid().id(), r.grid().path(), null, null, now);
            long unit = repo.unit(building, r.unit());
            String key = unit + "/" + r.room();
            long household = households.computeIfAbsent(key, k -> {
                Long house = repo.houseOf(unit, r.room());
                if (house == null) {
                    String address = r.building() + r.unit() + r.room() + (r.room().endsWith("室") ? "" : "室");
                    house = repo.insertHouse(building, unit, r.room(), address, r.grid().id(), r.grid().path(),
                            r.use(), null, null, now);
                    repo.history(HouseRegistry.HOUSE, house, actor.displayName(), now, "批量导入：登记房屋 " + address);
                }
                List<Long> existing = repo.households(house);
                return existing.isEmpty() ? repo.insertHousehold(house, now) : existing.get(0);
            });
            String phone = r.phone().isEmpty() ? null : r.phone();
            long person = repo.insertPerson(r.name(), IdCardNumber.gender(r.idCard()),
                    IdCardNumber.birthDate(r.idCard()).orElse(null), pii.encrypt(r.idCard()), lookup.hash(r.idCard()),
                    PersonalData.maskIdCard(r.idCard()), pii.encrypt(phone), PersonalData.maskPhone(phone), r.kind(),
                    r.expiry(), now);
            tags.replace(person, r.tags());
            repo.insertMember(household, person, r.relation(), r.moveIn());
            repo.history(PersonRegistry.PERSON, person, actor.displayName(), now, "批量导入（第 " + r.line() + " 行）");
        }
        return rows.size();
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // the next pattern
            }
        }
        return null;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
