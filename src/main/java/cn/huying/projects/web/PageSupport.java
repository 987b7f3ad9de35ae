package cn.huying.projects.web;

import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page form's command: run it, and go back to the page with a notice — or, when a rule refuses it, with the
 * refusal in Chinese (the page stays where the user was; nothing was written: the command is one transaction).
 */
@Component
class PageSupport {

    private final MessageSource messages;

    PageSupport(MessageSource messages) {
        this.messages = messages;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    String run(String back, RedirectAttributes redirect, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("done", text("projects.saved"));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.errors().stream()
                    .map(f -> label(f.field()) + "：" + text(f.messageKey(), f.args())).collect(Collectors.joining("；")));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
        }
        return "redirect:" + back;
    }

    private String label(String field) {
        String key = switch (field) {
            case "plannedInvestment" -> "projects.planned";
            case "signedInvestment" -> "projects.signed";
            case "finalAccount" -> "projects.final-account";
            case "name" -> "projects.name";
            case "category" -> "projects.category";
            case "location" -> "projects.location";
            case "ownerDepartment" -> "projects.owner";
            case "reason", "result", "text" -> "projects.reason";
            default -> null;
        };
        return key == null ? field : text(key);
    }
}
