package cn.huying.cases.web;

import cn.huying.cases.CaseView;
import cn.huying.cases.Category;
import cn.huying.cases.Upload;
import cn.huying.cases.internal.CaseWebSupport;
import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.region.DepartmentView;
import cn.huying.region.Departments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** What several case pages share: departments to dispatch to and the suggested one, uploads, safe return links. */
@Component
class CasePages {

    private final Departments departments;
    private final CaseWebSupport support;
    private final CurrentUsers users;

    CasePages(Departments departments, CaseWebSupport support, CurrentUsers users) {
        this.departments = departments;
        this.support = support;
        this.users = users;
    }

    /** Active departments the user may dispatch to (their scope and the regions above it). */
    List<DepartmentView> dispatchTargets(CurrentUser user) {
        return departments.list(users.scopeOf(user), null, null, false);
    }

    Map<String, Category> categoriesByName() {
        return support.categories().stream()
                .collect(Collectors.toMap(Category::name, Function.identity(), (a, b) -> a));
    }

    /** The category's default department kind, preferring the department of the case's own town. */
    Optional<DepartmentView> suggested(Category category, Long townId, List<DepartmentView> targets) {
        if (category == null || category.defaultDepartmentKind() == null) {
            return Optional.empty();
        }
        List<DepartmentView> ofKind = targets.stream().filter(d -> d.kind() == category.defaultDepartmentKind()).toList();
        return ofKind.stream().filter(d -> townId != null && d.regionId() == townId).findFirst()
                .or(() -> ofKind.stream().findFirst());
    }

    Optional<DepartmentView> suggested(CaseView c, List<DepartmentView> targets) {
        return suggested(support.category(c.categoryId()).orElse(null), c.townId(), targets);
    }

    static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f == null || f.isEmpty()) {
                continue;
            }
            try {
                out.add(new Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** A return link only to a page of this site, never elsewhere. */
    static String safeReturn(String returnTo, String fallback) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.contains("\\")
                || returnTo.contains("\r") || returnTo.contains("\n")) {
            return fallback;
        }
        return returnTo;
    }
}
