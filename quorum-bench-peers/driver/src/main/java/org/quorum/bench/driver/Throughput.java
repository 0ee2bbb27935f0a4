package org.quorum.bench.driver;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One measured window of {@link ClosedLoop}.
 *
 * @param seconds          from the first start to the last instance ended
 * @param asyncTailSeconds of which after the officers were done (the job executor finishing async steps)
 * @param drive            time one officer spent on one instance (its own transactions, not the async tail)
 * @param cpuMsPerInstance CPU milliseconds per instance, the engine's JVM plus its PostgreSQL
 *                         ({@link ProcessCpu}); NaN when not metered
 * @param postgresCpuMsPerInstance of which PostgreSQL's
 * @param jitMsPerInstance of the JVM's, what its JIT compiler threads took: every variant's JVM starts cold,
 *                         and the more code a variant runs, the more of its window goes to compiling it
 *                         ({@link ProcessCpu#jitSeconds()}); NaN when not metered
 * @param brokerCpuMsPerInstance CPU milliseconds per instance of the Kafka broker's own process, not part of
 *                         {@code cpuMsPerInstance} (the peers have no broker); NaN when there is none
 */
@JsonPropertyOrder({"processKey", "officers", "instances", "seconds", "asyncTailSeconds", "instancesPerSecond",
        "cpuMsPerInstance", "postgresCpuMsPerInstance", "jitMsPerInstance", "brokerCpuMsPerInstance",
        "driveMsPerInstance"})
@JsonIgnoreProperties(value = "instancesPerSecond", allowGetters = true)
public record Throughput(String processKey, int officers, int instances,
                         @JsonSerialize(using = TwoDecimals.class) double seconds,
                         @JsonSerialize(using = TwoDecimals.class) double asyncTailSeconds,
                         @JsonProperty("driveMsPerInstance") Percentiles drive,
                         @JsonSerialize(using = TwoDecimals.class) double cpuMsPerInstance,
                         @JsonSerialize(using = TwoDecimals.class) double postgresCpuMsPerInstance,
                         @JsonSerialize(using = TwoDecimals.class) double jitMsPerInstance,
                         @JsonSerialize(using = TwoDecimals.class) double brokerCpuMsPerInstance) {

    @JsonProperty("instancesPerSecond")
    @JsonSerialize(using = TwoDecimals.class)
    public double perSecond() {
        return instances / seconds;
    }

    Throughput withCpu(double ms, double postgresMs, double jitMs, double brokerMs) {
        return new Throughput(processKey, officers, instances, seconds, asyncTailSeconds, drive, ms, postgresMs,
                jitMs, brokerMs);
    }
}
