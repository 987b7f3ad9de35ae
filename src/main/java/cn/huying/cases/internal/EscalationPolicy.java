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
 *   <li>A grid worker who says the matter is beyond the village ({@code toTown}, 越级直报) sends it to the
 *       town; so does a category whose tier is TOWN. The case still starts at GRID in its path and
 *       moves up at once ({@link #skipsToTown}), so the path reads GRID → TOWN.</li>
 * </ul>
 */
@Component
public class EscalationPolicy {

    public Tier startTier(Category category, Channel channel, Urgency urgency, Set<String> reporterRoles) {
        return startTier(category, channel, urgency, reporterRoles, false);
    }

    public Tier startTier(Category category, Channel channel, Urgency urgency, Set<String> reporterRoles,
                          boolean toTown) {
        if (toTown && channel == Channel.GRID_REPORT && reporterRoles.contains(Roles.GRID_WORKER)) {
            return Tier.TOWN;
        }
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

    /**
     * Whether a grid worker's report that lands at the town skipped the grid and village tiers: its path
     * then starts at GRID and the skip is written into the history.
     */
    public boolean skipsToTown(Tier start, Channel channel, Set<String> reporterRoles) {
        return start == Tier.TOWN && channel == Channel.GRID_REPORT && reporterRoles.contains(Roles.GRID_WORKER)
                && !reporterRoles.contains(Roles.DISPATCHER);
    }
}
