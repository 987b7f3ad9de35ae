package cn.huying.mediation;

/** The mediation module's permission strings (granted with RoleGrant beans). */
public final class MediationPermissions {

    /** See disputes: one's own organisation's and those one is invited to; with {@link #VIEW_ALL} all in scope. */
    public static final String VIEW = "mediation:view";
    /** Every dispute within the user's region scope (the centre, the leader, the command centre). */
    public static final String VIEW_ALL = "mediation:view-all";
    /** Open disputes (from a case, a walk-in, a court entrustment) and assign them to an organisation/level. */
    public static final String INTAKE = "mediation:intake";
    /** Mediate: meetings, outcome, agreement, performance, judicial confirmation. */
    public static final String HANDLE = "mediation:handle";
    /** Parties' full names, ID numbers and phones (audited as PII_VIEW); the agreement document. */
    public static final String PARTY_VIEW = "mediation:party-view";
    /** The ledger 矛盾纠纷台账 and its Excel export. */
    public static final String LEDGER = "mediation:ledger";
    /** Dispute statistics. */
    public static final String STATS = "mediation:stats";

    private MediationPermissions() {
    }
}
