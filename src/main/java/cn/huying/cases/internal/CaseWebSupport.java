package cn.huying.cases.internal;

import cn.huying.cases.Category;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * What the module's controllers need beyond the {@link cn.huying.cases.Cases} facade: attachments
 * (scope-checked through their case), categories and category administration.
 */
@Component
public class CaseWebSupport {

    private final CaseReads cases;
    private final AttachmentStore attachments;
    private final CategoryRepository categories;

    CaseWebSupport(CaseReads cases, AttachmentStore attachments, CategoryRepository categories) {
        this.cases = cases;
        this.attachments = attachments;
        this.categories = categories;
    }

    /** An attachment the user may read (its case is in their scope). */
    public AttachmentStore.Stored attachment(long id, CurrentUser user) {
        AttachmentStore.Stored stored = attachments.find(id)
                .orElseThrow(() -> DomainException.notFound("attachment.not-found", id));
        try {
            cases.loadInScope(stored.caseId(), user);
        } catch (DomainException e) {
            throw DomainException.notFound("attachment.not-found", id);
        }
        return stored;
    }

    /**
     * The answer with an attachment's file: images inline, the rest as a download, never as HTML. The file is
     * read from the database here and written by Spring MVC's task executor, not by the request thread: the request
     * threads are few (as many
     * as the database connections can serve, {@code server.tomcat.threads.max}) and a photo sent to a phone
     * on a slow network would hold one for many seconds.
     */
    public ResponseEntity<StreamingResponseBody> download(AttachmentStore.Stored a) {
        byte[] bytes = attachments.content(a)
                .orElseThrow(() -> DomainException.notFound("attachment.not-found", a.id()));
        boolean image = a.contentType().startsWith("image/");
        ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(bytes.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(out -> out.write(bytes));
    }

    public List<Category> categories() {
        return categories.all();
    }

    public Category createCategory(Category c) {
        if (c.code() == null || !c.code().matches("[A-Z0-9_]{1,40}")) {
            throw DomainException.invalid("category.code.invalid");
        }
        if (categories.findByCode(c.code()).isPresent()) {
            throw DomainException.conflict("category.code.duplicate", c.code());
        }
        long id = categories.insert(c, 100);
        return categories.find(id).orElseThrow();
    }

    public Category updateCategory(Category c) {
        categories.find(c.id()).orElseThrow(() -> DomainException.notFound("category.not-found", c.id()));
        categories.update(c);
        return categories.find(c.id()).orElseThrow();
    }

    /** One published version of a category and since when it is in force. */
    public record CategoryVersion(Category category, java.time.Instant publishedAt) {
    }

    /** Every version of a category, newest first (404 for an unknown one). */
    public List<CategoryVersion> categoryVersions(long id) {
        categories.find(id).orElseThrow(() -> DomainException.notFound("category.not-found", id));
        return categories.versions(id).stream().map(p -> new CategoryVersion(p.category(), p.publishedAt())).toList();
    }

    public java.util.Optional<Category> category(long id) {
        return categories.find(id);
    }
}
