package cn.huying.identity.internal;

import cn.huying.identity.AuditLog;
import cn.huying.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writes audit entries in a transaction of their own, so refusals survive the rollback of the refused work. */
@Component
class JdbcAuditLog implements AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    JdbcAuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(tx);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(String eventType, String target, String detail) {
        recordFor(currentUsername(), eventType, target, detail);
    }

    @Override
    public void recordFor(String username, String eventType, String target, String detail) {
        String addr = remoteAddr();
        ownTransaction.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO audit_log (at, username, event_type, target, detail, remote_addr)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UserRepository.utc(clock.instant()), truncate(username, 60), eventType,
                        truncate(target, 400), truncate(detail, 2000), addr)
                .update());
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return user.username();
        }
        return null;
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
