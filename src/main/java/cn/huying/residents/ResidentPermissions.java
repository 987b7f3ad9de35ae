package cn.huying.residents;

/** Permission strings 权限标识 of the resident registry. */
public final class ResidentPermissions {

    /** See the houses and people of one's scope, masked. */
    public static final String VIEW = "resident:view";
    /** Register and change houses, households and people. */
    public static final String EDIT = "resident:edit";
    /** See a person's ID number and phone in full (audited), export a person's data on request. */
    public static final String PII = "resident:pii";
    /** Erase or anonymise a person on request (PIPL art. 47). */
    public static final String ERASE = "resident:erase";
    /** Import from Excel and export the list. */
    public static final String IMPORT = "resident:import";

    private ResidentPermissions() {
    }
}
