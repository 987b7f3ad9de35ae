package cn.huying.residents.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.residents.HouseUse;
import cn.huying.residents.Relation;
import cn.huying.residents.Residents;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import cn.huying.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Residents} over the house and person registries. */
@Service
class ResidentsFacade implements Residents {

    private final HouseRegistry houses;
    private final PersonRegistry persons;
    private final PersonTags tags;

    ResidentsFacade(HouseRegistry houses, PersonRegistry persons, PersonTags tags) {
        this.houses = houses;
        this.persons = persons;
        this.tags = tags;
    }

    @Override
    public PageResult<HouseSummary> houses(HouseQuery query, CurrentUser viewer) {
        return houses.houses(query, viewer);
    }

    @Override
    public HouseView house(long id, CurrentUser viewer) {
        return houses.house(id, viewer, tags);
    }

    @Override
    public Optional<HouseSummary> findHouse(long id, CurrentUser viewer) {
        return houses.find(id, viewer);
    }

    @Override
    @Transactional
    public HouseView createHouse(NewHouse house, CurrentUser actor) {
        return houses.house(houses.create(house, actor), actor, tags);
    }

    @Override
    @Transactional
    public HouseView changeUse(long id, HouseUse use, String note, long version, CurrentUser actor) {
        houses.changeUse(id, use, note, version, actor);
        return houses.house(id, actor, tags);
    }

    @Override
    public List<Change> houseHistory(long id, CurrentUser viewer) {
        return houses.history(id, viewer);
    }

    @Override
    public PageResult<PersonSummary> persons(PersonQuery query, CurrentUser viewer) {
        return persons.persons(query, viewer);
    }

    @Override
    public PersonSummary person(long id, CurrentUser viewer) {
        return persons.person(id, viewer);
    }

    @Override
    @Transactional
    public PersonSummary createPerson(NewPerson person, CurrentUser actor) {
        return persons.person(persons.create(person, actor, houses), actor);
    }

    @Override
    @Transactional
    public PersonSummary moveIn(long personId, long householdId, Relation relation, LocalDate moveIn, CurrentUser actor) {
        persons.moveIn(personId, householdId, relation, moveIn, actor, houses);
        return persons.person(personId, actor);
    }

    @Override
    @Transactional
    public PersonSummary moveOut(long memberId, LocalDate moveOut, CurrentUser actor) {
        return persons.person(persons.moveOut(memberId, moveOut, actor, houses), actor);
    }

    @Override
    @Transactional
    public PersonSummary setTags(long personId, Set<String> codes, CurrentUser actor) {
        persons.setTags(personId, codes, actor);
        return persons.person(personId, actor);
    }

    @Override
    public List<Change> personHistory(long id, CurrentUser viewer) {
        return persons.history(id, viewer);
    }

    @Override
    public PersonFull full(long id, CurrentUser viewer) {
        return persons.full(id, viewer);
    }

    @Override
    public PersonExport export(long id, CurrentUser viewer) {
        return persons.export(id, viewer);
    }

    @Override
    public void erase(long id, String reason, CurrentUser actor) {
        persons.erase(id, reason, actor);
    }

    @Override
    public List<PersonSummary> careList(Set<String> codes, CurrentUser viewer) {
        return persons.careList(codes, viewer);
    }

    @Override
    public List<GridCount> gridCounts(CurrentUser viewer) {
        return houses.gridCounts(viewer);
    }

    @Override
    public List<CareTag> careTags() {
        return tags.all();
    }

    @Override
    public void linkCase(long caseId, long houseId, List<Long> personIds, CurrentUser actor) {
        houses.linkCase(caseId, houseId, personIds, actor, persons);
    }

    @Override
    public List<Long> casesOfHouse(long houseId, CurrentUser viewer) {
        return houses.casesOfHouse(houseId, viewer);
    }

    @Override
    public List<HouseSummary> housesOfCase(long caseId, CurrentUser viewer) {
        return houses.housesOfCase(caseId, viewer);
    }
}
