package cn.huying.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --key=value} options of a benchmark command. */
record Args(Map<String, String> values) {

    static Args parse(String[] argv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 1; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("options look like --key=value: " + a);
            }
            int eq = a.indexOf('=');
            m.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        return new Args(m);
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int integer(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key).replace("_", "")) : fallback;
    }

    long number(String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key).replace("_", "")) : fallback;
    }

    boolean flag(String key, boolean fallback) {
        return values.containsKey(key) ? Boolean.parseBoolean(values.get(key)) : fallback;
    }

    List<Integer> integers(String key, String fallback) {
        return Arrays.stream(get(key, fallback).split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
