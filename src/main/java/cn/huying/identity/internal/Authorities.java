package cn.huying.identity.internal;

import cn.huying.identity.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A user's permissions and roles as Spring Security authorities. */
final class Authorities {

    private Authorities() {
    }

    static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }
}
