package cn.huying.projects.web;

import cn.huying.projects.internal.AtomFeed;
import cn.huying.projects.internal.ProjectDetails;
import cn.huying.projects.internal.ProjectQueries;
import cn.huying.projects.internal.ProjectService;
import cn.huying.shared.PageRequest;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public pages (no account): the project list, one project's disclosures and consultation, the Atom feed. */
@Controller
class PublicProjectPages {

    private final ProjectQueries queries;
    private final ProjectDetails details;
    private final ProjectService projects;
    private final AtomFeed feed;
    private final PageSupport pages;
    private final Clock clock;

    PublicProjectPages(ProjectQueries queries, ProjectDetails details, ProjectService projects, AtomFeed feed,
                       PageSupport pages, Clock clock) {
        this.queries = queries;
        this.details = details;
        this.projects = projects;
        this.feed = feed;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/public/projects")
    String list(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", queries.publicList(PageRequest.of(page, 20)));
        model.addAttribute("disclosures", queries.latestDisclosures(10));
        return "projects/public-list";
    }

    @GetMapping("/public/projects/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", details.publicDetail(id));
        return "projects/public-detail";
    }

    @PostMapping("/public/projects/{id}/comments")
    String comment(@PathVariable long id, @RequestParam(required = false) String author,
                   @RequestParam(required = false) String content, RedirectAttributes redirect) {
        queries.publicProject(id);
        String back = pages.run("/public/projects/" + id, redirect, () -> projects.comment(id, author, content));
        if (!redirect.getFlashAttributes().containsKey("error")) {
            redirect.addFlashAttribute("done", pages.text("projects.comment.thanks"));
        }
        return back;
    }

    @GetMapping(value = "/public/projects/feed.atom")
    ResponseEntity<String> atom() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(feed.feed(base, clock.instant()));
    }
}
