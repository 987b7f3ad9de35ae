package cn.huying.finance.internal;

import cn.huying.finance.EngagementStatus;
import cn.huying.finance.GuaranteeType;
import cn.huying.identity.CreditCode;
import cn.huying.identity.Enterprises;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.shared.DemoData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo of 阳光产融 (城阳区 logistics): the finance office {@code jrb}, three banks with a 城阳 branch and an account
 * manager each ({@code nsyh}, {@code zhyh}, {@code jsyh}), two approved logistics enterprises ({@code wuliu},
 * {@code wuliu2}) and a pending one ({@code wuliu3}), products, needs at several stages, bills, the two pools with
 * 1亿元 each, policy news. Passwords {@code Huying@2026}. Adds nothing once a bank exists.
 */
@Component
class FinanceDemo implements DemoData {

    static final String PASSWORD = "Huying@2026";

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final Enterprises enterprises;
    private final BankService banks;
    private final ProductService products;
    private final NeedService needs;
    private final BillService bills;
    private final PoolService pools;
    private final NewsService news;
    private final WaybillService waybills;
    private final Clock clock;

    FinanceDemo(JdbcClient jdbc, UserAccounts users, Enterprises enterprises, BankService banks, ProductService products,
                NeedService needs, BillService bills, PoolService pools, NewsService news, WaybillService waybills, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.enterprises = enterprises;
        this.banks = banks;
        this.products = products;
        this.needs = needs;
        this.bills = bills;
        this.pools = pools;
        this.news = news;
        this.waybills = waybills;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 400;
    }

