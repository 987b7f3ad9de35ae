package cn.huying.hotline.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.hotline.api.Open311Output.Format;
import cn.huying.hotline.api.Open311Output.Items;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Open311OutputTest {

    private static Map<String, Object> error(int code, String description) {
        Map<String, Object> f = Open311Output.fields();
        f.put("code", code);
        f.put("description", description);
        return f;
    }

    @Test
    void listsAreElementsPerItemInXmlAndArraysInJson() {
        Items errors = new Items("error", List.of(error(403, "api_key 无效")));
        String xml = new String(Open311Output.xml("errors", errors), StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<errors><error><code>403</code><description>api_key 无效</description></error></errors>\n");
        String json = new String(Open311Output.json(errors), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("[{\"code\":403,\"description\":\"api_key 无效\"}]");
    }

    @Test
    void userTextIsEscapedAndCharactersXmlCannotCarryAreDropped() {
        Map<String, Object> f = Open311Output.fields();
        f.put("description", "<script>alert(\"x\")</script> & \u0001\u0007水管");
        f.put("account_id", null);
        String xml = new String(Open311Output.xml("request", f), StandardCharsets.UTF_8);
        assertThat(xml).contains("&lt;script").contains("&lt;/script").contains(" &amp; 水管")
                .doesNotContain("<script").contains("<account_id/>").doesNotContain("\u0001");
        String json = new String(Open311Output.json(f), StandardCharsets.UTF_8);
        assertThat(json).contains("\"account_id\":null");
    }

    @Test
    void theFormatIsTheSuffixAndXmlWhenThereIsNone() {
        assertThat(Format.of("JSON")).isEqualTo(Format.JSON);
        assertThat(Format.of("html")).isNull();
        assertThat(Format.ofPath("/open311/v2/services.json")).isEqualTo(Format.JSON);
        assertThat(Format.ofPath("/open311/v2/services.csv")).isEqualTo(Format.XML);
        assertThat(Format.ofPath("/open311/v2.1/services")).isEqualTo(Format.XML);
    }
}
