package cn.huying.residents.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionScope;
import cn.huying.region.GridLocation;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.residents.HouseUse;
import cn.huying.residents.Residents.Change;
import cn.huying.residents.Residents.HouseQuery;
import cn.huying.residents.Residents.HouseSummary;
import cn.huying.residents.Residents.HouseView;
import cn.huying.residents.Residents.HouseholdView;
import cn.huying.residents.Residents.MemberView;
import cn.huying.residents.Residents.NewHouse;
import cn.huying.residents.internal.ResidentRepository.HouseRow;
import cn.huying.residents.internal.ResidentRepository.MemberRow;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Buildings, units, houses and households: placed in their grid, scoped by the grid's path. */
@Service
class HouseRegistry {

    static final String HOUSE = "HOUSE";

    private final ResidentRepository repo;
    private final Regions regions;
    private final CurrentUsers users;
    private final Clock clock;
    private final GridCountQueries counts;

    HouseRegistry(ResidentRepository repo, Regions regions, CurrentUsers users, Clock clock, GridCountQueries counts) {
        this.counts = counts;
        this.repo = repo;
        this.regions = regions;
        this.users = users;
        this.clock = clock;
    }

    RegionScope scope(CurrentUser user) {
        return users.scopeOf(user);
    }

    @Transactional(readOnly = true)
    PageResult<HouseSummary> houses(HouseQuery q, CurrentUser viewer) {
        PageRequest page = q.page() == null ? new PageRequest(0, 20) : q.page();
        RegionScope scope = scope(viewer);
        List<HouseRow> rows = repo.houses(q, scope, page.offset(), page.size());
        return PageResult.capped(summaries(rows), repo.countHouses(q, scope), ResidentRepository.COUNT_CAP, page.page(),
                page.size());
    }

    List<HouseSummary> summaries(List<HouseRow> rows) {
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(r -> new HouseSummary(r.id(), r.address(), r.regionId(),
                names.computeIfAbsent(r.regionId(), this::regionName), r.use(), r.use().label(), r.residents())).toList();
    }

    String regionName(long id) {
        return regions.find(id).map(RegionView::name).orElse("");
    }

    HouseRow row(long id, CurrentUser viewer) {
        return repo.house(id, scope(viewer)).orElseThrow(() -> DomainException.notFound("resident.house.not-found", id));
    }

    Optional<HouseSummary> find(long id, CurrentUser viewer) {
        return repo.house(id, scope(viewer)).map(r -> summaries(List.of(r)).get(0));
    }

    @Transactional(readOnly = true)
    HouseView house(long id, CurrentUser viewer, PersonTags tags) {
        HouseRow r = row(id, viewer);
        List<MemberRow> members = repo.members(id);
        Map<Long, List<String>> tagNames = tags.names(members.stream().map(MemberRow::personId).distinct().toList());
        Map<Long, List<MemberView>> byHousehold = new LinkedHashMap<>();
        repo.households(id).forEach(h -> byHousehold.put(h, new ArrayList<>()));
        for (MemberRow m : members) {
            byHousehold.computeIfAbsent(m.householdId(), k -> new ArrayList<>()).add(new MemberView(m.id(), m.personId(),
                    m.name(), m.relation(), m.relation().label(), m.moveIn(), m.moveOut(), m.idCardMask(), m.phoneMask(),
                    m.kind(), tagNames.getOrDefault(m.personId(), List.of())));
        }
        List<HouseholdView> households = byHousehold.entrySet().stream()
                .map(e -> new HouseholdView(e.getKey(), e.getValue())).toList();
        return new HouseView(r.id(), r.buildingName(), r.unitName(), r.room(), r.address(), r.regionId(),
                regionName(r.regionId()), r.use(), r.use().label(), r.areaM2(), r.note(), r.version(), households);
    }

