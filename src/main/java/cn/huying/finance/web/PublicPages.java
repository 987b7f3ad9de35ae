package cn.huying.finance.web;

import cn.huying.finance.internal.NewsService;
import cn.huying.finance.internal.ProductService;
import cn.huying.identity.Enterprises;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 物流金融专区 — open without an account: policy news, the banks' products, and an enterprise's registration. */
@Controller
class PublicPages {

    private final NewsService news;
    private final ProductService products;
    private final Enterprises enterprises;

    PublicPages(NewsService news, ProductService products, Enterprises enterprises) {
        this.news = news;
        this.products = products;
        this.enterprises = enterprises;
    }

    @GetMapping("/public/finance")
    String zone(Model model) {
        model.addAttribute("news", news.latest(10));
        model.addAttribute("products", products.active());
        return "finance/zone";
    }

    @GetMapping("/public/finance/register")
    String registerForm() {
        return "finance/register";
    }

    @PostMapping("/public/finance/register")
    String register(@RequestParam(required = false) String creditCode, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String contactName, @RequestParam(required = false) String contactPhone,
                    @RequestParam(defaultValue = "false") boolean consent, @RequestParam(required = false) String username,
                    @RequestParam(required = false) String password, Model model, RedirectAttributes redirect) {
        try {
            Enterprises.Registered r = enterprises.register(new Enterprises.Registration(creditCode, name, contactName,
                    contactPhone, consent, username, password));
            redirect.addFlashAttribute("doneKey", "finance.page.registered");
            redirect.addFlashAttribute("doneArg", r.username());
            return "redirect:/public/finance";
        } catch (InvalidInput e) {
            model.addAttribute("invalid", e);
        } catch (DomainException e) {
            model.addAttribute("problem", e);
        }
        model.addAttribute("form", new String[]{creditCode, name, contactName, contactPhone, username});
        return "finance/register";
    }
}
