package cn.huying.hotline.internal;

import cn.huying.cases.CaseState;
import cn.huying.cases.CaseView;
import cn.huying.cases.Cases;
import cn.huying.cases.Channel;
import cn.huying.cases.NewCase;
import cn.huying.cases.Urgency;
import cn.huying.identity.ApiKeys;
import cn.huying.identity.CurrentUser;
import cn.huying.region.GridLocation;
import cn.huying.region.RegionType;
import cn.huying.region.RegionView;
import cn.huying.region.Regions;
import cn.huying.shared.DomainException;
import cn.huying.shared.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open311 GeoReport v2 on top of cases. A jurisdiction ({@code jurisdiction_id}) is a town, named by
 * its region code (木石镇: {@code 370481107}); the services are the active leaf categories open to
 * the public; a service request is a case with channel {@code OPEN311} in the town's queue, reported
 * as the account of the API key.
 *
 * <p>What a public read shows: only requests that came in through Open311 (their submitters published
 * them), and of those the category, description, address and point, state, the answering department,
 * the reply and the dates. Never the reporter's name, phone or e-mail, nor cases from any other channel.
 */
@Service
public class Open311Service {

    /** An Open311 service 服务类型: one public category. */
    public record ServiceInfo(String code, String name, String description, String group, String keywords) {
    }

    /** An attribute of a service definition; {@code values} only for list types. */
    public record AttributeInfo(boolean variable, String code, String datatype, boolean required,
                                String datatypeDescription, int order, String description, List<Value> values) {

        public record Value(String key, String name) {
        }
    }

    public record ServiceDefinition(String serviceCode, List<AttributeInfo> attributes) {
    }

    /**
     * The fields of {@code POST requests} as received. {@code attributes} holds
     * {@code attribute[code]} (and {@code attribute[code][]}) by code.
     */
    public record Submission(String apiKey, String jurisdictionId, String serviceCode, String lat, String lng,
                             String addressString, String addressId, String firstName, String lastName, String phone,
                             String description, String mediaUrl, Map<String, List<String>> attributes) {
    }

    public record Created(String serviceRequestId, String serviceNotice) {
    }

    /** A service request as the public sees it. */
    public record ServiceRequest(String serviceRequestId, String status, String statusNotes, String serviceName,
                                 String serviceCode, String description, String agencyResponsible,
                                 String serviceNotice, Instant requestedDatetime, Instant updatedDatetime,
                                 Instant expectedDatetime, String address, Double lat, Double lng, String mediaUrl) {
    }

    public record TokenInfo(String serviceRequestId, String token) {
    }

    /** Our case fields by the names of Open311's, for error messages. */
    private static final Map<String, String> FIELD_NAMES = Map.of("reporterName", "last_name", "reporterPhone",
            "phone", "location", "lat", "regionId", "jurisdiction_id", "title", "attribute[title]");

    static final String URGENCY = "urgency";
    static final String TITLE = "title";

    private final Cases cases;
    private final Regions regions;
    private final ApiKeys apiKeys;
    private final CategoryCatalog categories;
    private final Open311Repository requests;
    private final MessageSource messages;
    private final Clock clock;

    Open311Service(Cases cases, Regions regions, ApiKeys apiKeys, CategoryCatalog categories,
                   Open311Repository requests, MessageSource messages, Clock clock) {
        this.cases = cases;
        this.regions = regions;
        this.apiKeys = apiKeys;
        this.categories = categories;
        this.requests = requests;
        this.messages = messages;
        this.clock = clock;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
    }

    /** The town named by {@code jurisdiction_id}: 400 when missing, 404 when it is not an active town. */
    public RegionView jurisdiction(String jurisdictionId) {
        if (jurisdictionId == null || jurisdictionId.isBlank()) {
            throw DomainException.invalid("open311.jurisdiction.required");
        }
        return regions.findByCode(jurisdictionId.strip())
                .filter(r -> r.type() == RegionType.TOWN && !r.retired())
                .orElseThrow(() -> DomainException.notFound("open311.jurisdiction.not-found", jurisdictionId.strip()));
    }

    public List<ServiceInfo> services(String jurisdictionId) {
        jurisdiction(jurisdictionId);
        return categories.publicLeaves().stream().map(this::service).toList();
    }

