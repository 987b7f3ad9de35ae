package cn.huying.hotline.internal;

import cn.huying.cases.CaseState;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.Channel;
import cn.huying.cases.NewCase;
import cn.huying.cases.Urgency;
import cn.huying.identity.CurrentUser;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 12345 hotline transfers 热线转办: a work order 工单 from the hotline becomes a case in the town's
 * queue, with the hotline's receipt time and its own deadline, so that the right time-limit rule
 * applies. One order number gives one case: an order sent again, also by concurrent retries, gives
 * back the case of the first.
 */
@Service
public class HotlineService {

    private static final Logger log = LoggerFactory.getLogger(HotlineService.class);
    /** How far a receipt time may lie in our future (clocks of two systems disagree a little). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Map<String, Channel> CHANNEL_TYPES = Map.ofEntries(
            Map.entry("热线转办", Channel.HOTLINE_12345), Map.entry("12345热线转办", Channel.HOTLINE_12345),
            Map.entry("民生热线转办", Channel.HOTLINE_12345), Map.entry("12345", Channel.HOTLINE_12345),
            Map.entry("省热线咨询", Channel.PROVINCIAL_HOTLINE), Map.entry("省政务热线咨询", Channel.PROVINCIAL_HOTLINE),
            Map.entry("省政务热线咨询件", Channel.PROVINCIAL_HOTLINE), Map.entry("网络舆情", Channel.ONLINE_OPINION),
            Map.entry("网络舆情件", Channel.ONLINE_OPINION), Map.entry("公开电话", Channel.PUBLIC_PHONE),
            Map.entry("网络信件", Channel.ONLINE_LETTER));
    /** Our case fields by the names of the hotline's order, for error messages. */
    private static final Map<String, String> FIELD_NAMES = Map.of("description", "content", "reporterName",
            "citizenName", "reporterPhone", "citizenPhone", "location", "regionCode", "regionId", "regionCode",
            "category", "category", "title", "title", "address", "address", "idempotencyKey", "orderNo");
    private static final List<Channel> HOTLINE_CHANNELS = List.of(Channel.HOTLINE_12345, Channel.PROVINCIAL_HOTLINE,
            Channel.ONLINE_OPINION, Channel.PUBLIC_PHONE, Channel.ONLINE_LETTER);

    /**
     * A work order as the hotline sends it. Times are W3C date-times ({@code 2026-03-15T09:20:00+08:00})
     * or local times in China Standard Time ({@code 2026-03-15 09:20:00}).
     *
     * @param orderNo     the hotline's order number 工单编号, unique
     * @param category    the hotline's category name 热线分类, mapped to ours
     * @param channelType 热线转办 (default), 省热线咨询, 网络舆情, 公开电话 or 网络信件
     * @param regionCode  the region the order is for (usually the town 属地), when there is no point
     * @param receivedAt  when the hotline received the call 受理时间; time limits count from it
     * @param dueAt       the hotline's own completion deadline 热线办结时限, if any
     */
    public record Order(String orderNo, String category, String channelType, String citizenName, String citizenPhone,
                        String title, String content, String address, Double lat, Double lng, String regionCode,
                        String urgency, String receivedAt, String dueAt) {
    }

    /** A received order and its case; {@code replay}: the order had been received before. */
    public record Received(String orderNo, long caseId, String caseCode, CaseState state, String stateLabel,
                           Channel channel, String hotlineCategory, String categoryCode, String categoryName,
                           boolean categoryMapped, Instant receivedAt, Instant hotlineDueAt, boolean replay) {
    }

    private final Cases cases;
    private final Regions regions;
    private final CategoryMappings mappings;
    private final HotlineOrderRepository orders;
    private final TransactionTemplate tx;
    private final Clock clock;

