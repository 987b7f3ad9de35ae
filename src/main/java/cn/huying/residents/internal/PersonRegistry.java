package cn.huying.residents.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.PersonalData;
import cn.huying.identity.RegionScope;
import cn.huying.residents.IdCardNumber;
import cn.huying.residents.Relation;
import cn.huying.residents.Residents.Change;
import cn.huying.residents.Residents.NewPerson;
import cn.huying.residents.Residents.PersonFull;
import cn.huying.residents.Residents.PersonQuery;
import cn.huying.residents.Residents.PersonSummary;
import cn.huying.residents.internal.ResidentRepository.Membership;
import cn.huying.residents.internal.ResidentRepository.PersonRow;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People of the registry: ID number and phone encrypted (PersonalData), the ID's keyed hash for exact look-up,
 * the masks for lists; memberships of households with move-in and move-out; care tags; history; full view,
 * and erasure on request, audited.
 */
@Service
class PersonRegistry {

    static final String PERSON = "PERSON";
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-]{5,20}");

    private final ResidentRepository repo;
    private final CurrentUsers users;
    private final PersonalData pii;
    private final IdLookup lookup;
    private final AuditLog audit;
    private final PersonTags tags;
    private final Clock clock;

    PersonRegistry(ResidentRepository repo, CurrentUsers users, PersonalData pii, IdLookup lookup, AuditLog audit,
                   PersonTags tags, Clock clock) {
        this.repo = repo;
        this.users = users;
        this.pii = pii;
        this.lookup = lookup;
        this.audit = audit;
        this.tags = tags;
        this.clock = clock;
    }

    private RegionScope scope(CurrentUser user) {
        return users.scopeOf(user);
    }

    PersonRow row(long id, CurrentUser viewer) {
        return repo.person(id, scope(viewer)).orElseThrow(() -> DomainException.notFound("resident.person.not-found", id));
    }

    @Transactional(readOnly = true)
    PageResult<PersonSummary> persons(PersonQuery q, CurrentUser viewer) {
        PageRequest page = q.page() == null ? new PageRequest(0, 20) : q.page();
        String hash = null;
        if (q.idCard() != null && !q.idCard().isBlank()) {
            hash = lookup.hash(IdCardNumber.normalize(q.idCard()));
        }
        RegionScope scope = scope(viewer);
        LocalDate today = LocalDate.now(clock);
        List<PersonRow> rows = repo.persons(q, hash, scope, today, page.offset(), page.size());
        return PageResult.capped(summaries(rows), repo.countPersons(q, hash, scope, today), ResidentRepository.COUNT_CAP,
                page.page(), page.size());
    }

    List<PersonSummary> summaries(List<PersonRow> rows) {
        List<Long> ids = rows.stream().map(PersonRow::id).toList();
        Map<Long, List<String>> codes = tags.codes(ids);
        Map<Long, List<String>> names = tags.names(ids);
        return rows.stream().map(r -> new PersonSummary(r.id(), r.name(), r.idCardMask(), r.phoneMask(), r.kind(),
                r.kind().label(), r.registrationExpiry(), r.houseId(), r.address(), codes.getOrDefault(r.id(), List.of()),
                names.getOrDefault(r.id(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    PersonSummary person(long id, CurrentUser viewer) {
        return summaries(List.of(row(id, viewer))).get(0);
    }

    /** Checks a new person's fields; the ID number's check digit among them. */
    void check(NewPerson p, InvalidInput.Collector errors) {
        HouseRegistry.text(p.name(), "name", 60, errors);
        if (p.idCard() == null || p.idCard().isBlank()) {
            errors.add("idCard", "resident.field.required");
        } else if (!IdCardNumber.valid(p.idCard())) {
            errors.add("idCard", "resident.idcard.invalid");
        }
        if (p.phone() != null && !p.phone().isBlank() && !PHONE.matcher(p.phone().strip()).matches()) {
            errors.add("phone", "resident.phone.invalid");
        }
        if (p.kind() == null) {
            errors.add("kind", "resident.field.required");
        } else if (p.kind().registers() && p.registrationExpiry() == null) {
            errors.add("registrationExpiry", "resident.registration.required");
        }
        tags.check(p.tags(), errors);
        if (p.householdId() == null && p.houseId() == null) {
            errors.add("houseId", "resident.person.house.required");
        }
    }

    @Transactional
    long create(NewPerson p, CurrentUser actor, HouseRegistry houses) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        check(p, errors);
        errors.throwIfAny();
        String id = IdCardNumber.normalize(p.idCard());
        String hash = lookup.hash(id);
        if (repo.personByHash(hash).isPresent()) {
            throw DomainException.conflict("resident.person.exists");
        }
        long household = household(p.householdId(), p.houseId(), actor, houses);
        var now = clock.instant();
        String phone = HouseRegistry.blank(p.phone());
        long personId = repo.insertPerson(p.name().strip(), IdCardNumber.gender(id), IdCardNumber.birthDate(id).orElse(null),
                pii.encrypt(id), hash, PersonalData.maskIdCard(id), pii.encrypt(phone), PersonalData.maskPhone(phone),
                p.kind(), p.registrationExpiry(), now);
        tags.replace(personId, p.tags());
        repo.history(PERSON, personId, actor.displayName(), now, "登记人员：" + p.kind().label()
                + (p.tags().isEmpty() ? "" : "，标签 " + String.join("、", tags.names(List.of(personId))
                .getOrDefault(personId, List.of()))));
        join(personId, household, p.relation() == null ? Relation.OTHER : p.relation(),
                p.moveIn() == null ? LocalDate.now(clock) : p.moveIn(), actor);
        return personId;
    }

    private long household(Long householdId, Long houseId, CurrentUser actor, HouseRegistry houses) {
        if (householdId != null) {
            long house = repo.householdHouse(householdId)
                    .orElseThrow(() -> DomainException.notFound("resident.household.not-found", householdId));
            houses.row(house, actor);
            return householdId;
        }
        return houses.newHousehold(houseId, actor);
    }

    @Transactional
    void moveIn(long personId, long householdId, Relation relation, LocalDate moveIn, CurrentUser actor,
                HouseRegistry houses) {
        row(personId, actor);
        long house = repo.householdHouse(householdId)
                .orElseThrow(() -> DomainException.notFound("resident.household.not-found", householdId));
        houses.row(house, actor);
        join(personId, householdId, relation == null ? Relation.OTHER : relation,
                moveIn == null ? LocalDate.now(clock) : moveIn, actor);
    }

    /** One open membership per person: the person row is locked while it is checked and written. */
    private void join(long personId, long householdId, Relation relation, LocalDate moveIn, CurrentUser actor) {
        repo.lockPerson(personId);
        if (repo.openMembership(personId).isPresent()) {
            throw DomainException.conflict("resident.person.already-housed");
        }
        repo.insertMember(householdId, personId, relation, moveIn);
        repo.touchPerson(personId, clock.instant());
        repo.history(PERSON, personId, actor.displayName(), clock.instant(),
                "迁入（户号 " + householdId + "，" + relation.label() + "，" + moveIn + "）");
    }

    @Transactional
    long moveOut(long memberId, LocalDate moveOut, CurrentUser actor, HouseRegistry houses) {
        Membership m = repo.membership(memberId)
                .orElseThrow(() -> DomainException.notFound("resident.member.not-found", memberId));
        houses.row(m.houseId(), actor);
        if (moveOut == null) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("moveOut", "resident.field.required",
                    new Object[0])));
        }
        if (m.moveOut() != null) {
            throw DomainException.conflict("resident.member.already-out");
        }
        if (moveOut.isBefore(m.moveIn())) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("moveOut", "resident.move-out.before-move-in",
                    new Object[]{m.moveIn().toString()})));
        }
        repo.lockPerson(m.personId());
        repo.endMembership(memberId, moveOut);
        repo.touchPerson(m.personId(), clock.instant());
        repo.history(PERSON, m.personId(), actor.displayName(), clock.instant(), "迁出（" + moveOut + "）");
        return m.personId();
    }

    @Transactional
    void setTags(long personId, Set<String> codes, CurrentUser actor) {
        row(personId, actor);
        InvalidInput.Collector errors = new InvalidInput.Collector();
        tags.check(codes, errors);
        errors.throwIfAny();
        List<String> before = tags.names(List.of(personId)).getOrDefault(personId, List.of());
        tags.replace(personId, codes);
        List<String> after = tags.names(List.of(personId)).getOrDefault(personId, List.of());
        repo.touchPerson(personId, clock.instant());
        repo.history(PERSON, personId, actor.displayName(), clock.instant(),
                "关爱标签：" + (before.isEmpty() ? "无" : String.join("、", before)) + " → "
                        + (after.isEmpty() ? "无" : String.join("、", after)));
    }

    @Transactional(readOnly = true)
    List<Change> history(long id, CurrentUser viewer) {
        row(id, viewer);
        return repo.history(PERSON, id);
    }

    /** The full ID and phone, in scope only; the read is audited, and kept in the person's history too. */
    @Transactional
    PersonFull full(long id, CurrentUser viewer) {
        PersonRow r = row(id, viewer);
        audit.record("PII_VIEW", "resident:" + id, "身份证号、联系电话");
        repo.history(PERSON, id, viewer.displayName(), clock.instant(), "查看完整身份证号和电话");
        return new PersonFull(id, r.name(), pii.decrypt(r.idCardEnc()), pii.decrypt(r.phoneEnc()));
    }

    @Transactional
    cn.huying.residents.Residents.PersonExport export(long id, CurrentUser viewer) {
        PersonRow r = row(id, viewer);
        var person = repo.personDetails(id);
        audit.record("PII_EXPORT", "resident:" + id, "个人信息副本");
        repo.history(PERSON, id, viewer.displayName(), clock.instant(), "导出个人信息副本");
        return new cn.huying.residents.Residents.PersonExport(id, r.name(), person.gender(), person.birthDate(),
                pii.decrypt(r.idCardEnc()), pii.decrypt(r.phoneEnc()), r.kind().label(), r.registrationExpiry(),
                tags.names(List.of(id)).getOrDefault(id, List.of()), repo.stays(id), repo.history(PERSON, id),
                clock.instant());
    }

    @Transactional
    void erase(long id, String reason, CurrentUser actor) {
        row(id, actor);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("reason", "resident.field.required",
                    new Object[0])));
        }
        repo.erase(id, clock.instant());
        audit.record("PII_ERASE", "resident:" + id, reason.strip());
        repo.history(PERSON, id, actor.displayName(), clock.instant(), "依申请删除个人信息：" + reason.strip());
    }

    @Transactional(readOnly = true)
    List<PersonSummary> careList(Set<String> tagCodes, CurrentUser viewer) {
        if (tagCodes.isEmpty()) {
            return List.of();
        }
        return summaries(repo.careList(tagCodes, scope(viewer)));
    }
}
