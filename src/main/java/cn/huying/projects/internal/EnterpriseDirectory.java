package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import java.util.Optional;

/** The enterprise accounts 企业账户 the projects module needs, answered by identity's enterprise registry. */
public interface EnterpriseDirectory {

    /** An enterprise as the project records name it. */
    record EnterpriseRef(long id, String name) {
    }

    /** The approved enterprise the signed-in user is a member of; empty if none (or not approved yet). */
    Optional<EnterpriseRef> approvedEnterpriseOf(CurrentUser user);
}
