package cn.huying.projects.internal;

import cn.huying.identity.CurrentUser;
import cn.huying.identity.Enterprises;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Enterprises as identity's shared registry keeps them: only an approved enterprise's member acts. */
@Component
class IdentityEnterprises implements EnterpriseDirectory {

    private final Enterprises enterprises;

    IdentityEnterprises(Enterprises enterprises) {
        this.enterprises = enterprises;
    }

    @Override
    public Optional<EnterpriseRef> approvedEnterpriseOf(CurrentUser user) {
        return enterprises.findByMember(user.id()).filter(Enterprises.Enterprise::approved)
                .map(e -> new EnterpriseRef(e.id(), e.name()));
    }
}
