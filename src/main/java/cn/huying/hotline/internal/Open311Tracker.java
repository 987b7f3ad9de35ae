package cn.huying.hotline.internal;

import cn.huying.cases.CaseEvent;
import cn.huying.cases.Channel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the state of Open311 requests in step with their cases, in the transaction of each change,
 * so that the public {@code status} filter never disagrees with the case.
 */
@Component
class Open311Tracker {

    private final Open311Repository requests;

    Open311Tracker(Open311Repository requests) {
        this.requests = requests;
    }

    @EventListener
    void on(CaseEvent event) {
        if (event.facts().channel() != Channel.OPEN311) {
            return;
        }
        String note = event instanceof CaseEvent.CaseRejected rejected ? excerpt(rejected.reason()) : null;
        requests.track(event.caseId(), event.facts().state().name(), Open311Service.status(event.facts().state()),
                note, event.facts().at());
    }

    private static String excerpt(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
