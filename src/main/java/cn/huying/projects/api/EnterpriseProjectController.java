package cn.huying.projects.api;

import cn.huying.identity.CurrentUsers;
import cn.huying.projects.ProjectPermissions;
import cn.huying.projects.internal.EnterpriseDesk;
import cn.huying.projects.internal.ParticipationService;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The enterprise's side of 阳光选择: open projects, its interests, and registering interest. */
@RestController
@PreAuthorize("hasAuthority('" + ProjectPermissions.INTEREST + "')")
class EnterpriseProjectController {

    record InterestRequest(String capabilities, String references) {
    }

    private final EnterpriseDesk desk;
    private final ParticipationService participation;
    private final CurrentUsers users;

    EnterpriseProjectController(EnterpriseDesk desk, ParticipationService participation, CurrentUsers users) {
        this.desk = desk;
        this.participation = participation;
        this.users = users;
    }

    @GetMapping("/api/enterprise/projects")
    EnterpriseDesk.Desk desk() {
        return desk.desk(users.require());
    }

    @PostMapping("/api/projects/{id}/interests")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> register(@PathVariable long id, @RequestBody InterestRequest in) {
        return Map.of("id", participation.registerInterest(id, in.capabilities(), in.references(), users.require()));
    }
}
