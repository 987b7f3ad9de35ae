package cn.huying.cases;

import java.util.List;

/**
 * A case as reported. The location is a point (latitude, longitude, placed in its grid by
 * geometry) or a chosen region; {@code reporterName}/{@code reporterPhone} are for citizens who
 * are not users (hotline, letters, portal).
 *
 * @param resolvedOnSpot a grid worker settled it already 即办; {@code onSpotReply} says how
 */
public record NewCase(String categoryCode, Channel channel, Urgency urgency, String title, String description,
                      Double lat, Double lng, String address, Long regionId, String reporterName,
                      String reporterPhone, boolean resolvedOnSpot, String onSpotReply, List<Upload> attachments,
                      String idempotencyKey) {

    public NewCase {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
