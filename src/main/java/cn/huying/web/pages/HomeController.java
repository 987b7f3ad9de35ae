package cn.huying.web.pages;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.CurrentUsers;
import cn.huying.shared.HomeWidget;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in user's home page: the cards the modules contribute ({@link HomeWidget}) that the user may see,
 * in order, and the administration links for those who administer. The shell knows no module.
 */
@Controller
class HomeController {

    private final CurrentUsers users;
    private final ShellNavigation shell;

    HomeController(CurrentUsers users, ShellNavigation shell) {
        this.users = users;
        this.shell = shell;
    }

    /** One widget as the page renders it: its fragment split into template and selector, its variables. */
    record Card(String id, String template, String selector, Map<String, Object> model) {
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = users.require();
        model.addAttribute("user", user);
        List<Card> cards = shell.widgets(user).stream().map(w -> card(w, user)).toList();
        model.addAttribute("cards", cards);
        return "home";
    }

    private static Card card(HomeWidget widget, CurrentUser user) {
        String[] parts = widget.fragment().split("::", 2);
        if (parts.length != 2) {
            throw new IllegalStateException("widget " + widget.id() + ": fragment must be 'template :: selector'");
        }
        return new Card(widget.id(), parts[0].trim(), parts[1].trim(), widget.model(user));
    }
}
