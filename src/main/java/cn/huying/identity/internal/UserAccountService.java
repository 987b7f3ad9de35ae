package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.RegionPathLookup;
import cn.huying.identity.UserAccounts;
import cn.huying.shared.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserAccountService implements UserAccounts {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final RegionPathLookup regions;
    private final AuditLog audit;
    private final Clock clock;

    UserAccountService(UserRepository users, PasswordEncoder encoder, RegionPathLookup regions, AuditLog audit,
                       Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UserSummary create(NewUser u) {
        if (u.username() == null || !u.username().matches("[A-Za-z0-9_.-]{3,60}")) {
            throw DomainException.invalid("user.username.invalid");
        }
        if (u.displayName() == null || u.displayName().isBlank() || u.displayName().length() > 60) {
            throw DomainException.invalid("user.display-name.invalid");
        }
        AccountControl.checkPassword(u.rawPassword());
        if (u.roles() == null || u.roles().isEmpty()) {
            throw DomainException.invalid("user.roles.required");
        }
        for (String role : u.roles()) {
            if (!users.roleExists(role)) {
                throw DomainException.invalid("user.role.unknown", role);
            }
        }
        if (u.scopeRegionId() != null && regions.pathOf(u.scopeRegionId()).isEmpty()) {
            throw DomainException.invalid("region.not-found", u.scopeRegionId());
        }
        if (users.usernameTaken(u.username())) {
            throw DomainException.conflict("user.username.taken", u.username());
        }
        long id = users.insert(u.username(), u.displayName().strip(), encoder.encode(u.rawPassword()),
                u.scopeRegionId(), u.departmentId(), clock.instant());
        u.roles().forEach(r -> users.addRole(id, r));
        audit.record(AuditEvents.USER_CREATED, "user:" + u.username(), String.join(",", u.roles()));
        return users.summaryById(id).orElseThrow();
    }

    @Override
    public Optional<UserSummary> findByUsername(String username) {
        return users.summaryByUsername(username);
    }

    @Override
    public Optional<UserSummary> findById(long id) {
        return users.summaryById(id);
    }

    @Override
    public List<UserSummary> findByDepartmentAndRole(long departmentId, String role) {
        return users.byDepartmentAndRole(departmentId, role);
    }

    @Override
    public List<UserSummary> findByRoleCovering(String role, String regionPath) {
        return users.byRoleCovering(role, regionPath);
    }
}