    @Transactional
    long create(NewHouse h, CurrentUser actor) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String building = text(h.building(), "building", 100, errors);
        String unit = text(h.unit(), "unit", 40, errors);
        String room = text(h.room(), "room", 40, errors);
        if (h.use() == null) {
            errors.add("use", "resident.field.required");
        }
        if (h.note() != null && h.note().length() > 500) {
            errors.add("note", "resident.field.too-long", 500);
        }
        RegionView grid = grid(h, actor, errors);
        errors.throwIfAny();
        var now = clock.instant();
        long buildingId = repo.building(building, grid.id(), grid.path(), h.lat(), h.lng(), now);
        long unitId = repo.unit(buildingId, unit);
        if (repo.roomTaken(unitId, room)) {
            throw DomainException.conflict("resident.house.exists", building + unit + room);
        }
        String address = building + unit + room + (room.endsWith("室") ? "" : "室");
        long id = repo.insertHouse(buildingId, unitId, room, address, grid.id(), grid.path(), h.use(), h.areaM2(),
                blank(h.note()), now);
        repo.history(HOUSE, id, actor.displayName(), now, "登记房屋：" + address + "，" + h.use().label()
                + "，所在网格 " + grid.name());
        return id;
    }

    /** The grid the house lies in: chosen (in scope) or found by its point. */
    private RegionView grid(NewHouse h, CurrentUser actor, InvalidInput.Collector errors) {
        RegionScope scope = scope(actor);
        if (h.regionId() != null) {
            RegionView r = regions.find(h.regionId()).filter(v -> scope.covers(v.path()) && v.type().isGrid())
                    .orElse(null);
            if (r == null) {
                errors.add("regionId", "resident.house.grid.outside");
            }
            return r;
        }
        if (h.lat() != null && h.lng() != null) {
            GridLocation at = regions.locate(h.lat(), h.lng());
            if (at.found()) {
                RegionView r = regions.find(at.finestGrid().id()).orElseThrow();
                if (scope.covers(r.path())) {
                    return r;
                }
            }
            errors.add("regionId", "resident.house.grid.outside");
            return null;
        }
        errors.add("regionId", "resident.house.grid.required");
        return null;
    }

    @Transactional
    void changeUse(long id, HouseUse use, String note, long version, CurrentUser actor) {
        HouseRow r = row(id, actor);
        if (use == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("use", "resident.field.required", new Object[0])));
        }
        if (!repo.updateUse(id, use, blank(note), version, clock.instant())) {
            throw DomainException.conflict("resident.stale");
        }
        if (r.use() != use) {
            repo.history(HOUSE, id, actor.displayName(), clock.instant(), "房屋用途：" + r.use().label() + " → " + use.label());
        }
    }

    @Transactional
    long newHousehold(long houseId, CurrentUser actor) {
        row(houseId, actor);
        long id = repo.insertHousehold(houseId, clock.instant());
        repo.history(HOUSE, houseId, actor.displayName(), clock.instant(), "新立一户（户号 " + id + "）");
        return id;
    }

    @Transactional(readOnly = true)
    List<Change> history(long id, CurrentUser viewer) {
        row(id, viewer);
        return repo.history(HOUSE, id);
    }

    @Transactional
    void linkCase(long caseId, long houseId, List<Long> personIds, CurrentUser actor, PersonRegistry persons) {
        HouseRow house = row(houseId, actor);
        var now = clock.instant();
        if (personIds == null || personIds.isEmpty()) {
            repo.linkCase(caseId, houseId, null, actor.displayName(), now);
        } else {
            for (Long p : personIds) {
                persons.row(p, actor);
                repo.linkCase(caseId, houseId, p, actor.displayName(), now);
            }
        }
        repo.history(HOUSE, houseId, actor.displayName(), now, "关联事件（编号 " + caseId + "）：" + house.address());
    }

    @Transactional(readOnly = true)
    List<Long> casesOfHouse(long houseId, CurrentUser viewer) {
        row(houseId, viewer);
        return repo.casesOfHouse(houseId);
    }

    @Transactional(readOnly = true)
    List<HouseSummary> housesOfCase(long caseId, CurrentUser viewer) {
        RegionScope scope = scope(viewer);
        return summaries(repo.housesOfCase(caseId).stream().map(id -> repo.house(id, scope)).flatMap(Optional::stream)
                .toList());
    }

    @Transactional(readOnly = true)
    List<cn.huying.residents.Residents.GridCount> gridCounts(CurrentUser viewer) {
        Map<Long, long[]> totals = new java.util.TreeMap<>();
        Map<Long, Map<String, Long>> uses = new HashMap<>();
        Map<Long, Map<String, Long>> tagCounts = new HashMap<>();
        RegionScope scope = scope(viewer);
        counts.countsByUse(scope).forEach(r -> {
            long region = (Long) r[0];
            totals.computeIfAbsent(region, k -> new long[2])[0] += (Long) r[2];
            uses.computeIfAbsent(region, k -> new LinkedHashMap<>()).put(HouseUse.valueOf((String) r[1]).label(), (Long) r[2]);
        });
        counts.residentsByRegion(scope).forEach((region, n) -> totals.computeIfAbsent(region, k -> new long[2])[1] = n);
        counts.tagsByRegion(scope).forEach(r -> tagCounts.computeIfAbsent((Long) r[0], k -> new LinkedHashMap<>())
                .put((String) r[1], (Long) r[2]));
        return totals.entrySet().stream().map(e -> new cn.huying.residents.Residents.GridCount(e.getKey(),
                regionName(e.getKey()), e.getValue()[0], uses.getOrDefault(e.getKey(), Map.of()), e.getValue()[1],
                tagCounts.getOrDefault(e.getKey(), Map.of()))).toList();
    }

    static String text(String value, String field, int max, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            errors.add(field, "resident.field.required");
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            errors.add(field, "resident.field.too-long", max);
        }
        return v;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
