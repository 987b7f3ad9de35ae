package cn.huying.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huying.support.Http;
import cn.huying.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** What the channel tests share: API keys, forms, XML, acting on cases, threads started together. */
public abstract class ChannelsSupport extends IntegrationTest {

    protected static final String TOWN = "370481107";
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

    /** An API key of the demo account {@code hotline} (SYSTEM, 滕州市), issued once per run by {@code admin}. */
    protected String hotlineKey() {
        return KEYS.computeIfAbsent("hotline@" + port, k -> issueKey("hotline"));
    }

    protected String issueKey(String username) {
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
        Http.Response r = http.post("/api/api-keys", Map.of("userId", userId, "name", "测试 " + username))
                .bearer(token("admin")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("key").asString();
    }

    /**
     * A new town under the demo county, for requests no 木石镇 user needs to see: the demo town's
     * queues (oldest first, a page of 15) stay as the other tests and the screens expect them.
     */
    protected String newTown() {
        String code = "T" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = http.post("/api/regions", Map.of("code", code, "name", "渠道测试镇", "type", "TOWN",
                "parentId", regionId("370481"))).bearer(token("admin")).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return code;
    }

    /** Takes a test's case out of 木石镇's work queues: rejected before dispatch, transferred after. */
    protected void finish(long caseId) {
        JsonNode c = http.get("/api/cases/" + caseId).bearer(userToken("dispatcher")).send().json();
        switch (c.path("state").asString()) {
            case "REPORTED", "ESCALATED" -> act("dispatcher", caseId, "reject", Map.of("note", "测试结束"));
            case "REGISTERED", "RETURNED" -> act("dispatcher", caseId, "reject", Map.of("note", "测试结束"));
            case "DISPATCHED", "ACCEPTED" -> act("dispatcher", caseId, "transfer", Map.of("note", "测试结束", "receivingBody", "测试接收单位"));
            default -> {
            }
        }
    }

    /** {@code application/x-www-form-urlencoded}, UTF-8; {@code null} values are left out. */
    protected static String form(Object... pairs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(String.valueOf(pairs[i]), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(String.valueOf(pairs[i + 1]), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    protected Http.Response postForm(String path, String form) {
        return http.post(path, form).form().send();
    }

    protected static Document xml(Http.Response r) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML (status " + r.status() + "): " + r.body(), e);
        }
    }

    protected static String text(Document doc, String xpath) {
        try {
            return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static List<String> texts(Document doc, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent());
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The names of the child elements of the element at {@code xpath}, in document order. */
    protected static List<String> childNames(Document doc, String xpath) {
        try {
            org.w3c.dom.Node node = (org.w3c.dom.Node) XPathFactory.newInstance().newXPath()
                    .evaluate(xpath, doc, XPathConstants.NODE);
            List<String> out = new ArrayList<>();
            for (org.w3c.dom.Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                    out.add(c.getNodeName());
                }
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    protected static int count(Document doc, String xpath) {
        return texts(doc, xpath).size();
    }

    /** Tokens signed in during this test (at the test clock's time), so each user signs in once per test. */
    private final Map<String, String> testTokens = new HashMap<>();

    @org.junit.jupiter.api.BeforeEach
    void forgetTestTokens() {
        testTokens.clear();
    }

    /** A token of the user, signed in once per test and clock mode (a token from a set clock expires at the real time). */
    protected String userToken(String user) {
        return testTokens.computeIfAbsent(user + (clock.isFixed() ? "@test-clock" : "@real-clock"), k -> token(user));
    }

    protected JsonNode act(String user, long id, String action, Map<String, Object> fields) {
        String token = userToken(user);
        JsonNode current = http.get("/api/cases/" + id).bearer(token).send().json();
        Map<String, Object> body = new HashMap<>(fields);
        body.put("version", current.path("version").asLong());
        Http.Response r = http.post("/api/cases/" + id + "/" + action, body).bearer(token).send();
        assertThat(r.status()).as(user + " " + action + ": " + r).isEqualTo(200);
        return r.json();
    }

    /** Runs the task on {@code threads} threads released at the same moment. */
    protected static <T> List<T> together(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
