package cn.huying.example.repaircrew;

import cn.huying.cases.CaseHandOff;
import cn.huying.cases.CaseView;
import cn.huying.identity.CurrentUser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * An example claiming module, in the test sources only: a volunteer repair crew 志愿维修队 that takes cases over
 * from the command centre through {@link CaseHandOff} alone, keeps its own work order, and answers back.
 */
@Component
public class RepairCrew {

    public static final String MODULE = "repair-crew";

    private final CaseHandOff handOff;
    private final AtomicLong numbers = new AtomicLong();
    private final Map<Long, String> orders = new ConcurrentHashMap<>();

    RepairCrew(CaseHandOff handOff) {
        this.handOff = handOff;
    }

    /** Takes the case over under a work order of the crew's own. */
    public String take(long caseId, CurrentUser who) {
        String order = "WX-" + numbers.incrementAndGet();
        handOff.claim(caseId, MODULE, order, "志愿维修队", who);
        orders.put(caseId, order);
        return order;
    }

    public CaseView report(long caseId, String note, CurrentUser who) {
        return handOff.progress(caseId, MODULE, note, who);
    }

    public CaseView finish(long caseId, String reply, CurrentUser who) {
        return handOff.resolve(caseId, MODULE, reply, who);
    }

    public CaseView giveBack(long caseId, String reason, CurrentUser who) {
        return handOff.decline(caseId, MODULE, reason, who);
    }
}
