package cn.huying.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case as reported. The location is a point (latitude, longitude, placed in its grid by
 * geometry) or a chosen region; {@code reporterName}/{@code reporterPhone} are for citizens who
 * are not users (hotline, letters, portal).
 *
 * @param resolvedOnSpot a grid worker settled it already 即办; {@code onSpotReply} says how
 * @param receivedAt     when the request was received, if earlier than now (a hotline transfer's
 *                       receipt time); time limits count from it. {@code null}: now
 * @param externalDueAt  a completion deadline imposed by the sender (the hotline's own), if any;
 *                       the earlier of it and our own applies
 * @param toTown         越级直报: a grid worker says the matter is beyond the village (urgent, or beyond the
 *                       village's means); the case goes straight to the town command centre, its path kept
 *                       as GRID → TOWN
 */
public record NewCase(String categoryCode, Channel channel, Urgency urgency, String title, String description,
                      Double lat, Double lng, String address, Long regionId, String reporterName,
                      String reporterPhone, boolean resolvedOnSpot, String onSpotReply, List<Upload> attachments,
                      String idempotencyKey, Instant receivedAt, Instant externalDueAt, boolean toTown) {

    public NewCase {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A report that does not ask to go straight to the town. */
    public NewCase(String categoryCode, Channel channel, Urgency urgency, String title, String description,
                   Double lat, Double lng, String address, Long regionId, String reporterName, String reporterPhone,
                   boolean resolvedOnSpot, String onSpotReply, List<Upload> attachments, String idempotencyKey,
                   Instant receivedAt, Instant externalDueAt) {
        this(categoryCode, channel, urgency, title, description, lat, lng, address, regionId, reporterName,
                reporterPhone, resolvedOnSpot, onSpotReply, attachments, idempotencyKey, receivedAt, externalDueAt,
                false);
    }

    /** A report without sender-imposed times. */
    public NewCase(String categoryCode, Channel channel, Urgency urgency, String title, String description,
                   Double lat, Double lng, String address, Long regionId, String reporterName, String reporterPhone,
                   boolean resolvedOnSpot, String onSpotReply, List<Upload> attachments, String idempotencyKey) {
        this(categoryCode, channel, urgency, title, description, lat, lng, address, regionId, reporterName,
                reporterPhone, resolvedOnSpot, onSpotReply, attachments, idempotencyKey, null, null);
    }
}
