package cn.huying.demo;

import java.util.List;

/** Names and figures of the demo town; the geometry is synthetic. */
final class DemoTown {

    static final String COUNTY_CODE = "370481";
    static final String TOWN_CODE = "370481107";
    static final String PASSWORD = "Huying@2026";

    /** Town area (WGS 84): about 11 km east–west and 9 km north–south. */
    static final double WEST = 117.300;
    static final double EAST = 117.420;
    static final double SOUTH = 34.940;
    static final double NORTH = 35.020;

    /** Villages and communities 村居, 5 columns × 3 rows from the north-west; each holds 3 basic grids. */
    static final List<String> VILLAGES = List.of(
            "卓庄村", "凤翔小镇社区", "木石村", "东王庄村", "西王庄村",
            "北辛庄村", "南庄村", "刘庄村", "大宗村", "小宗村",
            "马庄村", "新安社区", "黄山村", "孙楼村", "前进社区");

    static final int BASIC_PER_VILLAGE = 3;
    /** 45 basic grids: the last three hold 2 unit grids, the others 3, which makes 132. */
    static final int BASIC_WITH_TWO_UNITS = 3;

    record Dedicated(String name, String kind, boolean underTown) {
    }

    static final List<String> ENTERPRISES = List.of(
            "滕州木石煤矿有限公司", "鲁南水泥有限公司", "木石机械制造有限公司", "滕州恒昌化工有限公司",
            "木石建材有限公司", "鑫源纺织有限公司", "滕州金丰面粉有限公司", "木石物流有限公司",
            "瑞丰食品有限公司", "宏达机床有限公司", "滕州华宇电子有限公司", "木石新能源有限公司",
            "鲁鑫钢结构有限公司", "滕州永安包装有限公司", "木石农机合作社", "凤翔商贸有限公司",
            "卓庄种植专业合作社", "滕州盛源矿业有限公司", "木石砖瓦有限公司", "滕州安泰汽修有限公司",
            "华信塑业有限公司", "滕州东方木业有限公司", "木石印刷有限公司", "滕州德润化肥有限公司",
            "鑫盛铸造有限公司", "滕州顺达运输有限公司", "木石养殖有限公司", "滕州宏泰建筑有限公司",
            "木石光伏发电有限公司", "滕州康源药业有限公司");

    static final List<String> SCHOOLS = List.of(
            "木石镇中心小学", "木石镇中学", "卓庄村小学", "凤翔小镇幼儿园", "木石镇中心幼儿园", "东王庄小学",
            "刘庄小学", "大宗村小学", "新安社区幼儿园", "黄山小学", "孙楼小学", "前进社区幼儿园");

    static final List<String> HOSPITALS = List.of(
            "木石镇卫生院", "凤翔小镇社区卫生服务站", "卓庄村卫生室", "大宗村卫生室", "新安社区卫生服务站");

    static final List<String> MARKETS = List.of(
            "木石农贸市场", "凤翔小镇农贸市场", "东王庄集市", "刘庄集市", "大宗农贸市场", "马庄集市",
            "新安社区菜市场", "黄山集市", "孙楼农贸市场");

    static final List<String> PARKS = List.of(
            "木石工业园区", "木石物流园区", "木石镇农业科技园", "滕州东部建材产业园", "木石光伏产业园",
            "木石电商产业园", "木石食品加工园");

    /** Departments 职能部门 of the town (code, name, kind); the transport bureau belongs to the county. */
    record Dept(String code, String name, String kind, boolean county) {
    }

    static final List<Dept> DEPARTMENTS = List.of(
            new Dept("MS-ZZB", "木石镇综治办（社会治理服务中心）", "GOVERNANCE", false),
            new Dept("MS-SFS", "木石司法所", "JUSTICE", false),
            new Dept("MS-PCS", "木石派出所", "POLICE", false),
            new Dept("MS-FT", "木石人民法庭", "COURT", false),
            new Dept("MS-XFB", "木石镇信访办", "PETITION", false),
            new Dept("MS-WYB", "木石镇物业办", "PROPERTY", false),
            new Dept("MS-CG", "木石镇城管中队", "URBAN_MANAGEMENT", false),
            new Dept("MS-SCJG", "木石市场监管所", "MARKET_REGULATION", false),
            new Dept("MS-YJB", "木石镇应急办", "EMERGENCY", false),
            new Dept("TZ-JTJ", "滕州市交通运输局", "TRANSPORT", true));

    private DemoTown() {
    }
}
