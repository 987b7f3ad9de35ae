package cn.huying.cases.internal;

import cn.huying.cases.Category;
import cn.huying.identity.CurrentUser;
import cn.huying.shared.DomainException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the module's controllers need beyond the {@link cn.huying.cases.Cases} facade: attachments
 * (scope-checked through their case), categories and category administration.
 */
@Component
public class CaseWebSupport {

    private final CaseService cases;
    private final AttachmentStore attachments;
    private final CategoryRepository categories;

    CaseWebSupport(CaseService cases, AttachmentStore attachments, CategoryRepository categories) {
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

    public java.util.Optional<Category> category(long id) {
        return categories.find(id);
    }
}
