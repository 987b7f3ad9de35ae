package cn.huying.patrol.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.patrol.PatrolPermissions;
import cn.huying.patrol.Patrols;
import cn.huying.patrol.Patrols.PatrolView;
import cn.huying.patrol.Patrols.Recorded;
import cn.huying.patrol.Patrols.VisitView;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grid work over REST: patrols (a finding becomes a case in one step) and visits, both idempotent with the
 * {@code Idempotency-Key} header (201 new, 200 replay of the first); due visits, visit rules, tallies per grid and
 * the party organisation.
 */
@RestController
@RequestMapping("/api/patrol")
@Tag(name = "patrol", description = "一日双巡查、入户走访、党建引领网格")
class PatrolController {

    private final Patrols patrols;
    private final CurrentUsers users;
    private final Clock clock;

    PatrolController(Patrols patrols, CurrentUsers users, Clock clock) {
        this.patrols = patrols;
        this.users = users;
        this.clock = clock;
    }

    record PatrolRequest(String shift, LocalDate date, Long regionId, String place, String finding, Long houseId,
                         Boolean toCase, String category) {
    }

    record VisitRequest(Long personId, LocalDate date, String note, Boolean needsHelp) {
    }

    record ToCase(String category) {
    }

    record RuleChange(Integer intervalDays, Boolean active) {
    }

    @GetMapping("/shifts")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.VIEW + "')")
    List<Patrols.Shift> shifts() {
        return patrols.shifts();
    }

    @PostMapping("/patrols")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.RECORD + "')")
    ResponseEntity<PatrolView> record(@RequestBody PatrolRequest r,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Recorded<PatrolView> done = patrols.record(new Patrols.NewPatrol(r.shift(), r.date(), r.regionId(), r.place(),
                r.finding(), r.houseId(), Boolean.TRUE.equals(r.toCase()), r.category(), key), users.require());
        return ResponseEntity.status(done.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/patrol/patrols/" + done.value().id())).body(done.value());
    }

    @PostMapping("/patrols/{id}/case")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.RECORD + "')")
    PatrolView toCase(@PathVariable long id, @RequestBody ToCase t) {
        return patrols.findingToCase(id, t.category(), users.require());
    }

    @GetMapping("/patrols")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.VIEW + "')")
    List<PatrolView> patrols(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        return patrols.patrols(from == null ? today.minusDays(30) : from, to == null ? today : to, users.require());
    }

    @PostMapping("/visits")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.RECORD + "')")
    ResponseEntity<VisitView> visit(@RequestBody VisitRequest r,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Recorded<VisitView> done = patrols.visit(new Patrols.NewVisit(r.personId(), r.date(), r.note(),
                Boolean.TRUE.equals(r.needsHelp()), key), users.require());
        return ResponseEntity.status(done.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/patrol/visits/" + done.value().id())).body(done.value());
    }

    @GetMapping("/visits")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.VIEW + "')")
    List<VisitView> visits(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        return patrols.visits(from == null ? today.minusDays(30) : from, to == null ? today : to, users.require());
    }

    @GetMapping("/due-visits")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.VIEW + "')")
    List<Patrols.DueVisit> due(@RequestParam(defaultValue = "7") int ahead) {
        return patrols.due(Math.max(0, Math.min(ahead, 366)), users.require());
    }

    @GetMapping("/visit-rules")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.VIEW + "')")
    List<Patrols.VisitRule> rules() {
        return patrols.visitRules();
    }

    @PutMapping("/visit-rules/{tag}")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.CONFIG + "')")
    Patrols.VisitRule rule(@PathVariable String tag, @RequestBody RuleChange c) {
        return patrols.setVisitRule(tag, c.intervalDays() == null ? 0 : c.intervalDays(), !Boolean.FALSE.equals(c.active()),
                users.require());
    }

    /** Patrols, findings, cases from findings and visits per grid: never per person. */
    @GetMapping("/tally")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.VIEW + "')")
    List<Patrols.GridTally> tally(@RequestParam(required = false) LocalDate from,
                                  @RequestParam(required = false) LocalDate to) {
        LocalDate today = LocalDate.now(clock);
        return patrols.tally(from == null ? today.withDayOfMonth(1) : from, to == null ? today : to, users.require());
    }

    @GetMapping("/party")
    @PreAuthorize("hasAuthority('" + PatrolPermissions.VIEW + "')")
    List<Patrols.PartyOrg> party() {
        return patrols.partyOrgs(users.require());
    }
}