    private ServiceInfo service(CategoryCatalog.Leaf leaf) {
        String description = leaf.description() != null && !leaf.description().isBlank() ? leaf.description()
                : text("open311.service.description", leaf.groupName(), leaf.name());
        String keywords = String.join(",", new java.util.LinkedHashSet<>(List.of(leaf.name(), leaf.groupName(),
                leaf.kind().label())));
        return new ServiceInfo(leaf.code(), leaf.name(), description, leaf.groupName(), keywords);
    }

    public ServiceDefinition definition(String jurisdictionId, String serviceCode) {
        jurisdiction(jurisdictionId);
        CategoryCatalog.Leaf leaf = categories.publicLeaf(serviceCode)
                .orElseThrow(() -> DomainException.notFound("open311.service.not-found", serviceCode));
        List<AttributeInfo.Value> urgencies = new ArrayList<>();
        for (Urgency u : Urgency.values()) {
            urgencies.add(new AttributeInfo.Value(u.name(), u.label()));
        }
        return new ServiceDefinition(leaf.code(), List.of(
                new AttributeInfo(true, URGENCY, "singlevaluelist", false, text("open311.attribute.urgency.type"), 1,
                        text("open311.attribute.urgency"), urgencies),
                new AttributeInfo(true, TITLE, "string", false, text("open311.attribute.title.type"), 2,
                        text("open311.attribute.title"), List.of())));
    }

    /**
     * Creates the case for a service request, in one transaction with its Open311 record. The API key
     * is checked first (403), then the jurisdiction (400/404), the service (400/404) and the fields (400).
     */
    @Transactional
    public Created submit(Submission s) {
        CurrentUser account = account(s.apiKey());
        RegionView town = jurisdiction(s.jurisdictionId());
        if (s.serviceCode() == null || s.serviceCode().isBlank()) {
            throw DomainException.invalid("open311.service-code.required");
        }
        CategoryCatalog.Leaf leaf = categories.publicLeaf(s.serviceCode().strip())
                .orElseThrow(() -> DomainException.notFound("open311.service.not-found", s.serviceCode().strip()));

        InvalidInput.Collector errors = new InvalidInput.Collector();
        Double lat = coordinate(s.lat(), "lat", errors);
        Double lng = coordinate(s.lng(), "long", errors);
        if ((lat == null) != (lng == null) && !errors.has("lat") && !errors.has("long")) {
            errors.add(lat == null ? "lat" : "long", "open311.location.both");
        }
        String address = firstNonBlank(s.addressString(), s.addressId());
        if (lat == null && lng == null && address == null && errors.isEmpty()) {
            errors.add("address_string", "open311.location.required");
        }
        if (lat != null && lng != null) {
            GridLocation where = regions.locate(lat, lng);
            if (where.found() && (where.town() == null || where.town().id() != town.id())) {
                errors.add("lat", "open311.location.outside-jurisdiction", town.name());
            }
        }
        Urgency urgency = null;
        String urgencyValue = single(s.attributes(), URGENCY);
        if (urgencyValue != null) {
            try {
                urgency = Urgency.valueOf(urgencyValue.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("attribute[" + URGENCY + "]", "open311.attribute.value", urgencyValue, URGENCY);
            }
        }
        String title = single(s.attributes(), TITLE);
        String mediaUrl = blankToNull(s.mediaUrl());
        if (mediaUrl != null && !webUrl(mediaUrl)) {
            errors.add("media_url", "open311.media-url.invalid");
        }
        errors.throwIfAny();

        String description = blankToNull(s.description());
        if (description == null) {
            description = address == null ? leaf.name() : leaf.name() + "（" + address + "）";
        }
        NewCase report = new NewCase(leaf.code(), Channel.OPEN311, urgency, title, description, lat, lng, address,
                lat == null ? town.id() : null, name(s.firstName(), s.lastName()), blankToNull(s.phone()), false, null,
                List.of(), null);
        CaseView c;
        try {
            c = cases.submit(report, account).c();
        } catch (InvalidInput e) {
            throw new InvalidInput(e.errors().stream().map(f -> new InvalidInput.FieldError(
                    FIELD_NAMES.getOrDefault(f.field(), f.field()), f.messageKey(), f.args())).toList());
        }
        Instant now = clock.instant();
        requests.insert(new Open311Repository.Row(c.id(), c.code(), UUID.randomUUID().toString().replace("-", ""),
                town.id(), leaf.code(), mediaUrl, c.createdAt(), status(c.state()), null), account.id(),
                c.state().name(), now);
        return new Created(c.code(), text("open311.notice.created", town.name(), c.code()));
    }

    private CurrentUser account(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw DomainException.forbidden("open311.api-key.missing");
        }
        CurrentUser account = apiKeys.verify(apiKey.strip())
                .orElseThrow(() -> DomainException.forbidden("open311.api-key.invalid"));
        if (!account.can("case:report")) {
            throw DomainException.forbidden("open311.api-key.cannot-report");
        }
        return account;
    }

