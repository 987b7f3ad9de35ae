package cn.huying.hotline.internal;

/**
 * Settings under {@code huying.open311}, shown in the Open311 discovery document.
 *
 * @param contact      how to reach the operators of this endpoint
 * @param keyService   how to get an API key
 * @param changeset    when the services or their definitions last changed (sortable text)
 * @param endpointType {@code production} or {@code test}
 */
@org.springframework.boot.context.properties.ConfigurationProperties("huying.open311")
public record Open311Properties(String contact, String keyService, String changeset, String endpointType) {

    public Open311Properties {
        contact = contact == null ? "请联系所在镇街社会治理指挥中心" : contact;
        keyService = keyService == null ? "API Key 由平台管理员签发，请向所在镇街社会治理指挥中心申请" : keyService;
        changeset = changeset == null ? "2026-11-27 00:00" : changeset;
        endpointType = endpointType == null ? "production" : endpointType;
    }
}
