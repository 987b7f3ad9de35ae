package cn.huying.web.pages;

import cn.huying.identity.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in user's home page. */
@Controller
class HomeController {

    private final CurrentUsers users;

    HomeController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("user", users.require());
        return "home";
    }
}