    public List<ServiceRequest> requests(String jurisdictionId, RequestQuery query) {
        RegionView town = jurisdiction(jurisdictionId);
        return requests.find(town.id(), query).stream().map(this::view).toList();
    }

    public ServiceRequest request(String jurisdictionId, String serviceRequestId) {
        RegionView town = jurisdiction(jurisdictionId);
        return requests.findByCode(town.id(), serviceRequestId).map(this::view)
                .orElseThrow(() -> DomainException.notFound("open311.request.not-found", serviceRequestId));
    }

    public TokenInfo token(String jurisdictionId, String token) {
        RegionView town = jurisdiction(jurisdictionId);
        return requests.findByToken(town.id(), token).map(r -> new TokenInfo(r.code(), r.token()))
                .orElseThrow(() -> DomainException.notFound("open311.token.not-found", token));
    }

    /** The public view of a stored request: its case as it is now, without any personal data. */
    private ServiceRequest view(Open311Repository.Row row) {
        CaseView c = cases.find(row.caseId()).orElseThrow(() -> DomainException.notFound("open311.request.not-found",
                row.code()));
        boolean closed = !c.state().open();
        Instant updated = closed && c.closedAt() != null ? c.closedAt() : c.updatedAt();
        CaseView.TimeLimits limits = c.timeLimits();
        return new ServiceRequest(row.code(), closed ? "closed" : "open", statusNotes(c, row.statusNote()),
                c.categoryName(), row.serviceCode(), c.description(), c.departmentName(),
                limits == null ? null : limits.ruleLabel(), c.createdAt(), updated,
                limits == null ? null : limits.dueAt(), c.address(), c.lat(), c.lng(), row.mediaUrl());
    }

    /** Our state in words, with the reply once there is one, the refusal's reason, or the lead of a merge. */
    private String statusNotes(CaseView c, String storedNote) {
        String label = c.stateLabel();
        if (c.state() == CaseState.REJECTED && storedNote != null) {
            return label + "：" + storedNote;
        }
        if (c.state() == CaseState.MERGED && c.leadCaseId() != null) {
            String lead = cases.find(c.leadCaseId()).map(CaseView::code).orElse("");
            return text("open311.notes.merged", lead);
        }
        boolean answered = switch (c.state()) {
            case RESOLVED, VERIFIED, CLOSED, REVISITED -> true;
            default -> false;
        };
        return answered && c.reply() != null && !c.reply().isBlank() ? label + "：" + c.reply() : label;
    }

    static String status(CaseState state) {
        return state.open() ? "open" : "closed";
    }

    private static Double coordinate(String value, String field, InvalidInput.Collector errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException(value);
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(field, "open311.coordinate.invalid", value);
            return null;
        }
    }

    private static String single(Map<String, List<String>> attributes, String code) {
        if (attributes == null) {
            return null;
        }
        List<String> values = attributes.get(code);
        return values == null ? null : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .findFirst().orElse(null);
    }

    /** Chinese names are family name first: 张 + 敏 → 张敏; others "first last". */
    static String name(String first, String last) {
        String f = blankToNull(first);
        String l = blankToNull(last);
        if (f == null || l == null) {
            return f != null ? f : l;
        }
        boolean chinese = (f + l).codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        return chinese ? l + f : f + " " + l;
    }

    private static boolean webUrl(String s) {
        if (s.length() > 1000) {
            return false;
        }
        try {
            URI u = new URI(s);
            return u.getScheme() != null && (u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String firstNonBlank(String a, String b) {
        String x = blankToNull(a);
        return x != null ? x : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
