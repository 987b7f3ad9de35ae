package cn.huying.residents.web;

import cn.huying.cases.Cases;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.residents.HouseUse;
import cn.huying.residents.ResidentKind;
import cn.huying.residents.ResidentPermissions;
import cn.huying.residents.Residents;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages: the village/town list with filters and per-grid counts, and a house with its households,
 * the audited full view of a person, its cases (through the cases API) and its history.
 */
@Controller
@PreAuthorize("hasAuthority('" + ResidentPermissions.VIEW + "')")
class ResidentPages {

    private final Residents residents;
    private final Cases cases;
    private final CurrentUsers users;
    private final MessageSource messages;

    ResidentPages(Residents residents, Cases cases, CurrentUsers users, MessageSource messages) {
        this.residents = residents;
        this.cases = cases;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/residents")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                @RequestParam(required = false) ResidentKind kind, @RequestParam(required = false) HouseUse use,
                @RequestParam(required = false) Long regionId, @RequestParam(defaultValue = "persons") String view,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser me = users.require();
        model.addAttribute("counts", residents.gridCounts(me));
        model.addAttribute("tags", residents.careTags());
        model.addAttribute("kinds", ResidentKind.values());
        model.addAttribute("uses", HouseUse.values());
        model.addAttribute("q", q);
        model.addAttribute("tag", tag);
        model.addAttribute("kind", kind);
        model.addAttribute("use", use);
        model.addAttribute("regionId", regionId);
        model.addAttribute("view", view);
        PageRequest p = new PageRequest(Math.max(0, page), 20);
        if ("houses".equals(view)) {
            model.addAttribute("houses", residents.houses(new Residents.HouseQuery(q, use, regionId, p), me));
        } else {
            model.addAttribute("persons", residents.persons(new Residents.PersonQuery(q, null, blank(tag), kind, regionId,
                    false, p), me));
        }
        return "residents/list";
    }

    @GetMapping("/residents/houses/{id}")
    String house(@PathVariable long id, Model model) {
        CurrentUser me = users.require();
        model.addAttribute("house", residents.house(id, me));
        model.addAttribute("history", residents.houseHistory(id, me));
        List<Object> linked = new ArrayList<>();
        for (long caseId : residents.casesOfHouse(id, me)) {
            try {
                linked.add(cases.get(caseId, me));
            } catch (DomainException e) {
                // outside the viewer's case scope: not listed
            }
        }
        model.addAttribute("cases", linked);
        model.addAttribute("uses", HouseUse.values());
        return "residents/house";
    }

    /** The full ID number and phone of a person, as an htmx fragment; audited. */
    @GetMapping("/residents/persons/{id}/full")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.PII + "')")
    String full(@PathVariable long id, Model model) {
        model.addAttribute("full", residents.full(id, users.require()));
        return "residents/house :: full";
    }

    @PostMapping("/residents/houses/{id}/use")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    String changeUse(@PathVariable long id, @RequestParam HouseUse use, @RequestParam long version,
                     @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            residents.changeUse(id, use, note, version, users.require());
            redirect.addFlashAttribute("done", text("resident.page.saved"));
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/residents/houses/" + id;
    }

    /** Names this house in a case, by the case's code: the link is kept in the registry. */
    @PostMapping("/residents/houses/{id}/cases")
    @PreAuthorize("hasAuthority('" + ResidentPermissions.EDIT + "')")
    String linkCase(@PathVariable long id, @RequestParam String caseCode, RedirectAttributes redirect) {
        CurrentUser me = users.require();
        try {
            var c = cases.getByCode(caseCode.strip(), me);
            residents.linkCase(c.id(), id, List.of(), me);
            redirect.addFlashAttribute("done", text("resident.page.linked", c.code()));
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/residents/houses/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
