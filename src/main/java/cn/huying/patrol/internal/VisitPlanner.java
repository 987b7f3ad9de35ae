package cn.huying.patrol.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.patrol.Patrols.DueVisit;
import cn.huying.patrol.Patrols.NewVisit;
import cn.huying.patrol.Patrols.Recorded;
import cn.huying.patrol.Patrols.VisitRule;
import cn.huying.patrol.Patrols.VisitView;
import cn.huying.patrol.internal.PatrolRepository.VisitRow;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.residents.Residents;
import cn.huying.residents.Residents.HouseSummary;
import cn.huying.residents.Residents.PersonSummary;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Household visits 入户走访 to care-tagged residents, and who is due one by the town's rule (a care tag and its
 * interval, e.g. 独居老人 every 30 days): the last visit plus the shortest interval of the person's tags.
 */
@Service
class VisitPlanner {

    private final PatrolRepository repo;
    private final Residents residents;
    private final Regions regions;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    VisitPlanner(PatrolRepository repo, Residents residents, Regions regions, CurrentUsers users, AuditLog audit,
                 TransactionTemplate tx, Clock clock) {
        this.repo = repo;
        this.residents = residents;
        this.regions = regions;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Recorded<VisitView> visit(NewVisit v, CurrentUser worker) {
        String key = PatrolService.key(v.idempotencyKey());
        if (key != null) {
            Optional<Long> prior = repo.visitByKey(worker.id(), key);
            if (prior.isPresent()) {
                return new Recorded<>(view(prior.get(), worker), true);
            }
        }
        try {
            long id = tx.execute(s -> insert(v, key, worker));
            return new Recorded<>(view(id, worker), false);
        } catch (DuplicateKeyException e) {
            return new Recorded<>(view(repo.visitByKey(worker.id(), key).orElseThrow(() -> e), worker), true);
        }
    }

    private long insert(NewVisit v, String key, CurrentUser worker) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        if (v.personId() == null) {
            errors.add("personId", "patrol.visit.person.required");
        }
        String note = PatrolService.text(v.note(), "note", 2000, errors);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = v.date() == null ? today : v.date();
        if (date.isAfter(today) || date.isBefore(today.minusDays(31))) {
            errors.add("date", "patrol.date.range");
        }
        errors.throwIfAny();
        PersonSummary person = residents.person(v.personId(), worker);
        if (person.houseId() == null) {
            throw DomainException.conflict("patrol.visit.no-house");
        }
        HouseSummary house = residents.findHouse(person.houseId(), worker)
                .orElseThrow(() -> DomainException.notFound("patrol.house.outside"));
        RegionView grid = regions.find(house.regionId()).orElseThrow();
        return repo.insertVisit(worker.id(), worker.displayName(), person.id(), house.id(), house.address(), grid.id(),
                grid.path(), date, note, v.needsHelp(), key, clock.instant());
    }

    VisitView view(long id, CurrentUser viewer) {
        VisitRow r = repo.visit(id, users.scopeOf(viewer))
                .orElseThrow(() -> DomainException.notFound("patrol.visit.not-found", id));
        return views(List.of(r), viewer).get(0);
    }

    List<VisitView> visits(LocalDate from, LocalDate to, CurrentUser viewer) {
        return views(repo.visits(from, to, users.scopeOf(viewer)), viewer);
    }

    /** The person's name comes from the registry (an erased person shows as erased). */
    private List<VisitView> views(List<VisitRow> rows, CurrentUser viewer) {
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(r -> new VisitView(r.id(), r.workerName(), r.personId(),
                names.computeIfAbsent(r.personId(), id -> name(id, viewer)), r.houseId(), r.address(), r.date(),
                r.note(), r.needsHelp(), r.recordedAt())).toList();
    }

    private String name(long personId, CurrentUser viewer) {
        try {
            return residents.person(personId, viewer).name();
        } catch (DomainException e) {
            return "（已删除或迁出）";
        }
    }

    List<DueVisit> due(int aheadDays, CurrentUser viewer) {
        Map<String, Integer> rules = new HashMap<>();
        repo.visitRules().forEach((tag, r) -> {
            if (r[1] == 1) {
                rules.put(tag, r[0]);
            }
        });
        List<PersonSummary> people = residents.careList(rules.keySet(), viewer);
        Map<Long, LocalDate> last = repo.lastVisits(people.stream().map(PersonSummary::id).toList());
        LocalDate today = LocalDate.now(clock);
        List<DueVisit> out = new ArrayList<>();
        for (PersonSummary p : people) {
            int interval = p.tagCodes().stream().filter(rules::containsKey).mapToInt(rules::get).min().orElse(0);
            if (interval == 0 || p.houseId() == null) {
                continue;
            }
            LocalDate lastVisit = last.get(p.id());
            LocalDate dueOn = lastVisit == null ? today : lastVisit.plusDays(interval);
            if (!dueOn.isAfter(today.plusDays(aheadDays))) {
                out.add(new DueVisit(p.id(), p.name(), p.houseId(), p.address(), p.tagNames(), interval, lastVisit, dueOn,
                        lastVisit != null && dueOn.isBefore(today)));
            }
        }
        out.sort(Comparator.comparing(DueVisit::dueOn).thenComparing(DueVisit::address));
        return out;
    }

    List<VisitRule> rules() {
        Map<String, String> names = new HashMap<>();
        residents.careTags().forEach(t -> names.put(t.code(), t.name()));
        List<VisitRule> out = new ArrayList<>();
        repo.visitRules().forEach((tag, r) -> out.add(new VisitRule(tag, names.getOrDefault(tag, tag), r[0], r[1] == 1)));
        return out;
    }

    VisitRule setRule(String tag, int days, boolean active, CurrentUser actor) {
        if (residents.careTags().stream().noneMatch(t -> t.code().equals(tag))) {
            throw DomainException.invalid("patrol.rule.tag.unknown", tag);
        }
        if (days < 1 || days > 366) {
            throw DomainException.invalid("patrol.rule.days", 1, 366);
        }
        repo.saveVisitRule(tag, days, active);
        audit.record("VISIT_RULE", tag, days + " 天" + (active ? "" : "（停用）"));
        return rules().stream().filter(r -> r.tagCode().equals(tag)).findFirst().orElseThrow();
    }
}
