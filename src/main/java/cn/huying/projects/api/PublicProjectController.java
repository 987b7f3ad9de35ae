package cn.huying.projects.api;

import cn.huying.projects.internal.ProjectDetails;
import cn.huying.projects.internal.ProjectQueries;
import cn.huying.projects.internal.ProjectService;
import cn.huying.projects.internal.ProjectSummary;
import cn.huying.shared.PageRequest;
import cn.huying.shared.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 阳光推介 for everyone, without an account: the public projects, their disclosures, and consultation comments. */
@RestController
@RequestMapping("/api/public/projects")
class PublicProjectController {

    record CommentRequest(String author, String content) {
    }

    private final ProjectQueries queries;
    private final ProjectDetails details;
    private final ProjectService projects;

    PublicProjectController(ProjectQueries queries, ProjectDetails details, ProjectService projects) {
        this.queries = queries;
        this.details = details;
        this.projects = projects;
    }

    @GetMapping
    PageResult<ProjectSummary> list(@RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        return queries.publicList(PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    ProjectDetails.PublicDetail detail(@PathVariable long id) {
        return details.publicDetail(id);
    }

    /** A comment in the planning consultation window 征求意见 (a project not public answers 404). */
    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    void comment(@PathVariable long id, @RequestBody CommentRequest in) {
        queries.publicProject(id);
        projects.comment(id, in.author(), in.content());
    }
}
