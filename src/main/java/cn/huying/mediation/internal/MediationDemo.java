package cn.huying.mediation.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.RegionScope;
import cn.huying.identity.Roles;
import cn.huying.identity.UserAccounts;
import cn.huying.mediation.MediationPermissions;
import cn.huying.mediation.OrgLevel;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DemoData;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The demo town's mediation: the centre, a committee in every village, the park's room (a mediator, a police officer
 * and a lawyer), the court and the police station; accounts for the centre, two village committees and the park; and
 * disputes at all three levels. Adds nothing once organisations exist.
 */
@Component
class MediationDemo implements DemoData {

    static final String PASSWORD = "Huying@2026";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MediationDemo.class);

    private final DisputeStore store;
    private final UserAccounts accounts;
    private final Regions regions;
    private final DisputeIntake intake;
    private final DisputeWork work;

    MediationDemo(DisputeStore store, UserAccounts accounts, Regions regions, DisputeIntake intake, DisputeWork work) {
        this.store = store;
        this.accounts = accounts;
        this.regions = regions;
        this.intake = intake;
        this.work = work;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void load() {
        if (store.countOrgs() > 0) {
            return;
        }
        Optional<UserAccounts.UserSummary> dispatcher = accounts.findByUsername("dispatcher");
        if (dispatcher.isEmpty() || dispatcher.get().scopeRegionId() == null) {
            return;
        }
        long started = System.nanoTime();
        RegionView town = regions.find(dispatcher.get().scopeRegionId()).orElseThrow();
        List<RegionView> children = regions.children(town.id(), RegionScope.all());
        long centre = store.insertOrg("TJ-ZX", town.name() + "社会治理综合服务中心（综治办·司法所·信访办）", OrgLevel.TOWN,
                "CENTRE", town.id(), town.path());
        long court = store.insertOrg("TJ-FT", town.name() + "人民法庭", OrgLevel.TOWN, "COURT", town.id(), town.path());
        long police = store.insertOrg("TJ-PCS", town.name() + "派出所", OrgLevel.TOWN, "POLICE", town.id(), town.path());
        long zhuozhuang = 0;
        long mushi = 0;
        RegionView zz = null;
        RegionView ms = null;
        for (RegionView v : children) {
            if (v.type() == RegionType.VILLAGE) {
                long id = store.insertOrg("TJ-" + v.code(), v.name() + "人民调解委员会", OrgLevel.VILLAGE, "COMMITTEE",
                        v.id(), v.path());
                if (v.name().equals("卓庄村")) {
                    zhuozhuang = id;
                    zz = v;
                } else if (v.name().equals("木石村")) {
                    mushi = id;
                    ms = v;
                }
            }
        }
        RegionView parkRegion = children.stream().filter(r -> r.name().equals("木石工业园区")).findFirst()
                .orElse(town);
        long park = store.insertOrg("TJ-YQ", "木石工业园区矛盾纠纷调解室", OrgLevel.PARK, "ROOM", parkRegion.id(),
                parkRegion.path());

        long centreUser = user("centre", "周静", Set.of(MediationGrants.CENTRE, Roles.MEDIATOR), town.id());
        store.insertMember(centre, centreUser, "综治中心调解员");
        accounts.findByUsername("mediator").ifPresent(u -> store.insertMember(court, u.id(), "法官"));
        store.insertMember(police, user("police", "王警官", Roles.MEDIATOR, town.id()), "民警");
        long zzMediator = 0;
        if (zz != null) {
            zzMediator = user("tiaojie-zz", "卓金花", Roles.MEDIATOR, zz.id());
            store.insertMember(zhuozhuang, zzMediator, "村调委会主任");
        }
        if (ms != null) {
            store.insertMember(mushi, user("tiaojie-ms", "木永成", Roles.MEDIATOR, ms.id()), "法治副主任");
        }
        long parkMediator = user("park-mediator", "高志远", Roles.MEDIATOR, parkRegion.id());
        store.insertMember(park, parkMediator, "专职调解员");
        store.insertMember(park, user("park-police", "孔民警", Roles.MEDIATOR, parkRegion.id()), "驻园民警");
        store.insertMember(park, user("park-lawyer", "许律师", Roles.MEDIATOR, parkRegion.id()), "律师");

        CurrentUser centreStaff = new CurrentUser(centreUser, "centre", "周静", Set.of(MediationGrants.CENTRE, Roles.MEDIATOR),
                Set.of(MediationPermissions.VIEW, MediationPermissions.VIEW_ALL, MediationPermissions.INTAKE,
                        MediationPermissions.HANDLE, "case:view", "case:report"), town.id(), null);
        if (zz != null) {
            long v = intake.open(new DisputeInput.Open(null, "NEIGHBOUR", "宅基地排水沟堵塞纠纷", "两户因排水沟堵塞互相指责，"
                    + "雨水倒灌一方院落。", null, zz.id(), zhuozhuang, List.of(zzMediator),
                    List.of(new DisputeInput.PartyInput("申请人", "卓立新", "370481196505120317", "13805321101"),
                            new DisputeInput.PartyInput("被申请人", "卓长海", "370481196811030411", "13805321102")),
                    null, null), centreStaff);
            CurrentUser m = mediator(zzMediator, "tiaojie-zz", "卓金花", zz.id());
            work.meeting(v, new DisputeInput.Meeting("2026-03-02T09:00:00+08:00", "卓庄村村委会调解室", null,
                    "卓立新、卓长海、卓金花", "双方基本同意共同清理排水沟，费用分担待下次商定。"), m);
            // no outcome here: the agreement's Word document would load POI at every start (seconds); the first
            // agreement a user makes pays for it instead
        }
        long l = intake.open(new DisputeInput.Open(null, "LABOUR", "包装车间工人工资拖欠", "园区某包装公司拖欠 6 名工人"
                + "两个月工资共计 48,000 元。", "48000.00", parkRegion.id(), park, List.of(parkMediator),
                List.of(new DisputeInput.PartyInput("申请人", "张海军", "370481198803150534", "13905321201"),
                        new DisputeInput.PartyInput("申请人", "刘成", null, "13905321202"),
                        new DisputeInput.PartyInput("被申请人", "滕州某包装有限公司（法定代表人 孙某）", null, "06325551234")),
                null, null), centreStaff);
        work.meeting(l, new DisputeInput.Meeting("2026-03-05T14:00:00+08:00", "园区调解室", null,
                "张海军、刘成、孙某、高志远、孔民警、许律师", "公司承认欠薪，提出分两期支付。"),
                mediator(parkMediator, "park-mediator", "高志远", parkRegion.id()));
        intake.open(new DisputeInput.Open(null, "LAND", "土地流转租金纠纷", "三户村民与合作社就土地流转租金标准发生争议。",
                "36000", town.id(), centre, List.of(centreUser),
                List.of(new DisputeInput.PartyInput("申请人", "王德胜", null, "13705321301"),
                        new DisputeInput.PartyInput("被申请人", "木石镇某农业专业合作社", null, null)),
                null, null), centreStaff);
        log.info("调解演示数据已载入：{} 个调解组织、3 件纠纷（{} ms）", store.countOrgs(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private long user(String username, String name, String role, long scope) {
        return user(username, name, Set.of(role), scope);
    }

    /** The centre's staff are mediators too (they mediate the town-level disputes), with the centre's rights. */
    private long user(String username, String name, Set<String> roles, long scope) {
        return accounts.findByUsername(username).map(UserAccounts.UserSummary::id).orElseGet(() -> accounts.create(
                new UserAccounts.NewUser(username, name, PASSWORD, roles, scope, null)).id());
    }

    private static CurrentUser mediator(long id, String username, String name, long scope) {
        return new CurrentUser(id, username, name, Set.of(Roles.MEDIATOR), Set.of(MediationPermissions.VIEW,
                MediationPermissions.HANDLE), scope, null);
    }
}
