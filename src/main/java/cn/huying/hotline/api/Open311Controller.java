package cn.huying.hotline.api;

import cn.huying.hotline.api.Open311Output.Format;
import cn.huying.hotline.api.Open311Output.Items;
import cn.huying.hotline.internal.Open311Properties;
import cn.huying.hotline.internal.Open311Service;
import cn.huying.hotline.internal.RequestQuery;
import cn.huying.hotline.internal.W3cTime;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Tag(name = "Open311 GeoReport v2 公开接口", description = """
        Open311 GeoReport v2（http://wiki.open311.org/GeoReport_v2），XML 与 JSON 两种格式，以路径后缀区分
        （services.xml / services.json）。jurisdiction_id 为镇街的区域编码（如木石镇 370481107），除 discovery 外必填。
        提交诉求须带 api_key（管理员签发）；查询公开，不含任何个人信息。错误：400 请求有误、403 api_key 缺失或无效、
        404 不存在，正文为 <errors><error><code/><description/></error></errors> 或 [{"code","description"}]。""")
@RestController
@RequestMapping("/open311")
class Open311Controller {

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);
    private static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    private static final Pattern ATTRIBUTE = Pattern.compile("^attribute\\[([^\\]]+)\\](\\[\\])?$");
    private static final Pattern KNOWN_RESOURCE = Pattern.compile(
            "^/open311/v2/(discovery|services|services/[^/]+|requests|requests/[^/]+|tokens/[^/]+)\\.[A-Za-z]+$");

    private final Open311Service open311;
    private final Open311Properties properties;
    private final MessageSource messages;
    private final Clock clock;

    Open311Controller(Open311Service open311, Open311Properties properties, MessageSource messages, Clock clock) {
        this.open311 = open311;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @Operation(summary = "服务发现 Service discovery：本接口的地址、版本、格式与联系方式")
    @GetMapping("/v2/discovery.{format}")
    ResponseEntity<byte[]> discovery(@PathVariable String format, HttpServletRequest request) {
        return respond(format, () -> {
            Map<String, Object> endpoint = Open311Output.fields();
            endpoint.put("specification", SPECIFICATION);
            endpoint.put("url", ServletUriComponentsBuilder.fromContextPath(request).path("/open311/v2").toUriString());
            endpoint.put("changeset", properties.changeset());
            endpoint.put("type", properties.endpointType());
            endpoint.put("formats", new Items("format", List.of("text/xml", "application/json")));
            Map<String, Object> d = Open311Output.fields();
            d.put("changeset", properties.changeset());
            d.put("contact", properties.contact());
            d.put("key_service", properties.keyService());
            d.put("endpoints", new Items("endpoint", List.of(endpoint)));
            return new Doc("discovery", d);
        });
    }

    @Operation(summary = "服务列表 GET Service List：对群众开放的事件分类")
    @GetMapping("/v2/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format,
                                    @Parameter(description = "镇街区域编码，如 370481107")
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        return respond(format, () -> {
            List<Object> services = new ArrayList<>();
            for (Open311Service.ServiceInfo s : open311.services(jurisdictionId)) {
                Map<String, Object> f = Open311Output.fields();
                f.put("service_code", s.code());
                f.put("service_name", s.name());
                f.put("description", s.description());
                f.put("metadata", true);
                f.put("type", "realtime");
                f.put("keywords", s.keywords());
                f.put("group", s.group());
                services.add(f);
            }
            return new Doc("services", new Items("service", services));
        });
    }

    @Operation(summary = "服务定义 GET Service Definition：可填写的附加字段（紧急程度、标题）")
    @GetMapping("/v2/services/{serviceCode}.{format}")
    ResponseEntity<byte[]> definition(@PathVariable String serviceCode, @PathVariable String format,
                                      @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        return respond(format, () -> {
            Open311Service.ServiceDefinition def = open311.definition(jurisdictionId, serviceCode);
            List<Object> attributes = new ArrayList<>();
            for (Open311Service.AttributeInfo a : def.attributes()) {
                Map<String, Object> f = Open311Output.fields();
                f.put("variable", a.variable());
                f.put("code", a.code());
                f.put("datatype", a.datatype());
                f.put("required", a.required());
                f.put("datatype_description", a.datatypeDescription());
                f.put("order", a.order());
                f.put("description", a.description());
                if (!a.values().isEmpty()) {
                    List<Object> values = new ArrayList<>();
                    for (Open311Service.AttributeInfo.Value v : a.values()) {
                        Map<String, Object> value = Open311Output.fields();
                        value.put("key", v.key());
                        value.put("name", v.name());
                        values.add(value);
                    }
                    f.put("values", new Items("value", values));
                }
                attributes.add(f);
            }
            Map<String, Object> d = Open311Output.fields();
            d.put("service_code", def.serviceCode());
            d.put("attributes", new Items("attribute", attributes));
            return new Doc("service_definition", d);
        });
    }

    @Operation(summary = "提交诉求 POST Service Request（application/x-www-form-urlencoded，须带 api_key）",
            description = """
                    字段：api_key、jurisdiction_id、service_code，位置 lat+long 或 address_string（或 address_id），
                    可选 first_name、last_name、phone、description、media_url、attribute[urgency]（NORMAL/URGENT/EMERGENCY）、
                    attribute[title]。email、device_id、account_id 不保存。成功答 200，返回 service_request_id（事件编号）。""")
    @PostMapping("/v2/requests.{format}")
    ResponseEntity<byte[]> submit(@PathVariable String format, HttpServletRequest request) {
        return respond(format, () -> {
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                Matcher m = ATTRIBUTE.matcher(name);
                if (m.matches()) {
                    attributes.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(List.of(values));
                }
            });
            String apiKey = request.getParameter("api_key");
            Open311Service.Created created = open311.submit(new Open311Service.Submission(
                    apiKey, request.getParameter("jurisdiction_id"), request.getParameter("service_code"),
                    request.getParameter("lat"), request.getParameter("long"), request.getParameter("address_string"),
                    request.getParameter("address_id"), request.getParameter("first_name"),
                    request.getParameter("last_name"), request.getParameter("phone"),
                    request.getParameter("description"), request.getParameter("media_url"), attributes));
            Map<String, Object> f = Open311Output.fields();
            f.put("service_request_id", created.serviceRequestId());
            f.put("service_notice", created.serviceNotice());
            return new Doc("service_requests", new Items("request", List.of(f)));
        });
    }

    @Operation(summary = "查询诉求 GET Service Requests：按编号、服务类型、时间（不超过 90 天）和状态，最多 1000 条",
            description = "service_request_id（逗号分隔）优先于其他条件；默认最近 90 天；扩展参数 page（从 1 起）、page_size（1–1000）。")
    @GetMapping("/v2/requests.{format}")
    ResponseEntity<byte[]> requests(@PathVariable String format,
                                    @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
                                    @RequestParam(name = "service_request_id", required = false) List<String> ids,
                                    @RequestParam(name = "service_code", required = false) List<String> serviceCodes,
                                    @RequestParam(name = "start_date", required = false) String startDate,
                                    @RequestParam(name = "end_date", required = false) String endDate,
                                    @RequestParam(name = "status", required = false) List<String> status,
                                    @RequestParam(name = "page", required = false) String page,
                                    @RequestParam(name = "page_size", required = false) String pageSize) {
        return respond(format, () -> {
            open311.jurisdiction(jurisdictionId);
            RequestQuery query = RequestQuery.parse(ids, serviceCodes, startDate, endDate, status, page, pageSize,
                    clock.instant(), clock.getZone());
            List<Object> out = new ArrayList<>();
            open311.requests(jurisdictionId, query).forEach(r -> out.add(request(r, clock.getZone())));
            return new Doc("service_requests", new Items("request", out));
        });
    }

    @Operation(summary = "查询一件诉求 GET Service Request")
    @GetMapping("/v2/requests/{id}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format,
                                   @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        return respond(format, () -> new Doc("service_requests",
                new Items("request", List.of(request(open311.request(jurisdictionId, id), clock.getZone())))));
    }

    @Operation(summary = "凭令牌查编号 GET service_request_id from a token")
    @GetMapping("/v2/tokens/{token}.{format}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
                                 @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        return respond(format, () -> {
            Open311Service.TokenInfo t = open311.token(jurisdictionId, token);
            Map<String, Object> f = Open311Output.fields();
            f.put("service_request_id", t.serviceRequestId());
            f.put("token", t.token());
            return new Doc("service_requests", new Items("request", List.of(f)));
        });
    }

    /** Any other path or method under {@code /open311}: 404, or 400 for a known resource with the wrong method. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> unknown(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Format format = Format.ofPath(path);
        if (KNOWN_RESOURCE.matcher(path).matches()) {
            return errors(HttpStatus.BAD_REQUEST, format, List.of(text("open311.method.unsupported", request.getMethod())));
        }
        return errors(HttpStatus.NOT_FOUND, format, List.of(text("open311.resource.not-found", path)));
    }

    private static Map<String, Object> request(Open311Service.ServiceRequest r, ZoneId zone) {
        Map<String, Object> f = Open311Output.fields();
        f.put("service_request_id", r.serviceRequestId());
        f.put("status", r.status());
        Open311Output.putPresent(f, "status_notes", r.statusNotes());
        f.put("service_name", r.serviceName());
        f.put("service_code", r.serviceCode());
        f.put("description", r.description());
        Open311Output.putPresent(f, "agency_responsible", r.agencyResponsible());
        Open311Output.putPresent(f, "service_notice", r.serviceNotice());
        f.put("requested_datetime", W3cTime.format(r.requestedDatetime(), zone));
        f.put("updated_datetime", W3cTime.format(r.updatedDatetime(), zone));
        Open311Output.putPresent(f, "expected_datetime", W3cTime.format(r.expectedDatetime(), zone));
        Open311Output.putPresent(f, "address", r.address());
        Open311Output.putPresent(f, "lat", r.lat());
        Open311Output.putPresent(f, "long", r.lng());
        Open311Output.putPresent(f, "media_url", r.mediaUrl());
        return f;
    }

    /** A document to render: its XML root element and its body. */
    private record Doc(String root, Object body) {
    }

    private ResponseEntity<byte[]> respond(String formatName, Supplier<Doc> work) {
        Format format = Format.of(formatName);
        if (format == null) {
            return errors(HttpStatus.BAD_REQUEST, Format.XML, List.of(text("open311.format.unsupported", formatName)));
        }
        Doc doc = work.get();
        return Open311Output.render(HttpStatus.OK, format, doc.root(), doc.body());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<byte[]> refused(DomainException e, HttpServletRequest request) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID, CONFLICT -> HttpStatus.BAD_REQUEST;
        };
        List<String> descriptions = new ArrayList<>();
        if (e instanceof InvalidInput invalid) {
            for (InvalidInput.FieldError f : invalid.errors()) {
                descriptions.add(f.field() + "：" + text(f.messageKey(), f.args()));
            }
        } else {
            descriptions.add(text(e.messageKey(), e.args()));
        }
        return errors(status, Format.ofPath(request.getRequestURI()), descriptions);
    }

    /** The spec's "general service error": 400, and the details only in our log. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception e, HttpServletRequest request) {
        log.error("Open311 {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return errors(HttpStatus.BAD_REQUEST, Format.ofPath(request.getRequestURI()), List.of(text("open311.general")));
    }

    private ResponseEntity<byte[]> errors(HttpStatus status, Format format, List<String> descriptions) {
        List<Object> errors = new ArrayList<>();
        for (String d : descriptions) {
            Map<String, Object> f = Open311Output.fields();
            f.put("code", status.value());
            f.put("description", d);
            errors.add(f);
        }
        return Open311Output.render(status, format, "errors", new Items("error", errors));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }
}