    static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    @Override
    public void load() {
        if (jdbc.sql("SELECT COUNT(*) FROM fin_bank").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        if (users.findByUsername("jrb").isEmpty()) {
            users.create(new UserAccounts.NewUser("jrb", "城阳区金融办 王主任", PASSWORD, Set.of(Roles.FINANCE_OFFICE), null, null));
        }
        long ns = banks.create("QDNS", "青岛农商银行", null).id();
        long nsCy = banks.create("QDNS-CY", "青岛农商银行城阳支行", ns).id();
        long boc = banks.create("BOC-QD", "中国银行青岛分行", null).id();
        long bocCy = banks.create("BOC-QD-CY", "中国银行城阳支行", boc).id();
        long ccb = banks.create("CCB-QD", "建设银行青岛分行", null).id();
        long ccbCy = banks.create("CCB-QD-CY", "建设银行城阳支行", ccb).id();
        banks.addUser(nsCy, "nsyh", "农商行客户经理 刘洋", PASSWORD);
        banks.addUser(bocCy, "zhyh", "中行客户经理 陈静", PASSWORD);
        banks.addUser(ccbCy, "jsyh", "建行客户经理 赵磊", PASSWORD);

        products.create(nsCy, new ProductService.NewProduct("物流e贷", bd("100000"), bd("3000000"), 6, 36, bd("0.0385"),
                bd("0.0600"), GuaranteeType.CREDIT, "按月付息，到期还本", "城阳区", "运单数据授权，经营满 2 年"));
        products.create(bocCy, new ProductService.NewProduct("中银运费贷", bd("500000"), bd("5000000"), 12, 36, bd("0.0365"),
                bd("0.0550"), GuaranteeType.PLEDGE, "等额本息", "青岛市", "应收运费质押"));
        products.create(ccbCy, new ProductService.NewProduct("建行车辆按揭贷", bd("200000"), bd("2000000"), 12, 60, bd("0.0420"),
                bd("0.0650"), GuaranteeType.MORTGAGE, "等额本息", "青岛市", "营运车辆抵押"));
        products.create(ccbCy, new ProductService.NewProduct("建行云税贷", bd("100000"), bd("2000000"), 3, 12, bd("0.0395"),
                bd("0.0580"), GuaranteeType.CREDIT, "随借随还", "青岛市", "纳税信用 B 级以上"));

        long shunda = enterprise(code("91370214MA3C1234X"), "青岛城阳顺达物流有限公司", "王建华", "13805321001", "wuliu", true);
        long ganglian = enterprise(code("91370214MA3N1A2B3"), "青岛港联捷运输有限公司", "李红梅", "13905322002", "wuliu2", true);
        enterprise(code("91370214MA3P4L5M6"), "青岛恒通冷链物流有限公司", "张志强", "13705323003", "wuliu3", false);

        var sd = new FinanceActors.EnterpriseActor(shunda, "青岛城阳顺达物流有限公司", "wuliu");
        var gl = new FinanceActors.EnterpriseActor(ganglian, "青岛港联捷运输有限公司", "wuliu2");
        var nsBank = new FinanceActors.BankActor(nsCy, "青岛农商银行城阳支行", "nsyh");
        var bocBank = new FinanceActors.BankActor(bocCy, "中国银行城阳支行", "zhyh");
        var ccbBank = new FinanceActors.BankActor(ccbCy, "建设银行城阳支行", "jsyh");

        needs.post(sd, new NeedService.NewNeed("新购冷藏车 3 辆", bd("900000"), 36, bd("0.0600"), GuaranteeType.MORTGAGE, false));
        needs.post(sd, new NeedService.NewNeed("支付油费和路桥费的流动资金", bd("500000"), 12, bd("0.0550"), GuaranteeType.CREDIT, true));
        NeedView matching = needs.post(sd, new NeedService.NewNeed("扩建城阳物流园仓库", bd("1500000"), 24, bd("0.0580"),
                GuaranteeType.PLEDGE, true));
        EngagementView e = needs.take(nsBank, matching.id());
        needs.advance(nsBank, e.id(), EngagementStatus.CONTACTED, null, "电话联系财务负责人");
        NeedView paid = needs.post(gl, new NeedService.NewNeed("集装箱运输周转资金", bd("800000"), 12, bd("0.0500"),
                GuaranteeType.PLEDGE, true));
        EngagementView p = needs.take(bocBank, paid.id());
        needs.advance(bocBank, p.id(), EngagementStatus.CONTACTED, null, "上门走访");
        needs.advance(bocBank, p.id(), EngagementStatus.APPLIED, null, null);
        needs.advance(bocBank, p.id(), EngagementStatus.UNDER_REVIEW, null, null);
        needs.advance(bocBank, p.id(), EngagementStatus.APPROVED, bd("800000"), "运费质押");
        needs.advance(bocBank, p.id(), EngagementStatus.CONTRACT_SIGNED, null, null);
        needs.advance(bocBank, p.id(), EngagementStatus.DISBURSED, bd("800000"), null);

        LocalDate today = LocalDate.now(clock);
        BillService.Bill bill = bills.list(sd, new BillService.NewBill("DEMO-5301-0001", "青岛银行股份有限公司", bd("500000"),
                today.plusDays(120), bd("0.0250")));
        bills.list(gl, new BillService.NewBill("DEMO-5301-0002", "海尔集团财务有限责任公司", bd("1200000"), today.plusDays(90),
                bd("0.0230")));
        bills.quote(ccbBank, bill.id(), bd("0.0240"));

        for (PoolService.Pool pool : pools.pools()) {
            pools.contribute(pool.id(), bd("100000000"), "区财政注资 1 亿元", "jrb");
        }
        long risk = pools.pools().get(0).id();
        pools.registerLoan(risk, bocCy, "青岛港联捷运输有限公司", bd("800000"));

        news.publish("城阳区物流企业融资对接会将于本月举行", "区金融办联合 30 家银行举办物流企业专场对接会，现场发布物流e贷、运费贷等产品。");
        news.publish("风险补偿资金池、担保资金池各 1 亿元到位", "对入池贷款发生的损失，按比例代偿，单笔设上限，追偿款返还资金池。");
        news.publish("票据大厅上线", "中小物流企业可在线挂出商业汇票，银行报价贴现，利息按票面 × 年利率 × 天数 / 360 计算。");

        StringBuilder csv = new StringBuilder("运单号,起运地,目的地,运费,发货日期,签收日期\n");
        for (int i = 1; i <= 12; i++) {
            LocalDate shipped = today.minusDays(10L * i);
            csv.append("SD2026").append(String.format("%04d", i)).append(",青岛城阳,").append(i % 2 == 0 ? "济南" : "潍坊")
                    .append(',').append(1800 + i * 35).append(',').append(shipped).append(',').append(shipped.plusDays(2)).append('\n');
        }
        waybills.importFile(sd, "demo.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        waybills.grant(sd);
        org.slf4j.LoggerFactory.getLogger(FinanceDemo.class).info("演示数据已载入：阳光产融（{} ms）",
                (System.nanoTime() - started) / 1_000_000);
    }

    private long enterprise(String code, String name, String contact, String phone, String username, boolean approve) {
        var r = enterprises.findByCreditCode(code).map(Enterprises.Enterprise::id).orElseGet(() -> enterprises.register(
                new Enterprises.Registration(code, name, contact, phone, true, username, PASSWORD)).enterprise().id());
        if (approve && !enterprises.findById(r).orElseThrow().approved()) {
            enterprises.approve(r);
        }
        return r;
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }
}
