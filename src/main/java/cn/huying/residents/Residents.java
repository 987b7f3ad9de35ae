package cn.huying.residents;

import cn.huying.identity.CurrentUser;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resident registry facade 以房管人. Every method taking a {@link CurrentUser} answers only inside that user's
 * data scope (a grid worker: the houses of their grid; a cadre: their village; the town: all below it); a house
 * or person outside it is reported as not found. Lists show ID numbers and phones masked.
 */
public interface Residents {

    /** A house in a list. */
    record HouseSummary(long id, String address, long regionId, String regionName, HouseUse use, String useLabel,
                        int residents) {
    }

    /** A house with its households and their members (masked). */
    record HouseView(long id, String buildingName, String unitName, String room, String address, long regionId,
                     String regionName, HouseUse use, String useLabel, BigDecimal areaM2, String note, long version,
                     List<HouseholdView> households) {
    }

    record HouseholdView(long id, List<MemberView> members) {
    }

    /** A person's membership of a household; {@code moveOut} null while they live there. */
    record MemberView(long memberId, long personId, String name, Relation relation, String relationLabel,
                      LocalDate moveIn, LocalDate moveOut, String idCardMasked, String phoneMasked, ResidentKind kind,
                      List<String> tagNames) {
    }

    /** A person in a list: masked, with their current house (if any) and care tags. */
    record PersonSummary(long id, String name, String idCardMasked, String phoneMasked, ResidentKind kind,
                         String kindLabel, LocalDate registrationExpiry, Long houseId, String address,
                         List<String> tagCodes, List<String> tagNames) {
    }

    /** A person's ID number and phone in full: only in scope, and every read is audited. */
    record PersonFull(long id, String name, String idCard, String phone) {
    }

    /** A new house: the building by its address (created when new), the unit and room, and where it lies. */
    record NewHouse(String building, String unit, String room, Long regionId, Double lat, Double lng, HouseUse use,
                    BigDecimal areaM2, String note) {
    }

    /** A new person, optionally moving straight into a household (or a new household of {@code houseId}). */
    record NewPerson(String name, String idCard, String phone, ResidentKind kind, LocalDate registrationExpiry,
                     Set<String> tags, Long householdId, Long houseId, Relation relation, LocalDate moveIn) {
        public NewPerson {
            tags = tags == null ? Set.of() : Set.copyOf(tags);
        }
    }

    /** Everything the registry holds about a person, exported on their request (PIPL art. 45). */
    record PersonExport(long id, String name, String gender, LocalDate birthDate, String idCard, String phone,
                        String kind, LocalDate registrationExpiry, List<String> careTags, List<Stay> stays,
                        List<Change> history, Instant exportedAt) {
    }

    /** A stay in a house: address, relation to the head, move-in and move-out. */
    record Stay(String address, String relation, LocalDate moveIn, LocalDate moveOut) {
    }

    /** A care tag 关爱标签 of the configurable list. */
    record CareTag(String code, String name, boolean active) {
    }

    /** One change kept in a house's or person's history: who, when, what. */
    record Change(String actor, Instant at, String what) {
    }

    /** Per grid: houses by use 房屋用途, people living there now, and people per care tag. */
    record GridCount(long regionId, String regionName, long houses, java.util.Map<String, Long> byUse, long residents,
                     java.util.Map<String, Long> byTag) {
    }

    /** Filters of the house list; every one optional. {@code q} matches the address. */
    record HouseQuery(String q, HouseUse use, Long regionId, PageRequest page) {
    }

    /**
     * Filters of the person list; every one optional. {@code q} matches name, address or the masked ID number
     * ("1234", "370481********1234"); {@code idCard} is an exact look-up by the full number.
     */
    record PersonQuery(String q, String idCard, String tag, ResidentKind kind, Long regionId, boolean expiringOnly,
                       PageRequest page) {
    }

    PageResult<HouseSummary> houses(HouseQuery query, CurrentUser viewer);

    HouseView house(long id, CurrentUser viewer);

    /** A house by id in the viewer's scope, or empty. */
    Optional<HouseSummary> findHouse(long id, CurrentUser viewer);

    HouseView createHouse(NewHouse house, CurrentUser actor);

    HouseView changeUse(long id, HouseUse use, String note, long version, CurrentUser actor);

    List<Change> houseHistory(long id, CurrentUser viewer);

    PageResult<PersonSummary> persons(PersonQuery query, CurrentUser viewer);

    PersonSummary person(long id, CurrentUser viewer);

    PersonSummary createPerson(NewPerson person, CurrentUser actor);

    /** Moves a person into a household; refused (409) while they live in another one. */
    PersonSummary moveIn(long personId, long householdId, Relation relation, LocalDate moveIn, CurrentUser actor);

    /** Ends a membership; refused (400) before its move-in. */
    PersonSummary moveOut(long memberId, LocalDate moveOut, CurrentUser actor);

    PersonSummary setTags(long personId, Set<String> tags, CurrentUser actor);

    List<Change> personHistory(long id, CurrentUser viewer);

    /** The ID number and phone in full, audited as {@code PII_VIEW}. */
    PersonFull full(long id, CurrentUser viewer);

    /** A person's data in full, for their request; audited as {@code PII_EXPORT}. */
    PersonExport export(long id, CurrentUser viewer);

    /** Anonymises a person on request: name, ID, phone, tags gone; the history says who did it and when. */
    void erase(long id, String reason, CurrentUser actor);

    /** The care-tagged people of the viewer's scope living in a house now, for the visit plan. */
    List<PersonSummary> careList(Set<String> tags, CurrentUser viewer);

    List<CareTag> careTags();

    /** Occupancy and care-tag counts per grid of the viewer's scope. */
    List<GridCount> gridCounts(CurrentUser viewer);

    /** Names the house (and people) a case concerns, kept in the registry keyed by the case's id. */
    void linkCase(long caseId, long houseId, List<Long> personIds, CurrentUser actor);

    /** The ids of the cases that name a house, newest first. */
    List<Long> casesOfHouse(long houseId, CurrentUser viewer);

    /** The houses a case names (in the viewer's scope). */
    List<HouseSummary> housesOfCase(long caseId, CurrentUser viewer);
}
