package org.quorum.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** p50, p95, p99 and max of a set of durations in milliseconds (nearest-rank). */
record Percentiles(int count, double p50, double p95, double p99, double max) {

    static Percentiles ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", count);
        json.put("p50Ms", Report.round(p50));
        json.put("p95Ms", Report.round(p95));
        json.put("p99Ms", Report.round(p99));
        json.put("maxMs", Report.round(max));
        return json;
    }
}
