package cn.huying.analytics.web;

import cn.huying.analytics.CaseBoard;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.WorkQueueSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A work queue 待办 of the signed-in user, one page at a time, with the quick actions of that queue
 * beside each case: the command centre registers, rejects or merges new cases with their duplicate
 * candidates beside them, and dispatches with the category's suggested department; a department
 * signs for what was sent to it. Everything else is done on the case's own page. The buttons post to cases' pages
 * ({@code /cases/{id}/act/…}), which come back here. Moved from cases (issue 23).
 */
@Controller
class WorkQueueController {

    static final int PAGE_SIZE = 15;

    private final CaseBoard board;
    private final WorkQueueSupport support;
    private final Departments departments;
    private final CurrentUsers users;

    WorkQueueController(CaseBoard board, WorkQueueSupport support, Departments departments, CurrentUsers users) {
        this.board = board;
        this.support = support;
        this.departments = departments;
        this.users = users;
    }

    @GetMapping("/work/{queue}")
    String queue(@PathVariable String queue, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = users.require();
        CaseBoard.Queue q = parse(queue);
        List<CaseBoard.Queue> mine = board.queuesOf(user);
        if (!mine.contains(q)) {
            throw DomainException.forbidden("case.page.queue.not-yours", q.label());
        }
        PageResult<CaseSummary> result = board.queue(q, user, new PageRequest(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("queue", q);
        model.addAttribute("tabs", board.inbox(user));
        model.addAttribute("result", result);
        // only the buttons the user may press now, by the same rule the server applies
        Map<Long, Set<String>> allowed = new HashMap<>();
        board.allowedActions(result.items(), user).forEach((id, actions) ->
                allowed.put(id, actions.stream().map(Enum::name).collect(Collectors.toSet())));
        model.addAttribute("allowed", allowed);
        model.addAttribute("here", "/work/" + q.name() + (page > 0 ? "?page=" + page : ""));
        if (q == CaseBoard.Queue.TO_DISPATCH) {
            // active departments the user may dispatch to (their scope and the regions above it); of the category's
            // department kind, those of the dispatcher's own town come before the county's
            List<DepartmentView> targets = departments.list(users.scopeOf(user), null, null, false);
            Map<Long, Long> suggested = support.suggestedDepartments(result.items(), user.scopeRegionId(), targets);
            model.addAttribute("departments", targets);
            model.addAttribute("suggested", suggested);
        }
        return "analytics/queue";
    }

    private static CaseBoard.Queue parse(String queue) {
        try {
            return CaseBoard.Queue.valueOf(queue.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("case.page.queue.unknown", queue);
        }
    }
}
