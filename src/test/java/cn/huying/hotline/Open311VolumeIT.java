package cn.huying.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.hotline.internal.Open311Service;
import cn.huying.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET requests returns at most 1,000 requests at a time; paging reaches the rest (in a town of its own). */
class Open311VolumeIT extends ChannelsSupport {

    private final Open311Service open311;

    @Autowired
    Open311VolumeIT(Open311Service open311) {
        this.open311 = open311;
    }

    @Test
    void atMostAThousandRequestsAreReturnedAndPagingReachesTheRest() {
        Instant start = OffsetDateTime.parse("2025-06-01T08:00:00+08:00").toInstant();
        String key = hotlineKey();
        String town = newTown();
        for (int i = 0; i < 1001; i++) {
            clock.set(start.plus(Duration.ofSeconds(i)));
            open311.submit(new Open311Service.Submission(key, town, "LIVE_SANITATION", null, null, "木石镇第" + i + "号垃圾点",
                    null, null, null, null, "垃圾满溢 " + i, null, Map.of()));
        }
        clock.reset();
        String window = "/open311/v2/requests.xml?jurisdiction_id=" + town
                + "&start_date=2025-06-01T00:00:00%2B08:00&end_date=2025-06-02T00:00:00%2B08:00";
        Http.Response all = http.get(window).send();
        assertThat(all.status()).isEqualTo(200);
        assertThat(count(xml(all), "/service_requests/request")).isEqualTo(1000);
        assertThat(text(xml(all), "/service_requests/request[1]/description")).isEqualTo("垃圾满溢 1000");

        Http.Response rest = http.get(window + "&page=2").send();
        assertThat(count(xml(rest), "/service_requests/request")).isEqualTo(1);
        assertThat(text(xml(rest), "/service_requests/request/description")).isEqualTo("垃圾满溢 0");

        Http.Response json = http.get(window.replace("requests.xml", "requests.json") + "&page_size=10&page=3").send();
        assertThat(json.json().size()).isEqualTo(10);
        assertThat(json.json().get(0).path("description").asString()).isEqualTo("垃圾满溢 980");
    }
}
