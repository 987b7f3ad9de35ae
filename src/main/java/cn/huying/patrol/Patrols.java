package cn.huying.patrol;

import cn.huying.identity.CurrentUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Grid work facade. Everything is scoped by the user's region; a patrol, visit, house or person outside it is
 * reported as not found. Recording is idempotent per user and {@code idempotencyKey}: a phone that sends the same
 * record again (offline, then back in signal) gets the first one back.
 */
public interface Patrols {

    /** A patrol shift 巡查班次 as the town sets them (default 上午巡查, 下午巡查). */
    record Shift(String code, String name) {
    }

    /**
     * A patrol as typed on the phone; all but the shift optional. {@code toCase} turns the finding into a case
     * of {@code category} in the same step (the house, if named, goes with it).
     */
    record NewPatrol(String shift, LocalDate date, Long regionId, String place, String finding, Long houseId,
                     boolean toCase, String category, String idempotencyKey) {
    }

    record PatrolView(long id, String workerName, long regionId, String regionName, String shift, String shiftName,
                      LocalDate date, String place, String finding, Long houseId, String houseAddress, Long caseId,
                      String caseCode, Instant recordedAt) {
    }

    /** A household visit 入户走访 as typed on the phone. */
    record NewVisit(Long personId, LocalDate date, String note, boolean needsHelp, String idempotencyKey) {
    }

    record VisitView(long id, String workerName, long personId, String personName, long houseId, String address,
                     LocalDate date, String note, boolean needsHelp, Instant recordedAt) {
    }

    /** The result of a recording: what was stored, and whether it is a replay of an earlier send. */
    record Recorded<T>(T value, boolean replay) {
    }

    /** A care-tagged resident and when their next visit is due by the town's rule ({@code lastVisit} null: never). */
    record DueVisit(long personId, String name, long houseId, String address, List<String> tagNames, int intervalDays,
                    LocalDate lastVisit, LocalDate dueOn, boolean overdue) {
    }

    /** The town's visit rule 走访规则: residents with this care tag are due a visit every {@code intervalDays}. */
    record VisitRule(String tagCode, String tagName, int intervalDays, boolean active) {
    }

    /** Patrols and visits counted per grid over a period (never per person: no ranking of people). */
    record GridTally(long regionId, String regionName, long patrols, long findings, long casesFromFindings,
                     long visits) {
    }

    /** A party organisation 党组织 bound to a region, its 帮包 members and the cases closed in its grids. */
    record PartyOrg(long id, String name, String level, String levelLabel, Long parentId, long regionId,
                    String regionName, List<String> members, long casesHandled) {
    }

    /** A case category a finding may be reported under from the phone. */
    record FindingCategory(String code, String label) {
    }

    List<Shift> shifts();

    List<FindingCategory> findingCategories();

    Recorded<PatrolView> record(NewPatrol patrol, CurrentUser worker);

    /** Turns an earlier patrol's finding into a case (once). */
    PatrolView findingToCase(long patrolId, String category, CurrentUser worker);

    List<PatrolView> patrols(LocalDate from, LocalDate to, CurrentUser viewer);

    Recorded<VisitView> visit(NewVisit visit, CurrentUser worker);

    List<VisitView> visits(LocalDate from, LocalDate to, CurrentUser viewer);

    /** Who is due a visit (within {@code aheadDays}), most overdue first. */
    List<DueVisit> due(int aheadDays, CurrentUser viewer);

    List<VisitRule> visitRules();

    VisitRule setVisitRule(String tagCode, int intervalDays, boolean active, CurrentUser actor);

    List<GridTally> tally(LocalDate from, LocalDate to, CurrentUser viewer);

    List<PartyOrg> partyOrgs(CurrentUser viewer);
}
