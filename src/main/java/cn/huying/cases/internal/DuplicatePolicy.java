package cn.huying.cases.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When two cases may be one matter 重复件: same category, open, within {@code distance} metres and
 * {@code window} of each other (defaults 200 m and 7 days, {@code huying.cases.duplicates.*}).
 * The text similarity (shared character bigrams, Jaccard) is reported to help the dispatcher decide.
 */
@Component
public class DuplicatePolicy {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final double distanceMeters;
    private final Duration window;
    private final int shownAtIntake;

    public DuplicatePolicy(@Value("${huying.cases.duplicates.distance-meters:200}") double distanceMeters,
                           @Value("${huying.cases.duplicates.window:7d}") Duration window,
                           @Value("${huying.cases.duplicates.shown-at-intake:5}") int shownAtIntake) {
        this.distanceMeters = distanceMeters;
        this.window = window;
        this.shownAtIntake = Math.max(0, shownAtIntake);
    }

    /**
     * How many of the nearest candidates the answer to a report carries (default 5): the reporter's phone shows
     * them, and the dispatcher, who decides on merging, sees the whole list on the case.
     */
    public int shownAtIntake() {
        return shownAtIntake;
    }

    public double distanceMeters() {
        return distanceMeters;
    }

    public Duration window() {
        return window;
    }

    /** Latitude span of the search box, in degrees. */
    double latDelta() {
        return Math.toDegrees(distanceMeters / EARTH_RADIUS_M);
    }

    /** Longitude span of the search box at a latitude, in degrees. */
    double lngDelta(double lat) {
        return latDelta() / Math.max(0.01, Math.cos(Math.toRadians(lat)));
    }

    public boolean near(double meters) {
        return meters <= distanceMeters;
    }

    /** Great-circle distance (haversine) in metres. */
    public static double distance(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Jaccard similarity of the character bigrams of two texts (Chinese has no spaces to split on). */
    public static double textSimilarity(String a, String b) {
        return textSimilarity(bigrams(a), b);
    }

    /** As {@link #textSimilarity(String, String)}, with the first text's bigrams made once for many others. */
    static double textSimilarity(int[] x, String b) {
        int[] y = bigrams(b);
        if (x.length == 0 || y.length == 0) {
            return 0;
        }
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return Math.round(1000.0 * common / (x.length + y.length - common)) / 1000.0;
    }

    /** Spaces and punctuation, Latin and Chinese: not part of a bigram. */
    private static boolean notText(char c) {
        if (c < 0x80) {
            return c <= ' ' && (c == ' ' || (c >= '\t' && c <= '\r'))
                    || c > ' ' && c < 0x7F && !Character.isLetterOrDigit(c);
        }
        return "，。！？、；：“”‘’（）".indexOf(c) >= 0;
    }

    /**
     * The distinct character bigrams of a text, spaces and punctuation left out, each pair of UTF-16 units packed
     * into one int, sorted: intake compares a report with up to 50 nearby ones, so no strings or sets are made.
     */
    static int[] bigrams(String s) {
        if (s == null || s.length() < 2) {
            return new int[0];
        }
        int[] out = new int[s.length()];
        int n = 0;
        char prev = 0;
        boolean hasPrev = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (notText(c)) {
                continue;
            }
            if (hasPrev) {
                out[n++] = (prev << 16) | c;
            }
            prev = c;
            hasPrev = true;
        }
        java.util.Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[distinct - 1] != out[i]) {
                out[distinct++] = out[i];
            }
        }
        return java.util.Arrays.copyOf(out, distinct);
    }
}
