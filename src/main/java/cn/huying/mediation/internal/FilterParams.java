package cn.huying.mediation.internal;

import cn.huying.mediation.DisputeState;
import cn.huying.mediation.DisputeType;
import cn.huying.mediation.OrgLevel;
import cn.huying.shared.InvalidInput;
import java.time.LocalDate;

/** The list's, ledger's and statistics' filters as sent (query parameters), checked; each bad one named. */
public final class FilterParams {

    private FilterParams() {
    }

    public static Disputes.Filter parse(String level, Long orgId, String type, String state, String from, String to) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        OrgLevel l = parse(OrgLevel.class, level, "level", errors);
        DisputeType t = parse(DisputeType.class, type, "type", errors);
        DisputeState s = parse(DisputeState.class, state, "state", errors);
        LocalDate f = DisputeInput.date(from, "from", errors);
        LocalDate u = DisputeInput.date(to, "to", errors);
        errors.throwIfAny();
        return new Disputes.Filter(l, orgId, t, s, f, u);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(field, "mediation.filter.unknown", value);
            return null;
        }
    }
}
