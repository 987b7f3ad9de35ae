package cn.huying.patrol.internal;

import cn.huying.cases.Cases;
import cn.huying.cases.Channel;
import cn.huying.cases.NewCase;
import cn.huying.cases.Urgency;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionScope;
import cn.huying.patrol.Patrols.NewPatrol;
import cn.huying.patrol.Patrols.PatrolView;
import cn.huying.patrol.Patrols.Recorded;
import cn.huying.patrol.Patrols.Shift;
import cn.huying.patrol.internal.PatrolRepository.PatrolRow;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.residents.Residents;
import cn.huying.residents.Residents.HouseSummary;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patrols 一日双巡查: recorded in one step (only the shift is needed; the place, finding and house are optional,
 * a location or photo never), and a finding turned into a case through the cases intake in the same transaction,
 * the house named in the registry's case links. Idempotent per worker and key.
 */
@Service
class PatrolService {

    private final PatrolRepository repo;
    private final Cases cases;
    private final Residents residents;
    private final Regions regions;
    private final CurrentUsers users;
    private final TransactionTemplate tx;
    private final Clock clock;

    PatrolService(PatrolRepository repo, Cases cases, Residents residents, Regions regions, CurrentUsers users,
                  TransactionTemplate tx, Clock clock) {
        this.repo = repo;
        this.cases = cases;
        this.residents = residents;
        this.regions = regions;
        this.users = users;
        this.tx = tx;
        this.clock = clock;
    }

    List<Shift> shifts() {
        return repo.shifts().entrySet().stream().map(e -> new Shift(e.getKey(), e.getValue())).toList();
    }

    Recorded<PatrolView> record(NewPatrol p, CurrentUser worker) {
        String key = key(p.idempotencyKey());
        if (key != null) {
            Optional<Long> prior = repo.patrolByKey(worker.id(), key);
            if (prior.isPresent()) {
                return new Recorded<>(view(prior.get(), worker), true);
            }
        }
        try {
            long id = tx.execute(s -> insert(p, key, worker));
            return new Recorded<>(view(id, worker), false);
        } catch (DuplicateKeyException e) {
            // the same record sent twice at once: the first one stands
            return new Recorded<>(view(repo.patrolByKey(worker.id(), key).orElseThrow(() -> e), worker), true);
        }
    }

    private long insert(NewPatrol p, String key, CurrentUser worker) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        Map<String, String> shifts = repo.shifts();
        String shift = p.shift() == null || p.shift().isBlank() ? defaultShift(shifts) : p.shift().strip();
        if (!shifts.containsKey(shift)) {
            errors.add("shift", "patrol.shift.unknown", shift);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate date = p.date() == null ? today : p.date();
        if (date.isAfter(today) || date.isBefore(today.minusDays(31))) {
            errors.add("date", "patrol.date.range");
        }
        String finding = text(p.finding(), "finding", 2000, errors);
        String place = text(p.place(), "place", 300, errors);
        if (p.toCase() && finding == null) {
            errors.add("finding", "patrol.finding.required");
        }
        if (p.toCase() && (p.category() == null || p.category().isBlank())) {
            errors.add("category", "patrol.category.required");
        }
        HouseSummary house = p.houseId() == null ? null : residents.findHouse(p.houseId(), worker).orElse(null);
        if (p.houseId() != null && house == null) {
            errors.add("houseId", "patrol.house.outside");
        }
        RegionView grid = grid(house, p.regionId(), worker, errors);
        errors.throwIfAny();
        long id = repo.insertPatrol(worker.id(), worker.displayName(), grid.id(), grid.path(), shift, date, place,
                finding, house == null ? null : house.id(), house == null ? null : house.address(), key, clock.instant());
        if (p.toCase()) {
            toCase(id, p.category(), finding, grid, house, key, worker);
        }
        return id;
    }

