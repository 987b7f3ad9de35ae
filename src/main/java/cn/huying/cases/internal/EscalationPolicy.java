package cn.huying.cases.internal;

import cn.huying.cases.Category;
import cn.huying.cases.Channel;
import cn.huying.cases.Tier;
import cn.huying.cases.Urgency;
import cn.huying.identity.Roles;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Where a new case starts 分级: 小事不出网格、大事不出村居、难事不出镇域.
 * <ul>
 *   <li>A grid worker's report starts at its category's default tier (at least GRID).</li>
 *   <li>A village cadre's own report starts at least at VILLAGE.</li>
 *   <li>An emergency, and everything from the hotline, letters, the portal and Open311, goes to the
 *       town command centre.</li>
 * </ul>
 */
@Component
public class EscalationPolicy {

    public Tier startTier(Category category, Channel channel, Urgency urgency, Set<String> reporterRoles) {
        if (urgency == Urgency.EMERGENCY) {
            return Tier.TOWN;
        }
        if (channel != Channel.GRID_REPORT) {
            return Tier.TOWN;
        }
        Tier tier = category.defaultTier();
        if (reporterRoles.contains(Roles.VILLAGE_CADRE) && !reporterRoles.contains(Roles.GRID_WORKER)) {
            tier = Tier.max(tier, Tier.VILLAGE);
        }
        if (reporterRoles.contains(Roles.DISPATCHER)) {
            tier = Tier.TOWN;
        }
        return tier;
    }
}
