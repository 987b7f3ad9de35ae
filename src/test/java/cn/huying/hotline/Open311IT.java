package cn.huying.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

/**
 * Open311 GeoReport v2 against the spec, in both formats: element names, content types, W3C times,
 * the error bodies and codes (400, 403, 404), the api_key rule, and the jurisdiction (a town).
 */
class Open311IT extends ChannelsSupport {

    private static final String V2 = "/open311/v2";
    private static final String XML_TYPE = "text/xml; charset=utf-8";
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String W3C = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})";

    /** The elements of a service request in the order of the spec. */
    private static final List<String> SPEC_ORDER = List.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat",
            "long", "media_url");

    private Http.Response get(String path) {
        return http.get(V2 + path).send();
    }

    /** The media type and charset (Tomcat writes {@code text/xml;charset=utf-8}, without the space). */
    private static void assertContentType(Http.Response r, String expected) {
        org.springframework.http.MediaType actual = org.springframework.http.MediaType.parseMediaType(r.header("Content-Type"));
        org.springframework.http.MediaType wanted = org.springframework.http.MediaType.parseMediaType(expected);
        assertThat(actual.isCompatibleWith(wanted) && actual.getSubtype().equals(wanted.getSubtype()))
                .as(r.header("Content-Type")).isTrue();
        assertThat(actual.getCharset()).isEqualTo(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void assertXml(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertContentType(r, XML_TYPE);
        assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    private static void assertJson(Http.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertContentType(r, JSON_TYPE);
    }

    /** The spec's error body, in XML: every error with the HTTP status as code and a description. */
    private static void assertXmlErrors(Http.Response r, int status, String descriptionPart) {
        assertXml(r, status);
        Document d = xml(r);
        assertThat(d.getDocumentElement().getNodeName()).isEqualTo("errors");
        assertThat(texts(d, "/errors/error/code")).isNotEmpty().allMatch(c -> c.equals(Integer.toString(status)));
        assertThat(String.join(" ", texts(d, "/errors/error/description"))).contains(descriptionPart);
    }

    private static void assertJsonErrors(Http.Response r, int status, String descriptionPart) {
        assertJson(r, status);
        JsonNode errors = r.json();
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.size()).isPositive();
        errors.forEach(e -> {
            assertThat(e.path("code").isNumber()).isTrue();
            assertThat(e.path("code").asInt()).isEqualTo(status);
        });
        assertThat(errors.findValuesAsString("description").toString()).contains(descriptionPart);
    }

    private String submit(String format, Object... fields) {
        Object[] base = {"api_key", hotlineKey(), "jurisdiction_id", TOWN};
        Object[] all = new Object[base.length + fields.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(fields, 0, all, base.length, fields.length);
        Http.Response r = postForm(V2 + "/requests." + format, form(all));
        if (format.equals("json")) {
            assertJson(r, 200);
            return r.json().get(0).path("service_request_id").asString();
        }
        assertXml(r, 200);
        return text(xml(r), "/service_requests/request/service_request_id");
    }

    private String submitAt(Instant at, String service, String description) {
        clock.set(at);
        return submit("json", "service_code", service, "address_string", "木石镇政府驻地", "description", description);
    }

    @Test
    void discoveryNamesTheEndpointAndItsFormats() {
        Http.Response x = get("/discovery.xml");
        assertXml(x, 200);
        Document d = xml(x);
        assertThat(d.getDocumentElement().getNodeName()).isEqualTo("discovery");
        assertThat(text(d, "/discovery/changeset")).isNotBlank();
        assertThat(text(d, "/discovery/contact")).isNotBlank();
        assertThat(text(d, "/discovery/key_service")).isNotBlank();
        assertThat(text(d, "/discovery/endpoints/endpoint/specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(text(d, "/discovery/endpoints/endpoint/url")).isEqualTo(http.base() + "/open311/v2");
        assertThat(text(d, "/discovery/endpoints/endpoint/type")).isEqualTo("production");
        assertThat(texts(d, "/discovery/endpoints/endpoint/formats/format")).containsExactly("text/xml", "application/json");

        Http.Response j = get("/discovery.json");
        assertJson(j, 200);
        JsonNode json = j.json();
        assertThat(json.path("key_service").asString()).isNotBlank();
        assertThat(json.path("endpoints").get(0).path("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(json.path("endpoints").get(0).path("formats").get(1).asString()).isEqualTo("application/json");
    }

    @Test
    void theServicesAreTheCategoriesOpenToThePublic() {
        long publicLeaves = jdbc.sql("SELECT COUNT(*) FROM case_category WHERE open_to_public = TRUE AND active = TRUE "
                + "AND parent_id IS NOT NULL").query(Long.class).single();
        Http.Response x = get("/services.xml?jurisdiction_id=" + TOWN);
        assertXml(x, 200);
        Document d = xml(x);
        assertThat(count(d, "/services/service")).isEqualTo((int) publicLeaves);
        assertThat(texts(d, "/services/service/service_code")).contains("LIVE_HEATING", "DISPUTE_NEIGHBOUR")
                .doesNotContain("DISPUTE", "LIVELIHOOD");
        String heating = "/services/service[service_code='LIVE_HEATING']";
        assertThat(text(d, heating + "/service_name")).isEqualTo("供暖管道维修");
        assertThat(text(d, heating + "/metadata")).isEqualTo("true");
        assertThat(text(d, heating + "/type")).isEqualTo("realtime");
        assertThat(text(d, heating + "/group")).isEqualTo("民生服务");
        assertThat(text(d, heating + "/description")).isNotBlank();
        assertThat(text(d, heating + "/keywords")).contains("供暖管道维修");
        assertThat(texts(d, heating + "/*").size()).isEqualTo(7);

        Http.Response j = get("/services.json?jurisdiction_id=" + TOWN);
        assertJson(j, 200);
        JsonNode services = j.json();
        assertThat(services.isArray()).isTrue();
        assertThat(services.size()).isEqualTo((int) publicLeaves);
        JsonNode first = services.get(0);
        assertThat(first.propertyNames()).containsExactly("service_code", "service_name", "description", "metadata",
                "type", "keywords", "group");
        assertThat(first.path("service_code").isString()).isTrue();
        assertThat(first.path("metadata").isBoolean()).isTrue();
    }

    @Test
    void aJurisdictionIsATownAndMustBeGiven() {
        assertXmlErrors(get("/services.xml"), 400, "jurisdiction_id");
        assertJsonErrors(get("/services.json"), 400, "jurisdiction_id");
        assertJsonErrors(get("/services.json?jurisdiction_id=370481"), 404, "370481");
        assertJsonErrors(get("/services.json?jurisdiction_id=370481107201"), 404, "370481107201");
        assertXmlErrors(get("/services.xml?jurisdiction_id=sfgov.org"), 404, "sfgov.org");
        assertXmlErrors(get("/requests.xml"), 400, "jurisdiction_id");
        assertJsonErrors(get("/services/LIVE_HEATING.json?jurisdiction_id=nowhere"), 404, "nowhere");

        String otherTown = "T" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = http.post("/api/regions", Map.of("code", otherTown, "name", "测试镇", "type", "TOWN",
                "parentId", regionId("370481"))).bearer(token("admin")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertJson(get("/services.json?jurisdiction_id=" + otherTown), 200);
    }

    @Test
    void aServiceDefinitionListsItsAttributes() {
        Http.Response x = get("/services/LIVE_HEATING.xml?jurisdiction_id=" + TOWN);
        assertXml(x, 200);
        Document d = xml(x);
        assertThat(d.getDocumentElement().getNodeName()).isEqualTo("service_definition");
        assertThat(text(d, "/service_definition/service_code")).isEqualTo("LIVE_HEATING");
        assertThat(texts(d, "/service_definition/attributes/attribute/code")).containsExactly("urgency", "title");
        String urgency = "/service_definition/attributes/attribute[code='urgency']";
        assertThat(text(d, urgency + "/variable")).isEqualTo("true");
        assertThat(text(d, urgency + "/datatype")).isEqualTo("singlevaluelist");
        assertThat(text(d, urgency + "/required")).isEqualTo("false");
        assertThat(text(d, urgency + "/order")).isEqualTo("1");
        assertThat(text(d, urgency + "/description")).isNotBlank();
        assertThat(texts(d, urgency + "/values/value/key")).containsExactly("NORMAL", "URGENT", "EMERGENCY");
        assertThat(texts(d, urgency + "/values/value/name")).containsExactly("一般", "紧急", "应急突发");
        assertThat(text(d, "/service_definition/attributes/attribute[code='title']/datatype")).isEqualTo("string");

        Http.Response j = get("/services/LIVE_HEATING.json?jurisdiction_id=" + TOWN);
        assertJson(j, 200);
        JsonNode def = j.json();
        assertThat(def.path("service_code").asString()).isEqualTo("LIVE_HEATING");
        JsonNode a = def.path("attributes").get(0);
        assertThat(a.propertyNames()).containsExactly("variable", "code", "datatype", "required",
                "datatype_description", "order", "description", "values");
        assertThat(a.path("variable").asBoolean()).isTrue();
        assertThat(a.path("order").asInt()).isEqualTo(1);
        assertThat(a.path("values").get(1).path("key").asString()).isEqualTo("URGENT");

        assertXmlErrors(get("/services/NO_SUCH.xml?jurisdiction_id=" + TOWN), 404, "NO_SUCH");
        assertJsonErrors(get("/services/DISPUTE.json?jurisdiction_id=" + TOWN), 404, "DISPUTE");
    }

    @Test
    void postingNeedsAValidApiKeyOfAnAccountThatMayReport() {
        long before = jdbc.sql("SELECT COUNT(*) FROM open311_request").query(Long.class).single();
        String fields = form("jurisdiction_id", TOWN, "service_code", "LIVE_HEATING", "address_string", "木石镇",
                "description", "暖气不热");
        assertXmlErrors(postForm(V2 + "/requests.xml", fields), 403, "api_key");
        assertJsonErrors(postForm(V2 + "/requests.json", fields + "&api_key=hyk_not-a-key"), 403, "api_key");
        assertJsonErrors(postForm(V2 + "/requests.json", fields + "&api_key=" + issueKey("leader")), 403, "权限");
        // the key is checked before anything else
        assertXmlErrors(postForm(V2 + "/requests.xml", form("service_code", "NO_SUCH")), 403, "api_key");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM open311_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aBadRequestIsRefusedWithEveryReason() {
        String key = hotlineKey();
        assertXmlErrors(postForm(V2 + "/requests.xml", form("api_key", key, "service_code", "LIVE_HEATING",
                "address_string", "木石镇")), 400, "jurisdiction_id");
        assertJsonErrors(postForm(V2 + "/requests.json", form("api_key", key, "jurisdiction_id", TOWN,
                "address_string", "木石镇")), 400, "service_code");
        assertJsonErrors(postForm(V2 + "/requests.json", form("api_key", key, "jurisdiction_id", TOWN,
                "service_code", "NO_SUCH", "address_string", "木石镇")), 404, "NO_SUCH");
        assertJsonErrors(postForm(V2 + "/requests.json", form("api_key", key, "jurisdiction_id", TOWN,
                "service_code", "LIVE_HEATING", "description", "没有位置")), 400, "address_string");
        assertJsonErrors(postForm(V2 + "/requests.json", form("api_key", key, "jurisdiction_id", TOWN,
                "service_code", "LIVE_HEATING", "lat", "35.0")), 400, "long");
        Http.Response several = postForm(V2 + "/requests.json", form("api_key", key, "jurisdiction_id", TOWN,
                "service_code", "LIVE_HEATING", "lat", "abc", "long", "117.3", "attribute[urgency]", "SOON",
                "media_url", "javascript:alert(1)"));
        assertJsonErrors(several, 400, "lat");
        assertThat(several.json().size()).isEqualTo(3);
        assertJsonErrors(postForm(V2 + "/requests.json", form("api_key", key, "jurisdiction_id", TOWN,
                "service_code", "LIVE_HEATING", "lat", "0.5", "long", "0.5")), 400, "网格");
        assertJsonErrors(postForm(V2 + "/requests.json", form("api_key", key, "jurisdiction_id", TOWN,
                "service_code", "LIVE_HEATING", "address_string", "木石镇", "phone", "12")), 400, "电话");
    }

    @Test
    void aRequestPostedThroughOpen311IsHandledByTheTownAndShowsClosedWithItsAnswer() {
        double[] p = pointIn("凤翔小镇社区第一网格第1单元");
        String marker = "Open311往返" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response posted = postForm(V2 + "/requests.xml", form("api_key", hotlineKey(), "jurisdiction_id", TOWN,
                "service_code", "LIVE_HEATING", "lat", p[0], "long", p[1], "address_string", "凤翔小镇社区11号楼",
                "first_name", "敏", "last_name", "张", "phone", "13812345678", "email", "zhang@example.cn",
                "description", marker + " 楼道暖气管道漏水", "attribute[urgency]", "URGENT",
                "attribute[title]", "11号楼暖气漏水"));
        assertXml(posted, 200);
        Document created = xml(posted);
        assertThat(created.getDocumentElement().getNodeName()).isEqualTo("service_requests");
        String id = text(created, "/service_requests/request/service_request_id");
        assertThat(id).matches("MS-\\d{8}-\\d{4}");
        assertThat(text(created, "/service_requests/request/service_notice")).contains("木石镇").contains(id);
        assertThat(count(created, "/service_requests/request/token")).as("no token with a service_request_id").isZero();

        // the search index takes new cases within a second or so
        JsonNode queue = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> http.get("/api/cases" + Http.query("q", marker)).bearer(token("dispatcher")).send().json(),
                        q -> q.path("total").asLong() == 1);
        assertThat(queue.path("total").asLong()).isEqualTo(1);
        JsonNode listed = queue.path("items").get(0);
        assertThat(listed.path("code").asString()).isEqualTo(id);
        assertThat(listed.path("channel").asString()).isEqualTo("OPEN311");
        assertThat(listed.path("state").asString()).isEqualTo("REPORTED");
        assertThat(listed.path("tier").asString()).isEqualTo("TOWN");
        long caseId = listed.path("id").asLong();
        JsonNode detail = http.get("/api/cases/" + caseId).bearer(token("dispatcher")).send().json();
        assertThat(detail.path("urgency").asString()).isEqualTo("URGENT");
        assertThat(detail.path("title").asString()).isEqualTo("11号楼暖气漏水");
        assertThat(detail.path("regionName").asString()).isEqualTo("凤翔小镇社区第一网格第1单元");
        assertThat(detail.path("reporterName").asString()).isEqualTo("张*");

        Http.Response open = get("/requests/" + id + ".json?jurisdiction_id=" + TOWN);
        assertJson(open, 200);
        assertThat(open.json().get(0).path("status").asString()).isEqualTo("open");
        assertThat(open.json().get(0).path("status_notes").asString()).isEqualTo("已上报");

        act("dispatcher", caseId, "register", Map.of("note", "受理"));
        act("dispatcher", caseId, "dispatch", Map.of("departmentId", departmentId("MS-WYB")));
        act("handler", caseId, "accept", Map.of());
        act("handler", caseId, "resolve", Map.of("note", "已更换11号楼暖气管道阀门，恢复供暖"));
        act("dispatcher", caseId, "verify", Map.of("note", "现场核实"));
        act("dispatcher", caseId, "close", Map.of());

        Http.Response x = get("/requests/" + id + ".xml?jurisdiction_id=" + TOWN);
        assertXml(x, 200);
        Document d = xml(x);
        String r = "/service_requests/request";
        assertThat(count(d, r)).isEqualTo(1);
        assertThat(text(d, r + "/service_request_id")).isEqualTo(id);
        assertThat(text(d, r + "/status")).isEqualTo("closed");
        assertThat(text(d, r + "/status_notes")).isEqualTo("已结案：已更换11号楼暖气管道阀门，恢复供暖");
        assertThat(text(d, r + "/service_code")).isEqualTo("LIVE_HEATING");
        assertThat(text(d, r + "/service_name")).isEqualTo("供暖管道维修");
        assertThat(text(d, r + "/description")).isEqualTo(marker + " 楼道暖气管道漏水");
        assertThat(text(d, r + "/agency_responsible")).isEqualTo("木石镇物业办");
        assertThat(text(d, r + "/requested_datetime")).matches(W3C).endsWith("+08:00");
        assertThat(text(d, r + "/updated_datetime")).matches(W3C);
        assertThat(text(d, r + "/expected_datetime")).as("the completion deadline").matches(W3C);
        assertThat(text(d, r + "/address")).isEqualTo("凤翔小镇社区11号楼");
        assertThat(Double.parseDouble(text(d, r + "/lat"))).isEqualTo(p[0]);
        assertThat(Double.parseDouble(text(d, r + "/long"))).isEqualTo(p[1]);
        assertThat(childNames(d, r)).as("the spec's elements in the spec's order")
                .isSubsetOf(SPEC_ORDER)
                .containsSubsequence("service_request_id", "status", "status_notes", "service_name", "service_code",
                        "description", "agency_responsible", "requested_datetime", "updated_datetime", "address",
                        "lat", "long")
                .isSortedAccordingTo(java.util.Comparator.comparingInt(SPEC_ORDER::indexOf));

        Http.Response closedList = get("/requests.json" + Http.query("jurisdiction_id", TOWN, "status", "closed",
                "service_request_id", null));
        assertJson(closedList, 200);
        assertThat(closedList.json().findValuesAsString("service_request_id")).contains(id);
        Http.Response openList = get("/requests.json" + Http.query("jurisdiction_id", TOWN, "status", "open"));
        assertThat(openList.json().findValuesAsString("service_request_id")).doesNotContain(id);

        for (Http.Response publicRead : List.of(x, closedList, get("/requests/" + id + ".json?jurisdiction_id=" + TOWN))) {
            assertThat(publicRead.body()).as("no personal data in a public read")
                    .doesNotContain("张敏").doesNotContain("张*").doesNotContain("13812345678")
                    .doesNotContain("138****5678").doesNotContain("zhang@example.cn");
        }
    }

    @Test
    void requestsAreFilteredByDateWindowServiceStatusAndIds() {
        Instant t0 = OffsetDateTime.parse("2025-01-10T09:00:00+08:00").toInstant();
        String a = submitAt(t0, "LIVE_HEATING", "筛选测试甲");
        String b = submitAt(t0.plus(Duration.ofDays(1)), "LIVE_SANITATION", "筛选测试乙");
        String c = submitAt(t0.plus(Duration.ofDays(100)), "LIVE_HEATING", "筛选测试丙");
        long caseA = jdbc.sql("SELECT case_id FROM open311_request WHERE request_code = ?").param(a).query(Long.class).single();
        act("dispatcher", caseA, "reject", Map.of("note", "不属于本镇受理范围"));

        String window = "&start_date=2025-01-10T00:00:00%2B08:00&end_date=2025-01-12T00:00:00%2B08:00";
        String base = "/requests.json?jurisdiction_id=" + TOWN;
        assertThat(ids(get(base + window))).containsExactly(b, a);
        assertThat(ids(get(base + window + "&status=open"))).containsExactly(b);
        assertThat(ids(get(base + window + "&status=open,closed"))).containsExactly(b, a);
        Http.Response closed = get(base + window + "&status=closed");
        assertThat(ids(closed)).containsExactly(a);
        assertThat(closed.json().get(0).path("status_notes").asString()).isEqualTo("不予受理：不属于本镇受理范围");
        assertThat(ids(get(base + window + "&service_code=LIVE_SANITATION"))).containsExactly(b);
        assertThat(ids(get(base + window + "&service_code=LIVE_SANITATION,LIVE_HEATING"))).containsExactly(b, a);
        assertThat(ids(get(base + "&start_date=2025-01-10T00:00:00Z"))).as("90 days from the start").containsExactly(b, a);
        // service_request_id overrides every other filter
        assertThat(ids(get(base + window + "&status=open&service_request_id=" + a + "," + c)))
                .containsExactlyInAnyOrder(a, c);
        // without dates: the most recent 90 days
        clock.set(t0.plus(Duration.ofDays(100)).plus(Duration.ofHours(1)));
        assertThat(ids(get(base))).contains(c).doesNotContain(a, b);
        clock.reset();
        // paging, the common extension: newest first
        assertThat(ids(get(base + window + "&page_size=1"))).containsExactly(b);
        assertThat(ids(get(base + window + "&page_size=1&page=2"))).containsExactly(a);
        assertThat(ids(get(base + window + "&page_size=1&page=3"))).isEmpty();

        Http.Response xml = get("/requests.xml?jurisdiction_id=" + TOWN + window);
        assertXml(xml, 200);
        assertThat(texts(xml(xml), "/service_requests/request/service_request_id")).containsExactly(b, a);
        Http.Response none = get("/requests.xml?jurisdiction_id=" + TOWN
                + "&start_date=2001-01-01T00:00:00Z&end_date=2001-01-02T00:00:00Z");
        assertXml(none, 200);
        assertThat(xml(none).getDocumentElement().getNodeName()).isEqualTo("service_requests");
        assertThat(get(base + "&start_date=2001-01-01T00:00:00Z&end_date=2001-01-02T00:00:00Z").body()).isEqualTo("[]");
        for (String open : List.of(b, c)) {
            finish(jdbc.sql("SELECT case_id FROM open311_request WHERE request_code = ?").param(open).query(Long.class).single());
        }
    }

    private static List<String> ids(Http.Response r) {
        assertJson(r, 200);
        return r.json().findValuesAsString("service_request_id");
    }

    @Test
    void badFiltersAreRefused() {
        String base = "/requests.json?jurisdiction_id=" + TOWN;
        assertJsonErrors(get(base + "&start_date=2025-01-01T00:00:00Z&end_date=2025-04-02T00:00:00Z"), 400, "90");
        assertXmlErrors(get("/requests.xml?jurisdiction_id=" + TOWN
                + "&start_date=2025-01-01T00:00:00Z&end_date=2025-04-01T00:00:01Z"), 400, "90");
        assertJsonErrors(get(base + "&start_date=2025-02-01T00:00:00Z&end_date=2025-01-01T00:00:00Z"), 400, "start_date");
        assertJsonErrors(get(base + "&start_date=yesterday"), 400, "yesterday");
        assertJsonErrors(get(base + "&status=pending"), 400, "pending");
        assertJsonErrors(get(base + "&page_size=1001"), 400, "1000");
        assertJsonErrors(get(base + "&page_size=0"), 400, "page_size");
        assertJsonErrors(get(base + "&page=0"), 400, "page");
        assertJsonErrors(get(base + "&page=x"), 400, "page");
        // exactly 90 days is allowed
        assertJson(get(base + "&start_date=2025-01-01T00:00:00Z&end_date=2025-04-01T00:00:00Z"), 200);
    }

    @Test
    void oneRequestAndATokenAreFoundOnlyInTheirTown() {
        String id = submit("xml", "service_code", "LIVE_SANITATION", "address_string", "木石镇集市", "description",
                "集市垃圾无人清运 <b>&\"急\"</b>\u0001");
        Http.Response j = get("/requests/" + id + ".json?jurisdiction_id=" + TOWN);
        assertJson(j, 200);
        JsonNode r = j.json().get(0);
        assertThat(r.propertyNames()).startsWith("service_request_id", "status", "status_notes", "service_name",
                "service_code", "description").contains("requested_datetime", "updated_datetime", "address")
                .doesNotContain("lat", "long", "media_url");
        assertThat(r.path("service_request_id").isString()).isTrue();
        assertThat(r.path("description").asString()).isEqualTo("集市垃圾无人清运 <b>&\"急\"</b>\u0001");
        Http.Response x = get("/requests/" + id + ".xml?jurisdiction_id=" + TOWN);
        assertThat(text(xml(x), "/service_requests/request/description")).isEqualTo("集市垃圾无人清运 <b>&\"急\"</b>");

        String token = jdbc.sql("SELECT token FROM open311_request WHERE request_code = ?").param(id)
                .query(String.class).single();
        Http.Response tx = get("/tokens/" + token + ".xml?jurisdiction_id=" + TOWN);
        assertXml(tx, 200);
        assertThat(text(xml(tx), "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(text(xml(tx), "/service_requests/request/token")).isEqualTo(token);
        Http.Response tj = get("/tokens/" + token + ".json?jurisdiction_id=" + TOWN);
        assertJson(tj, 200);
        assertThat(tj.json().get(0).path("service_request_id").asString()).isEqualTo(id);
        assertThat(tj.json().get(0).path("token").asString()).isEqualTo(token);

        assertJsonErrors(get("/tokens/nope.json?jurisdiction_id=" + TOWN), 404, "nope");
        assertXmlErrors(get("/requests/MS-19990101-0001.xml?jurisdiction_id=" + TOWN), 404, "MS-19990101-0001");
        String otherTown = "T" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/regions", Map.of("code", otherTown, "name", "测试镇", "type", "TOWN",
                "parentId", regionId("370481"))).bearer(token("admin")).send().status()).isEqualTo(201);
        assertJsonErrors(get("/requests/" + id + ".json?jurisdiction_id=" + otherTown), 404, id);
        assertJsonErrors(get("/tokens/" + token + ".json?jurisdiction_id=" + otherTown), 404, token);
        assertThat(ids(get("/requests.json?jurisdiction_id=" + otherTown + "&service_request_id=" + id))).isEmpty();
        finish(jdbc.sql("SELECT case_id FROM open311_request WHERE request_code = ?").param(id).query(Long.class).single());
    }

    @Test
    void unknownFormatsPathsAndMethodsAnswerInTheSpecsErrorFormat() {
        assertXmlErrors(get("/services.csv?jurisdiction_id=" + TOWN), 400, "csv");
        assertJsonErrors(get("/nothing.json"), 404, "/open311/v2/nothing.json");
        assertXmlErrors(get("/nothing"), 404, "nothing");
        assertJsonErrors(http.delete(V2 + "/requests.json").send(), 400, "DELETE");
        assertXmlErrors(postForm(V2 + "/services.xml", form("jurisdiction_id", TOWN)), 400, "POST");
    }
}