    private String defaultShift(Map<String, String> shifts) {
        LocalTime now = LocalTime.now(clock);
        if (shifts.containsKey("MORNING") && now.isBefore(LocalTime.NOON)) {
            return "MORNING";
        }
        if (shifts.containsKey("AFTERNOON") && !now.isBefore(LocalTime.NOON)) {
            return "AFTERNOON";
        }
        return shifts.keySet().stream().findFirst().orElse("");
    }

    /** The house's grid; else the chosen grid in scope; else the worker's own grid. */
    private RegionView grid(HouseSummary house, Long regionId, CurrentUser worker, InvalidInput.Collector errors) {
        RegionScope scope = users.scopeOf(worker);
        Long id = house != null ? Long.valueOf(house.regionId()) : regionId != null ? regionId : worker.scopeRegionId();
        RegionView r = id == null ? null
                : regions.find(id).filter(v -> scope.covers(v.path()) && v.type().isGrid()).orElse(null);
        if (r == null && !errors.has("houseId")) {
            errors.add("regionId", "patrol.region.required");
        }
        return r;
    }

    private void toCase(long patrolId, String category, String finding, RegionView grid, HouseSummary house,
                        String key, CurrentUser worker) {
        Cases.Submitted submitted = cases.submit(new NewCase(category.strip(), Channel.GRID_REPORT, Urgency.NORMAL, null,
                finding, null, null, house == null ? null : house.address(), grid.id(), null, null, false, null,
                List.of(), key == null ? null : "patrol:" + key), worker);
        repo.setCase(patrolId, submitted.c().id(), submitted.c().code());
        if (house != null) {
            residents.linkCase(submitted.c().id(), house.id(), List.of(), worker);
        }
    }

    PatrolView findingToCase(long patrolId, String category, CurrentUser worker) {
        tx.executeWithoutResult(s -> {
            RegionScope scope = users.scopeOf(worker);
            repo.lockPatrol(patrolId);
            PatrolRow row = repo.patrol(patrolId, scope)
                    .orElseThrow(() -> DomainException.notFound("patrol.not-found", patrolId));
            if (row.caseId() != null) {
                throw DomainException.conflict("patrol.case.exists", row.caseCode());
            }
            if (row.workerId() != worker.id()) {
                throw DomainException.forbidden("patrol.not-yours");
            }
            InvalidInput.Collector errors = new InvalidInput.Collector();
            if (row.finding() == null) {
                errors.add("finding", "patrol.finding.required");
            }
            if (category == null || category.isBlank()) {
                errors.add("category", "patrol.category.required");
            }
            errors.throwIfAny();
            HouseSummary house = row.houseId() == null ? null : residents.findHouse(row.houseId(), worker).orElse(null);
            toCase(patrolId, category, row.finding(), regions.find(row.regionId()).orElseThrow(), house,
                    "case-of-" + patrolId, worker);
        });
        return view(patrolId, worker);
    }

    PatrolView view(long id, CurrentUser viewer) {
        return repo.patrol(id, users.scopeOf(viewer)).map(this::view)
                .orElseThrow(() -> DomainException.notFound("patrol.not-found", id));
    }

    PatrolView view(PatrolRow r) {
        return new PatrolView(r.id(), r.workerName(), r.regionId(), regions.find(r.regionId()).map(RegionView::name)
                .orElse(""), r.shift(), r.shiftName(), r.date(), r.place(), r.finding(), r.houseId(), r.houseAddress(),
                r.caseId(), r.caseCode(), r.recordedAt());
    }

    List<PatrolView> patrols(LocalDate from, LocalDate to, CurrentUser viewer) {
        return repo.patrols(from, to, users.scopeOf(viewer)).stream().map(this::view).toList();
    }

    static String key(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.strip();
        if (k.length() > 100) {
            throw DomainException.invalid("patrol.key.too-long", 100);
        }
        return k;
    }

    static String text(String value, String field, int max, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(field, "patrol.field.too-long", max);
        }
        return v;
    }
}
