package cn.huying.patrol.web;

import cn.huying.cases.CasePermissions;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.patrol.PatrolPermissions;
import cn.huying.patrol.Patrols;
import cn.huying.residents.Residents;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grid worker's phone pages: the hub (search my houses and people, due visits, what waits to be sent), a
 * patrol in seconds (a finding → a case in the same step), a visit. The forms are sent by the page's script with an
 * {@code Idempotency-Key}; typed without signal they wait on the phone and go when the signal returns. Without the
 * script they post as plain forms.
 */
@Controller
@PreAuthorize("hasAuthority('" + PatrolPermissions.RECORD + "')")
class GridPages {

    private final Patrols patrols;
    private final Residents residents;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final GridForms forms;
    private final Clock clock;

    GridPages(Patrols patrols, Residents residents, CurrentUsers users, MessageSource messages, GridForms forms,
              Clock clock) {
        this.patrols = patrols;
        this.residents = residents;
        this.users = users;
        this.messages = messages;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/m/grid")
    String hub(@RequestParam(required = false) String q, Model model) {
        CurrentUser me = users.require();
        model.addAttribute("due", patrols.due(7, me));
        model.addAttribute("q", q);
        if (q != null && !q.isBlank()) {
            model.addAttribute("houses", residents.houses(new Residents.HouseQuery(q, null, null, new PageRequest(0, 20)),
                    me).items());
            model.addAttribute("people", residents.persons(new Residents.PersonQuery(q, null, null, null, null, false,
                    new PageRequest(0, 20)), me).items());
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("todays", patrols.patrols(today, today, me).stream().filter(p -> p.workerName()
                .equals(me.displayName())).toList());
        return "patrol/hub";
    }

    @GetMapping("/m/patrol")
    String patrolForm(@RequestParam(required = false) Long houseId, Model model) {
        forms.preparePatrol(model, users.require(), houseId);
        return "patrol/patrol";
    }

    @PostMapping(path = "/m/patrol")
    Object patrol(@RequestParam(required = false) String shift, @RequestParam(required = false) String place,
                  @RequestParam(required = false) String finding, @RequestParam(required = false) Long houseId,
                  @RequestParam(defaultValue = "false") boolean toCase, @RequestParam(required = false) String category,
                  @RequestParam(name = "idempotencyKey", required = false) String formKey,
                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                  @RequestHeader(name = "Accept", required = false) String accept, Model model,
                  RedirectAttributes redirect) {
        CurrentUser me = users.require();
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        try {
            var done = patrols.record(new Patrols.NewPatrol(shift, null, null, place, finding, houseId,
                    toCase && me.can(CasePermissions.REPORT), category, key != null ? key : formKey), me);
            String text = done.value().caseCode() == null ? msg("grid.patrol.done")
                    : msg("grid.patrol.done.case", done.value().caseCode());
            if (json) {
                return ResponseEntity.status(done.replay() ? 200 : 201).body(Map.of("id", done.value().id(), "message",
                        text, "caseCode", String.valueOf(done.value().caseCode())));
            }
            redirect.addFlashAttribute("done", text);
            return new ModelAndView("redirect:/m/grid");
        } catch (DomainException e) {
            if (json) {
                return forms.problem(e);
            }
            forms.preparePatrol(model, me, houseId);
            model.addAttribute(e instanceof InvalidInput ? "invalid" : "problem", e);
            return new ModelAndView("patrol/patrol");
        }
    }

    @GetMapping("/m/visit")
    String visitForm(@RequestParam(required = false) Long personId, Model model) {
        CurrentUser me = users.require();
        visitModel(model, me, personId);
        return "patrol/visit";
    }

    @PostMapping("/m/visit")
    Object visit(@RequestParam(required = false) Long personId, @RequestParam(required = false) String note,
                 @RequestParam(defaultValue = "false") boolean needsHelp,
                 @RequestParam(name = "idempotencyKey", required = false) String formKey,
                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                 @RequestHeader(name = "Accept", required = false) String accept, Model model,
                  RedirectAttributes redirect) {
        CurrentUser me = users.require();
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE);
        try {
            var done = patrols.visit(new Patrols.NewVisit(personId, null, note, needsHelp, key != null ? key : formKey), me);
            String text = msg("grid.visit.done", done.value().personName());
            if (json) {
                return ResponseEntity.status(done.replay() ? 200 : 201).body(Map.of("id", done.value().id(), "message",
                        text));
            }
            redirect.addFlashAttribute("done", text);
            return new ModelAndView("redirect:/m/grid");
        } catch (DomainException e) {
            if (json) {
                return forms.problem(e);
            }
            visitModel(model, me, personId);
            model.addAttribute(e instanceof InvalidInput ? "invalid" : "problem", e);
            return new ModelAndView("patrol/visit");
        }
    }

    /** The residents due within a month, and a chosen one not among them (from the search). */
    private void visitModel(Model model, CurrentUser me, Long personId) {
        var due = patrols.due(31, me);
        model.addAttribute("due", due);
        model.addAttribute("personId", personId);
        if (personId != null && due.stream().noneMatch(d -> d.personId() == personId)) {
            try {
                model.addAttribute("chosen", residents.person(personId, me));
            } catch (DomainException e) {
                model.addAttribute("personId", null);
            }
        }
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
