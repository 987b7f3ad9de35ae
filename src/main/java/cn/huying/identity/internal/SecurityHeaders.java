package cn.huying.identity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of the pages and of the API (issue 22: a grid name ran as script on {@code /map}).
 * Scripts only from this server (no inline script, no {@code eval}); styles from this server and inline (Leaflet
 * and htmx set styles); images from this server, {@code data:}/{@code blob:} and the base-map tile server if one is
 * configured ({@code huying.map.tile-url}); no plugins, no framing by other sites, forms only to this server.
 */
final class SecurityHeaders {

    private static final Pattern ORIGIN = Pattern.compile("^(https?)://([^/]+)");

    private SecurityHeaders() {
    }

    static String pagePolicy(String tileUrl) {
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                + tileSource(tileUrl) + "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self';"
                + " form-action 'self'; frame-ancestors 'self'";
    }

    /** The API answers JSON, files and problem documents: nothing in them may load or run anything. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * The tile server's origin as a CSP source: {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} gives
     * {@code https://*.tile.example.org}; a host with other placeholders gives its scheme only.
     */
    static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank()) {
            return "";
        }
        Matcher m = ORIGIN.matcher(tileUrl.trim());
        if (!m.find()) {
            return "";
        }
        String host = m.group(2).replaceFirst("^\\{[a-z]+}\\.", "*.");
        if (host.contains("{") || host.contains("}") || host.contains(";") || host.contains(" ")) {
            return " " + m.group(1) + ":";
        }
        return " " + m.group(1) + "://" + host;
    }
}
