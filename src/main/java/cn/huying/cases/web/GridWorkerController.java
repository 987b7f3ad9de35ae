package cn.huying.cases.web;

import cn.huying.cases.Cases;
import cn.huying.cases.Category;
import cn.huying.cases.NewCase;
import cn.huying.cases.Urgency;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.identity.RegionScope;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import cn.huying.shared.PageRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The grid worker's phone pages: report an event in under a minute (category, description, a photo
 * from the camera or a file, the phone's location or a chosen grid, urgency, resolved on the spot),
 * and after it the worker's own cases ({@code /m/cases}, analytics' work queue 我上报的). No clock-in, no tracking:
 * the location is taken only for the report.
 */
@Controller
class GridWorkerController {

    private final Cases cases;
    private final CaseWebSupport support;
    private final Regions regions;
    private final CurrentUsers users;
    private final MessageSource messages;

    GridWorkerController(Cases cases, CaseWebSupport support, Regions regions, CurrentUsers users,
                         MessageSource messages) {
        this.cases = cases;
        this.support = support;
        this.regions = regions;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/m/report")
    String form(Model model) {
        CurrentUser user = users.require();
        prepare(model, user);
        model.addAttribute("urgency", Urgency.NORMAL);
        return "m/report";
    }

    @PostMapping("/m/report")
    String report(@RequestParam(required = false) String category, @RequestParam(required = false) String description,
                  @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
                  @RequestParam(required = false) Long regionId, @RequestParam(required = false) String address,
                  @RequestParam(required = false) Urgency urgency,
                  @RequestParam(defaultValue = "false") boolean resolvedOnSpot,
                  @RequestParam(defaultValue = "false") boolean toTown,
                  @RequestParam(required = false) String onSpotReply,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                  @RequestParam(name = "_formToken", required = false) String formToken,
                  Model model, RedirectAttributes redirect) {
        CurrentUser user = users.require();
        NewCase report = new NewCase(category, null, urgency, null, description, lat, lng, address, regionId, null,
                null, resolvedOnSpot, onSpotReply, CasePages.uploads(photos), formToken, null, null, toTown);
        Cases.Submitted submitted;
        try {
            submitted = cases.submit(report, user);
        } catch (DomainException e) {
            prepare(model, user);
            model.addAttribute(e instanceof InvalidInput ? "invalid" : "problem", e);
            model.addAttribute("category", category);
            model.addAttribute("description", description);
            model.addAttribute("regionId", regionId);
            model.addAttribute("address", address);
            model.addAttribute("urgency", urgency == null ? Urgency.NORMAL : urgency);
            model.addAttribute("resolvedOnSpot", resolvedOnSpot);
            model.addAttribute("toTown", toTown);
            model.addAttribute("onSpotReply", onSpotReply);
            return "m/report";
        } catch (DataIntegrityViolationException e) {
            // the same form sent twice at once from two tabs: the first one's case stands
            return "redirect:/m/cases";
        }
        redirect.addFlashAttribute("done", messages.getMessage("grid.report.done",
                new Object[]{submitted.c().code(), submitted.c().stateLabel()}, Locale.SIMPLIFIED_CHINESE));
        redirect.addFlashAttribute("candidates", submitted.candidates());
        redirect.addFlashAttribute("candidateCount", submitted.candidateCount());
        return "redirect:/m/cases";
    }

    private void prepare(Model model, CurrentUser user) {
        Map<String, List<Category>> groups = new LinkedHashMap<>();
        Map<Long, String> parents = support.categories().stream().filter(c -> c.parentId() == null)
                .collect(Collectors.toMap(Category::id, Category::name));
        support.categories().stream().filter(c -> c.parentId() != null && c.active())
                .forEach(c -> groups.computeIfAbsent(parents.getOrDefault(c.parentId(), ""), k -> new ArrayList<>()).add(c));
        model.addAttribute("categories", groups);
        RegionScope scope = users.scopeOf(user);
        List<RegionView> grids = regions.list(scope, null, null, null, false, new PageRequest(0, 200)).items().stream()
                .filter(r -> r.type().isGrid()).toList();
        model.addAttribute("grids", grids);
        model.addAttribute("urgencies", Urgency.values());
    }
}
