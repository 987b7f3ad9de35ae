package cn.huying.cases.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
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

    public DuplicatePolicy(@Value("${huying.cases.duplicates.distance-meters:200}") double distanceMeters,
                           @Value("${huying.cases.duplicates.window:7d}") Duration window) {
        this.distanceMeters = distanceMeters;
        this.window = window;
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
    static double textSimilarity(Set<String> x, String b) {
        Set<String> y = bigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        return Math.round(1000.0 * common.size() / union.size()) / 1000.0;
    }

    /** Spaces and punctuation, Latin and Chinese: not part of a bigram. */
    private static final java.util.regex.Pattern NOT_TEXT = java.util.regex.Pattern.compile("[\\s\\p{Punct}，。！？、；：“”‘’（）]");

    static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        if (s == null) {
            return out;
        }
        String t = NOT_TEXT.matcher(s).replaceAll("");
        for (int i = 0; i + 1 < t.length(); i++) {
            out.add(t.substring(i, i + 2));
        }
        return out;
    }
}
