package cn.huying.hotline.internal;

/**
 * Settings under {@code huying.open311}, shown in the Open311 discovery document.
 *
 * @param contact      how to reach the operators of this endpoint
 * @param keyService   how to get an API key
 * @param changeset    when the services or their definitions last changed, a W3C date-time
 *                     ({@code 2026-11-27T00:00:00+08:00}); a date and time without an offset is read as Beijing time
 * @param endpointType {@code production} or {@code test}
 */
@org.springframework.boot.context.properties.ConfigurationProperties("huying.open311")
public record Open311Properties(String contact, String keyService, String changeset, String endpointType) {

    public Open311Properties {
        contact = contact == null ? "请联系所在镇街社会治理指挥中心" : contact;
        keyService = keyService == null ? "API Key 由平台管理员签发，请向所在镇街社会治理指挥中心申请" : keyService;
        changeset = w3c(changeset == null ? "2026-11-27T00:00:00+08:00" : changeset);
        endpointType = endpointType == null ? "production" : endpointType;
    }

    /** The discovery document's changeset as clients that parse W3C date-times accept it. */
    static String w3c(String text) {
        String t = text.trim();
        java.time.OffsetDateTime at;
        try {
            at = java.time.OffsetDateTime.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            // an older setting such as "2026-11-27 00:00": Beijing time
            at = java.time.LocalDateTime.parse(t.replace(' ', 'T').length() == 16 ? t.replace(' ', 'T') + ":00"
                    : t.replace(' ', 'T')).atOffset(java.time.ZoneOffset.ofHours(8));
        }
        return at.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
