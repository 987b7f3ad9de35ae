package cn.huying.identity;

import java.util.Optional;

/**
 * Accounts that act on behalf of people who have none. The citizen portal 群众门户 submits, follows
 * and rates requests as the account {@value #CITIZEN_PORTAL} (role CITIZEN, created by migration
 * V6_0, no usable password): its reports are its own, so the ordinary case rules (a citizen sees and
 * rates only their own requests) hold for it, and the portal itself checks the case code and the
 * last four digits of the phone before it acts.
 */
public interface ServiceAccounts {

    String CITIZEN_PORTAL = "citizen-portal";

    /** The principal of an enabled service account, or empty when it is missing or disabled. */
    Optional<CurrentUser> principal(String username);
}
