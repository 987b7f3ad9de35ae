package cn.huying.identity.web;

import cn.huying.identity.Permissions;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.identity.internal.ApiKeyService;
import cn.huying.identity.internal.IdentityAdmin;
import cn.huying.shared.DomainException;
import cn.huying.shared.PageRequest;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of users and roles and of API keys for systems. The scope region and department
 * choices are loaded with htmx from the region module's pages, so identity does not depend on it.
 * A new API key is shown once, right after it is issued.
 */
@Controller
class AdminUsersController {

    static final List<String> ROLES = List.of(Roles.GRID_WORKER, Roles.VILLAGE_CADRE, Roles.DISPATCHER, Roles.HANDLER,
            Roles.MEDIATOR, Roles.LEADER, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM);

    private final IdentityAdmin admin;
    private final UserAccounts accounts;

    AdminUsersController(IdentityAdmin admin, UserAccounts accounts) {
        this.admin = admin;
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasAuthority('" + Permissions.USER_VIEW + "')")
    String users(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", admin.users(q, new PageRequest(Math.max(0, page), 20)));
        model.addAttribute("q", q);
        model.addAttribute("roles", ROLES);
        return "admin/users";
    }

    @PostMapping("/admin/users")
    @PreAuthorize("hasAuthority('" + Permissions.USER_EDIT + "')")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String password,
                  @RequestParam(name = "roles", required = false) Set<String> roles,
                  @RequestParam(required = false) Long scopeRegionId, @RequestParam(required = false) Long departmentId,
                  RedirectAttributes redirect) {
        try {
            UserAccounts.UserSummary u = accounts.create(new UserAccounts.NewUser(username, displayName, password,
                    roles == null ? Set.of() : roles, scopeRegionId, departmentId));
            redirect.addFlashAttribute("doneKey", "admin.user.created");
            redirect.addFlashAttribute("doneArg", u.username());
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/admin/users";
    }

    @GetMapping("/admin/api-keys")
    @PreAuthorize("hasAuthority('" + Permissions.APIKEY_MANAGE + "')")
    String apiKeys(Model model) {
        model.addAttribute("keys", admin.apiKeys());
        model.addAttribute("systems", admin.users(null, new PageRequest(0, 200)).items().stream()
                .filter(u -> u.roles().contains(Roles.SYSTEM)).toList());
        return "admin/api-keys";
    }

    @PostMapping("/admin/api-keys")
    @PreAuthorize("hasAuthority('" + Permissions.APIKEY_MANAGE + "')")
    String issue(@RequestParam(required = false) Long userId, @RequestParam(required = false) String name,
                 RedirectAttributes redirect) {
        try {
            if (userId == null) {
                throw DomainException.invalid("apikey.user.required");
            }
            ApiKeyService.IssuedKey key = admin.issueApiKey(userId, name);
            redirect.addFlashAttribute("issued", key);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/admin/api-keys";
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    @PreAuthorize("hasAuthority('" + Permissions.APIKEY_MANAGE + "')")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            admin.revokeApiKey(id);
            redirect.addFlashAttribute("doneKey", "admin.apikey.revoked");
            redirect.addFlashAttribute("doneArg", id);
        } catch (DomainException e) {
            redirect.addFlashAttribute("problem", e);
        }
        return "redirect:/admin/api-keys";
    }
}
