package cn.huying.residents.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.residents.HouseUse;
import cn.huying.residents.ImportJob;
import cn.huying.residents.Relation;
import cn.huying.residents.ResidentImports;
import cn.huying.residents.ResidentKind;
import cn.huying.residents.ResidentPermissions;
import cn.huying.residents.Residents;
import cn.huying.residents.Residents.Change;
import cn.huying.residents.Residents.HouseSummary;
import cn.huying.residents.Residents.HouseView;
import cn.huying.residents.Residents.PersonFull;
import cn.huying.residents.Residents.PersonSummary;
import cn.huying.residents.internal.ResidentDocuments;
import cn.huying.residents.internal.ResidentSheets;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The resident registry over REST 以房管人: houses, people (masked), the audited full view, import and export. */
@RestController
@RequestMapping("/api/residents")
@Tag(name = "residents", description = "以房管人：房屋、住户、人员、关爱标签")
class ResidentController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final Residents residents;
    private final ResidentImports imports;
    private final CurrentUsers users;
    private final cn.huying.cases.Cases cases;
    private final Clock clock;

    ResidentController(Residents residents, ResidentImports imports, CurrentUsers users, cn.huying.cases.Cases cases,
                       Clock clock) {
        this.cases = cases;
        this.residents = residents;
        this.imports = imports;
        this.users = users;
        this.clock = clock;
    }

    record HouseRequest(String building, String unit, String room, Long regionId, Double lat, Double lng,
                        HouseUse use, BigDecimal areaM2, String note) {
    }

    record UseChange(HouseUse use, String note, Long version) {
    }

    record PersonRequest(String name, String idCard, String phone, ResidentKind kind, LocalDate registrationExpiry,
                         Set<String> tags, Long householdId, Long houseId, Relation relation, LocalDate moveIn) {
    }

    record MoveIn(Long householdId, Relation relation, LocalDate moveIn) {
    }

    record MoveOut(LocalDate moveOut) {
    }

    record Tags(Set<String> tags) {
    }

    record Erasure(String reason) {
    }

    record CaseLink(Long caseId, Long houseId, List<Long> personIds) {
    }

    record Created(long id) {
    }

    @GetMapping("/houses")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
    PageResult<HouseSummary> houses(@RequestParam(required = false) String q, @RequestParam(required = false) HouseUse use,
                                    @RequestParam(required = false) Long regionId,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return residents.houses(new Residents.HouseQuery(q, use, regionId, PageRequest.of(page, size)), users.require());
    }

    @PostMapping("/houses")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    ResponseEntity<HouseView> createHouse(@RequestBody HouseRequest r) {
        HouseView h = residents.createHouse(new Residents.NewHouse(r.building(), r.unit(), r.room(), r.regionId(), r.lat(),
                r.lng(), r.use(), r.areaM2(), r.note()), users.require());
        return ResponseEntity.created(URI.create("/api/residents/houses/" + h.id())).body(h);
    }

    @GetMapping("/houses/{id}")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
    HouseView house(@PathVariable long id) {
        return residents.house(id, users.require());
    }

    @PatchMapping("/houses/{id}")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    HouseView changeUse(@PathVariable long id, @RequestBody UseChange c) {
        if (c.version() == null) {
            throw DomainException.invalid("resident.version.required");
        }
        return residents.changeUse(id, c.use(), c.note(), c.version(), users.require());
    }

    @GetMapping("/houses/{id}/history")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
    List<Change> houseHistory(@PathVariable long id) {
        return residents.houseHistory(id, users.require());
    }

    /** A case the house is named in, as the viewer may see it through the cases API. */
    record HouseCase(long id, String code, String title, String state, String stateLabel) {
    }

    @GetMapping("/houses/{id}/cases")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
    List<HouseCase> houseCases(@PathVariable long id) {
        var user = users.require();
        List<HouseCase> out = new ArrayList<>();
        for (long caseId : residents.casesOfHouse(id, user)) {
            try {
                var c = cases.get(caseId, user);
                out.add(new HouseCase(c.id(), c.code(), c.title(), c.state().name(), c.stateLabel()));
            } catch (DomainException e) {
                // a case outside the viewer's case scope is not listed
            }
        }
        return out;
    }

    @GetMapping("/persons")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
    PageResult<PersonSummary> persons(@RequestParam(required = false) String q, @RequestParam(required = false) String idCard,
                                      @RequestParam(required = false) String tag,
                                      @RequestParam(required = false) ResidentKind kind,
                                      @RequestParam(required = false) Long regionId,
                                      @RequestParam(defaultValue = "false") boolean expiring,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return residents.persons(new Residents.PersonQuery(q, idCard, tag, kind, regionId, expiring,
                PageRequest.of(page, size)), users.require());
    }

    @PostMapping("/persons")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    ResponseEntity<PersonSummary> createPerson(@RequestBody PersonRequest r) {
        PersonSummary p = residents.createPerson(new Residents.NewPerson(r.name(), r.idCard(), r.phone(), r.kind(),
                r.registrationExpiry(), r.tags(), r.householdId(), r.houseId(), r.relation(), r.moveIn()), users.require());
        return ResponseEntity.created(URI.create("/api/residents/persons/" + p.id())).body(p);
    }

    @GetMapping("/persons/{id}")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
    PersonSummary person(@PathVariable long id) {
        return residents.person(id, users.require());
    }

    /** The ID number and phone in full: audited. */
    @GetMapping("/persons/{id}/full")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.PII + "')")
    PersonFull full(@PathVariable long id) {
        return residents.full(id, users.require());
    }

    @GetMapping("/persons/{id}/history")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
    List<Change> personHistory(@PathVariable long id) {
        return residents.personHistory(id, users.require());
    }

    @PostMapping("/persons/{id}/move-in")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    PersonSummary moveIn(@PathVariable long id, @RequestBody MoveIn m) {
        if (m.householdId() == null) {
            throw DomainException.invalid("resident.household.required");
        }
        return residents.moveIn(id, m.householdId(), m.relation(), m.moveIn(), users.require());
    }

    @PostMapping("/members/{memberId}/move-out")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    PersonSummary moveOut(@PathVariable long memberId, @RequestBody MoveOut m) {
        return residents.moveOut(memberId, m.moveOut(), users.require());
    }

    @PutMapping("/persons/{id}/tags")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    PersonSummary tags(@PathVariable long id, @RequestBody Tags t) {
        return residents.setTags(id, t.tags() == null ? Set.of() : t.tags(), users.require());
    }

    /** A person's data on their request: JSON, or a Word document with {@code format=docx}. Audited. */
    @GetMapping("/persons/{id}/export")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.PII + "')")
    ResponseEntity<?> export(@PathVariable long id, @RequestParam(defaultValue = "json") String format) {
        Residents.PersonExport data = residents.export(id, users.require());
        if ("docx".equalsIgnoreCase(format)) {
            return ResponseEntity.ok().contentType(DOCX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                            .attachment().filename("个人信息-" + id + ".docx", java.nio.charset.StandardCharsets.UTF_8)
                            .build().toString())
                    .body(ResidentDocuments.personDocx(data, clock.getZone()));
        }
        return ResponseEntity.ok(data);
    }

    @PostMapping("/persons/{id}/erase")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.ERASE + "')")
    ResponseEntity<Void> erase(@PathVariable long id, @RequestBody Erasure e) {
        residents.erase(id, e.reason(), users.require());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/case-links")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    ResponseEntity<Void> linkCase(@RequestBody CaseLink l) {
        if (l.caseId() == null || l.houseId() == null) {
            throw DomainException.invalid("resident.link.required");
        }
        residents.linkCase(l.caseId(), l.houseId(), l.personIds(), users.require());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/care-tags")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
    List<Residents.CareTag> careTags() {
        return residents.careTags();
    }

    @GetMapping("/import/template")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.IMPORT + "')")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .attachment().filename("人员登记导入模板.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(imports.template());
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('" + ResidentPermissions.IMPORT + "')")
    ResponseEntity<ImportJob> startImport(@RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw DomainException.invalid("resident.import.empty");
        }
        ImportJob job = imports.start(file.getOriginalFilename(), file.getBytes(), users.require());
        return ResponseEntity.accepted().location(URI.create("/api/residents/imports/" + job.id())).body(job);
    }

    @GetMapping("/imports/{id}")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.IMPORT + "')")
    ImportJob importJob(@PathVariable long id) {
        return imports.job(id, users.require());
    }

    /** The filtered person list as Excel, masked as on screen (at most 10,000 rows). */
    @GetMapping("/persons/export.xlsx")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.IMPORT + "')")
    ResponseEntity<byte[]> exportList(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                                      @RequestParam(required = false) ResidentKind kind,
                                      @RequestParam(required = false) Long regionId) {
        List<PersonSummary> all = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            PageResult<PersonSummary> r = residents.persons(new Residents.PersonQuery(q, null, tag, kind, regionId, false,
                    new PageRequest(page, PageRequest.MAX_SIZE)), users.require());
            all.addAll(r.items());
            if (!r.hasNext()) {
                break;
            }
        }
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .attachment().filename("人员台账.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(ResidentSheets.export(all));
    }
}