    HotlineService(Cases cases, Regions regions, CategoryMappings mappings, HotlineOrderRepository orders,
                   PlatformTransactionManager transactions, Clock clock) {
        this.cases = cases;
        this.regions = regions;
        this.mappings = mappings;
        this.orders = orders;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Received receive(Order order, CurrentUser account) {
        if (!account.can("case:report")) {
            throw DomainException.forbidden("hotline.forbidden");
        }
        String orderNo = order.orderNo() == null ? "" : order.orderNo().strip();
        if (orderNo.isEmpty() || orderNo.length() > 64) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("orderNo", "hotline.order-no.invalid",
                    new Object[]{64})));
        }
        Optional<Received> earlier = replay(orderNo);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Prepared p = prepare(orderNo, order);
        try {
            return tx.execute(status -> {
                Cases.Submitted submitted = cases.submit(p.report(), account);
                CaseView c = submitted.c();
                orders.insert(new HotlineOrderRepository.Row(orderNo, c.id(), p.report().channel(),
                        p.hotlineCategory(), p.category().categoryCode(), p.category().mapped(), p.receivedAt(),
                        p.dueAt()), account.id(), clock.instant());
                if (!p.category().mapped()) {
                    log.warn("hotline order {}: category '{}' is not mapped, case {} filed under '{}'", orderNo,
                            p.hotlineCategory(), c.code(), CategoryMappings.FALLBACK);
                }
                return received(orderNo, c, p.report().channel(), p.hotlineCategory(), p.category().categoryCode(),
                        p.category().mapped(), p.receivedAt(), p.dueAt(), false);
            });
        } catch (DataIntegrityViolationException e) {
            // a concurrent transfer of the same order committed first: answer with its case
            return replay(orderNo).orElseThrow(() -> e);
        } catch (InvalidInput e) {
            throw renamed(e);
        }
    }

    /** The case module's field errors under the names of the order's fields. */
    private static InvalidInput renamed(InvalidInput e) {
        return new InvalidInput(e.errors().stream().map(f -> new InvalidInput.FieldError(
                FIELD_NAMES.getOrDefault(f.field(), f.field()), f.messageKey(), f.args())).toList());
    }

    /** An order already received, with its case as it is now. */
    public Received find(String orderNo, CurrentUser viewer) {
        HotlineOrderRepository.Row row = orders.find(orderNo)
                .orElseThrow(() -> DomainException.notFound("hotline.order.not-found", orderNo));
        CaseView c = cases.get(row.caseId(), viewer);
        return received(row, c, false);
    }

    private Optional<Received> replay(String orderNo) {
        return orders.find(orderNo).map(row -> received(row, cases.find(row.caseId()).orElseThrow(), true));
    }

    private static Received received(HotlineOrderRepository.Row row, CaseView c, boolean replay) {
        return received(row.orderNo(), c, row.channel(), row.hotlineCategory(), row.categoryCode(),
                row.categoryMapped(), row.receivedAt(), row.hotlineDueAt(), replay);
    }

    private static Received received(String orderNo, CaseView c, Channel channel, String hotlineCategory,
                                     String categoryCode, boolean mapped, Instant receivedAt, Instant dueAt,
                                     boolean replay) {
        return new Received(orderNo, c.id(), c.code(), c.state(), c.stateLabel(), channel, hotlineCategory,
                categoryCode, c.categoryName(), mapped, receivedAt, dueAt, replay);
    }

    private record Prepared(NewCase report, String hotlineCategory, CategoryMappings.Resolved category,
                            Instant receivedAt, Instant dueAt) {
    }

    /** Checks the order and turns it into a report; every bad field is reported at once (400). */
    private Prepared prepare(String orderNo, Order o) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String hotlineCategory = o.category() == null ? "" : o.category().strip();
        CategoryMappings.Resolved category = null;
        if (hotlineCategory.isEmpty()) {
            errors.add("category", "hotline.category.required");
        } else if (hotlineCategory.length() > 100) {
            errors.add("category", "case.field.too-long", "热线分类", 100);
        } else {
            try {
                category = mappings.resolve(hotlineCategory);
            } catch (DomainException e) {
                errors.add("category", e.messageKey(), e.args());
            }
        }
        Channel channel = channel(o.channelType(), errors);
        Urgency urgency = urgency(o.urgency(), errors);
        Instant now = clock.instant();
        Instant receivedAt = now;
        if (o.receivedAt() != null && !o.receivedAt().isBlank()) {
            receivedAt = W3cTime.parseLenient(o.receivedAt(), clock.getZone()).orElse(null);
            if (receivedAt == null) {
                errors.add("receivedAt", "hotline.time.invalid", o.receivedAt());
            } else if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
                errors.add("receivedAt", "hotline.received.future");
            }
        }
        Instant dueAt = null;
        if (o.dueAt() != null && !o.dueAt().isBlank()) {
            dueAt = W3cTime.parseLenient(o.dueAt(), clock.getZone()).orElse(null);
            if (dueAt == null) {
                errors.add("dueAt", "hotline.time.invalid", o.dueAt());
            } else if (receivedAt != null && !dueAt.isAfter(receivedAt)) {
                errors.add("dueAt", "hotline.due.before-received");
            }
        }
        Long regionId = null;
        if (o.regionCode() != null && !o.regionCode().isBlank()) {
            regionId = regions.findByCode(o.regionCode().strip()).filter(r -> !r.retired()).map(RegionView::id)
                    .orElse(null);
            if (regionId == null) {
                errors.add("regionCode", "hotline.region.unknown", o.regionCode().strip());
            }
        } else if (o.lat() == null && o.lng() == null) {
            errors.add("regionCode", "hotline.location.required");
        }
        if (o.content() == null || o.content().isBlank()) {
            errors.add("content", "hotline.content.required");
        }
        errors.throwIfAny();
        NewCase report = new NewCase(category.categoryCode(), channel, urgency, o.title(), o.content(), o.lat(),
                o.lng(), o.address(), regionId, o.citizenName(), o.citizenPhone(), false, null, List.of(),
                "12345:" + orderNo, receivedAt, dueAt);
        return new Prepared(report, hotlineCategory, category, receivedAt, dueAt);
    }

    private static Channel channel(String type, InvalidInput.Collector errors) {
        if (type == null || type.isBlank()) {
            return Channel.HOTLINE_12345;
        }
        String t = type.strip();
        Channel c = CHANNEL_TYPES.get(t);
        if (c != null) {
            return c;
        }
        for (Channel h : HOTLINE_CHANNELS) {
            if (h.name().equalsIgnoreCase(t) || h.label().equals(t)) {
                return h;
            }
        }
        errors.add("channelType", "hotline.channel-type.unknown", t);
        return null;
    }

    private static Urgency urgency(String value, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Urgency u : Urgency.values()) {
            if (u.name().equalsIgnoreCase(value.strip()) || u.label().equals(value.strip())) {
                return u;
            }
        }
        errors.add("urgency", "hotline.urgency.unknown", value.strip());
        return null;
    }
}
