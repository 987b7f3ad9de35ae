package cn.huying.cases;

/** Where a case came from 来源. */
public enum Channel {
    /** 网格员上报 (mobile) */
    GRID_REPORT("网格员上报"),
    /** 12345 民生热线转办 */
    HOTLINE_12345("12345热线转办"),
    /** 省政务热线咨询件 */
    PROVINCIAL_HOTLINE("省政务热线咨询"),
    /** 网络舆情 */
    ONLINE_OPINION("网络舆情"),
    /** 公开电话 */
    PUBLIC_PHONE("公开电话"),
    /** 网络信件 */
    ONLINE_LETTER("网络信件"),
    /** 来访 */
    WALK_IN("来访"),
    /** 视联网 */
    VIDEO_LINK("视联网"),
    /** Open311 API */
    OPEN311("Open311"),
    /** 群众网上门户 */
    PORTAL("群众门户");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
