package org.quorum.bench.driver;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** p50, p95, p99 and max of a set of durations in milliseconds (nearest-rank). */
public record Percentiles(int count,
                          @JsonProperty("p50Ms") @JsonSerialize(using = TwoDecimals.class) double p50,
                          @JsonProperty("p95Ms") @JsonSerialize(using = TwoDecimals.class) double p95,
                          @JsonProperty("p99Ms") @JsonSerialize(using = TwoDecimals.class) double p99,
                          @JsonProperty("maxMs") @JsonSerialize(using = TwoDecimals.class) double max) {

    public static Percentiles ofNanos(long[] nanos) {
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
}
