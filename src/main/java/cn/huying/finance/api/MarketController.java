package cn.huying.finance.api;

import cn.huying.finance.internal.BillService;
import cn.huying.finance.internal.FinanceActors;
import cn.huying.finance.internal.NewsService;
import cn.huying.finance.internal.ProductService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "阳光产融·产品与票据 Finance products and bills", description = "银行信贷产品、物流专区政策资讯（公开），"
        + "票据大厅：企业挂票，银行报价（贴现利息 = 票面 × 年利率 × 天数 / 360，保留两位小数、四舍五入），企业选定报价撮合。"
        + "银行只看得到本行的报价。")
@RestController
class MarketController {

    record QuoteRequest(BigDecimal rate) {
    }

    record NewsRequest(String title, String body) {
    }

    private final ProductService products;
    private final BillService bills;
    private final NewsService news;
    private final FinanceActors actors;

    MarketController(ProductService products, BillService bills, NewsService news, FinanceActors actors) {
        this.products = products;
        this.bills = bills;
        this.news = news;
        this.actors = actors;
    }

    @Operation(summary = "信贷产品（公开）")
    @GetMapping("/api/public/finance/products")
    List<ProductService.Product> publicProducts() {
        return products.active();
    }

    @Operation(summary = "政策资讯（公开）")
    @GetMapping("/api/public/finance/news")
    List<NewsService.News> publicNews() {
        return news.latest(20);
    }

    @Operation(summary = "发布政策资讯（金融办）")
    @PostMapping("/api/finance/news")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(NeedsController.OFFICE)
    NewsService.News publishNews(@RequestBody NewsRequest body) {
        return news.publish(body.title(), body.body());
    }

    @Operation(summary = "银行发布信贷产品")
    @PostMapping("/api/finance/products")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(NeedsController.BANK)
    ProductService.Product createProduct(@RequestBody ProductService.NewProduct body) {
        return products.create(actors.bank().bankId(), body);
    }

    @Operation(summary = "本行的信贷产品")
    @GetMapping("/api/finance/products/mine")
    @PreAuthorize(NeedsController.BANK)
    List<ProductService.Product> myProducts() {
        return products.ofBank(actors.bank().bankId());
    }

    @Operation(summary = "企业挂票")
    @PostMapping("/api/finance/bills")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(NeedsController.ENTERPRISE)
    BillService.Bill listBill(@RequestBody BillService.NewBill body) {
        return bills.list(actors.enterprise(), body);
    }

    @Operation(summary = "本企业的票据")
    @GetMapping("/api/finance/bills/mine")
    @PreAuthorize(NeedsController.ENTERPRISE)
    List<BillService.Bill> myBills() {
        return bills.mine(actors.enterprise());
    }

    @Operation(summary = "票据大厅：挂牌中、未到期的票据")
    @GetMapping("/api/finance/bills")
    @PreAuthorize(NeedsController.BANK + " or " + NeedsController.OFFICE)
    List<BillService.Bill> hall() {
        return bills.hall();
    }

    @Operation(summary = "银行报价（同一银行再报价则替换前一次）")
    @PostMapping("/api/finance/bills/{id}/quotes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(NeedsController.BANK)
    BillService.Quote quote(@PathVariable long id, @RequestBody QuoteRequest body) {
        return bills.quote(actors.bank(), id, body == null ? null : body.rate());
    }

    @Operation(summary = "票据的报价：企业看本票全部报价，银行只看本行的")
    @GetMapping("/api/finance/bills/{id}/quotes")
    @PreAuthorize(NeedsController.ENTERPRISE + " or " + NeedsController.BANK)
    List<BillService.Quote> quotes(@PathVariable long id) {
        if (actors.user().can(cn.huying.finance.FinancePermissions.BANK)) {
            return bills.quotesOfBank(actors.bank(), id);
        }
        return bills.quotesForEnterprise(actors.enterprise(), id);
    }

    @Operation(summary = "本行的报价与撮合意向")
    @GetMapping("/api/finance/quotes/mine")
    @PreAuthorize(NeedsController.BANK)
    List<BillService.Quote> myQuotes() {
        return bills.quotesOfBank(actors.bank(), null);
    }

    @Operation(summary = "企业选定报价：撮合成功，交该银行办理贴现")
    @PostMapping("/api/finance/bills/{id}/quotes/{quoteId}/accept")
    @PreAuthorize(NeedsController.ENTERPRISE)
    BillService.Quote accept(@PathVariable long id, @PathVariable long quoteId) {
        return bills.accept(actors.enterprise(), id, quoteId);
    }
}
