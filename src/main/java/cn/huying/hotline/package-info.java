/**
 * Channels 来源渠道: the ways a request reaches us from outside systems, and the answers they get back.
 * <ul>
 *   <li><b>Open311 GeoReport v2</b> under {@code /open311/v2/}: the public categories are its services,
 *       a posted service request becomes a case (channel {@code OPEN311}) in the town's queue, and its
 *       status is public without personal data.</li>
 *   <li><b>12345 hotline transfers 热线转办</b> under {@code /api/hotline/}: a hotline work order 工单
 *       becomes one case however often it is sent, and every step the hotline must hear about (签收,
 *       首次联系, 答复, 延期, 回退, 不予受理, 办结, 回访) goes to an outbox in the transaction of the step,
 *       from which a sender delivers it to the hotline in order until acknowledged.</li>
 * </ul>
 * The module has no API of its own for other modules: it listens to {@link cn.huying.cases.CaseEvent}s
 * and offers HTTP only. See {@code docs/channels.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels",
        allowedDependencies = {"cases", "region", "identity", "shared"})
package cn.huying.hotline;
