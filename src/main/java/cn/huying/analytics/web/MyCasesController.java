package cn.huying.analytics.web;

import cn.huying.analytics.CaseBoard;
import cn.huying.cases.CaseSummary;
import cn.huying.cases.WorkQueueSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The grid worker's own cases on the phone 我上报的 (the queue {@link CaseBoard.Queue#MINE}, ten a page, each with
 * its deadline light), and how many wait at the grid. Cases' report form ({@code /m/report}) comes back here after
 * a report, with what it says about the report in the flash attributes. Moved from cases (issue 23).
 */
@Controller
class MyCasesController {

    private final CaseBoard board;
    private final WorkQueueSupport support;
    private final CurrentUsers users;

    MyCasesController(CaseBoard board, WorkQueueSupport support, CurrentUsers users) {
        this.board = board;
        this.support = support;
        this.users = users;
    }

    @GetMapping("/m/cases")
    String mine(@RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = users.require();
        var result = board.queue(CaseBoard.Queue.MINE, user, new PageRequest(Math.max(0, page), 10));
        model.addAttribute("result", result);
        // each case's deadline and traffic light, read for this page's cases only
        model.addAttribute("deadlines", support.deadlines(result.items().stream().map(CaseSummary::id).toList(), user));
        if (board.queuesOf(user).contains(CaseBoard.Queue.GRID_OPEN)) {
            model.addAttribute("gridOpen", board.count(CaseBoard.Queue.GRID_OPEN, user));
        }
        return "m/cases";
    }
}
