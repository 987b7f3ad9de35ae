package cn.huying.patrol;

/** Permission strings 权限标识 of grid work. */
public final class PatrolPermissions {

    /** Record one's own patrols and visits. */
    public static final String RECORD = "patrol:record";
    /** See the patrols, visits and party groups of one's scope. */
    public static final String VIEW = "patrol:view";
    /** Set the town's patrol shifts and visit rules. */
    public static final String CONFIG = "patrol:config";

    private PatrolPermissions() {
    }
}
