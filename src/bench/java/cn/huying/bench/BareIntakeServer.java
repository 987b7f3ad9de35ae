package cn.huying.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Part 3's measuring stick: the least a server must do for the intake driver, measured in the same run as the
 * application so that the machine's speed cancels out of the ratio ({@link IntakeDriver}). Its own process,
 * with the application's heap, HTTP stack (embedded Tomcat, 16 request threads) and connection pool (HikariCP,
 * 20), on the same database and schema. Per creation: the token looked up in memory, the JSON body parsed, the
 * earlier case of a repeated Idempotency-Key looked up, and in one transaction (committed as the application
 * commits a case) the case row and its one history row inserted; the answer is {@code {"id":…,"code":…}}.
 * Nothing else: no password check, permissions, scope, region from the point, time limits, duplicate search,
 * day number (a counter in memory), notifications, search index, audit or metrics. A case is read back by id
 * for its creator. Not part of the application: built only in the {@code bench} profile.
 */
public final class BareIntakeServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BareIntakeServer() {
    }

    /** {@code <port> <jdbc url> <user> <password> <work dir>} */
    public static void main(String[] argv) throws Exception {
        int port = Integer.parseInt(argv[0]);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(argv[1]);
        config.setUsername(argv[2]);
        config.setPassword(argv.length > 3 ? argv[3] : "");
        config.setMaximumPoolSize(20);
        HikariDataSource ds = new HikariDataSource(config);
        Path work = Path.of(argv.length > 4 ? argv[4] : "target/bench/bare");
        Files.createDirectories(work);

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(work.toAbsolutePath().toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxThreads", "16");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", work.toAbsolutePath().toString());
        Tomcat.addServlet(context, "intake", new Intake(ds));
        context.addServletMappingDecoded("/", "intake");
        tomcat.start();
        tomcat.getServer().await();
    }

    /** The stick's two writes; {@code huyingfloor.SpringFloorServer} sends the same, so that both sticks do the same work. */
    public static final String INSERT_CASE = """
            INSERT INTO case_file (code, kind, category_id, channel, urgency, title, description, lat, lng,
                region_id, town_id, reporter_user_id, state, tier, tier_path, created_by, idempotency_key,
                created_at, updated_at, version, open_category_id)
            VALUES (?, ?, ?, 'GRID_REPORT', 'NORMAL', ?, ?, ?, ?, ?, ?, ?, 'REPORTED', 'GRID', 'GRID', ?, ?, ?, ?, 0, ?)""";
    public static final String INSERT_HISTORY = """
            INSERT INTO case_history (case_id, action, from_state, to_state, tier, actor_id, actor_name, actor_role,
                                      note, at) VALUES (?, 'REPORT', NULL, 'REPORTED', 'GRID', ?, ?, NULL, ?, ?)""";

    static final class Intake extends HttpServlet {

        private final HikariDataSource ds;
        /** token → user id, display name */
        private final Map<String, Object[]> tokens = new ConcurrentHashMap<>();
        /** category code → id, kind, name */
        private final Map<String, Object[]> categories = new HashMap<>();
        private final long regionId;
        private final long townId;
        private final String prefix = "BARE" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        private final AtomicLong number = new AtomicLong();

        Intake(HikariDataSource ds) throws SQLException {
            this.ds = ds;
            try (Connection c = ds.getConnection()) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT code, id, kind, name FROM case_category")) {
                    while (rs.next()) {
                        categories.put(rs.getString(1), new Object[]{rs.getLong(2), rs.getString(3), rs.getString(4)});
                    }
                }
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT id FROM region WHERE name = '凤翔小镇社区第一网格第2单元'")) {
                    rs.next();
                    regionId = rs.getLong(1);
                }
                try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM region WHERE name = '木石镇'")) {
                    rs.next();
                    townId = rs.getLong(1);
                }
            }
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String path = req.getRequestURI();
            try {
                if (path.equals("/actuator/health")) {
                    send(res, 200, "{\"status\":\"UP\"}");
                } else if (path.equals("/api/auth/token") && req.getMethod().equals("POST")) {
                    signIn(req, res);
                } else if (path.equals("/api/cases") && req.getMethod().equals("POST")) {
                    create(req, res);
                } else if (path.startsWith("/api/cases/") && req.getMethod().equals("GET")) {
                    read(req, res, Long.parseLong(path.substring("/api/cases/".length())));
                } else {
                    send(res, 404, "{\"error\":\"not found\"}");
                }
            } catch (SQLException e) {
                send(res, 500, "{\"error\":\"" + e.getSQLState() + "\"}");
            }
        }

        private void signIn(HttpServletRequest req, HttpServletResponse res) throws IOException, SQLException {
            JsonNode body = JSON.readTree(req.getInputStream());
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT id, display_name FROM app_user WHERE username = ?")) {
                ps.setString(1, body.path("username").asString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        send(res, 401, "{\"error\":\"unknown user\"}");
                        return;
                    }
                    String token = UUID.randomUUID().toString();
                    tokens.put(token, new Object[]{rs.getLong(1), rs.getString(2)});
                    send(res, 200, "{\"accessToken\":\"" + token + "\"}");
                }
            }
        }

        private Object[] user(HttpServletRequest req) {
            String auth = req.getHeader("Authorization");
            return auth == null || !auth.startsWith("Bearer ") ? null : tokens.get(auth.substring(7));
        }

        private void create(HttpServletRequest req, HttpServletResponse res) throws IOException, SQLException {
            Object[] user = user(req);
            if (user == null) {
                send(res, 401, "{\"error\":\"token\"}");
                return;
            }
            long userId = (Long) user[0];
            JsonNode body = JSON.readTree(req.getInputStream());
            Object[] category = categories.get(body.path("category").asString());
            String description = body.path("description").asString();
            if (category == null || description.isBlank()) {
                send(res, 400, "{\"error\":\"category, description\"}");
                return;
            }
            String key = req.getHeader("Idempotency-Key");
            try (Connection c = ds.getConnection()) {
                if (key != null) {
                    String earlier = earlier(c, userId, key);
                    if (earlier != null) {
                        send(res, 200, earlier);
                        return;
                    }
                }
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                String code = prefix + "-" + number.incrementAndGet();
                c.setAutoCommit(false);
                try {
                    long id;
                    try (PreparedStatement ps = c.prepareStatement(INSERT_CASE, new String[]{"id"})) {
                        ps.setString(1, code);
                        ps.setString(2, (String) category[1]);
                        ps.setLong(3, (Long) category[0]);
                        ps.setString(4, category[2] + "：" + description.substring(0, Math.min(30, description.length())));
                        ps.setString(5, description);
                        ps.setDouble(6, body.path("lat").asDouble());
                        ps.setDouble(7, body.path("lng").asDouble());
                        ps.setLong(8, regionId);
                        ps.setLong(9, townId);
                        ps.setLong(10, userId);
                        ps.setLong(11, userId);
                        ps.setString(12, key);
                        ps.setObject(13, now);
                        ps.setObject(14, now);
                        ps.setLong(15, (Long) category[0]);
                        ps.executeUpdate();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            keys.next();
                            id = keys.getLong(1);
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement(INSERT_HISTORY)) {
                        ps.setLong(1, id);
                        ps.setLong(2, userId);
                        ps.setString(3, (String) user[1]);
                        ps.setString(4, description);
                        ps.setObject(5, now);
                        ps.executeUpdate();
                    }
                    c.commit();
                    send(res, 201, "{\"id\":" + id + ",\"code\":\"" + code + "\"}");
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }

        private static String earlier(Connection c, long userId, String key) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, code FROM case_file WHERE created_by = ? AND idempotency_key = ?")) {
                ps.setLong(1, userId);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? "{\"id\":" + rs.getLong(1) + ",\"code\":\"" + rs.getString(2) + "\"}" : null;
                }
            }
        }

        private void read(HttpServletRequest req, HttpServletResponse res, long id) throws IOException, SQLException {
            Object[] user = user(req);
            if (user == null) {
                send(res, 401, "{\"error\":\"token\"}");
                return;
            }
            try (Connection c = ds.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT code FROM case_file WHERE id = ? AND created_by = ?")) {
                ps.setLong(1, id);
                ps.setLong(2, (Long) user[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        send(res, 200, "{\"id\":" + id + ",\"code\":\"" + rs.getString(1) + "\"}");
                    } else {
                        send(res, 404, "{\"error\":\"not found\"}");
                    }
                }
            }
        }

        private static void send(HttpServletResponse res, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            res.setStatus(status);
            res.setContentType("application/json;charset=UTF-8");
            res.setContentLength(bytes.length);
            res.getOutputStream().write(bytes);
        }
    }
}
