package org.quorum.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Closed-loop load: N officer threads each start an instance, work its tasks, and take the next, as fast as the
 * engine lets them. The window ends when the last instance has ended (async steps included), so throughput is
 * instances taken from start to end per second.
 */
final class Officers {

    private static final Duration ASYNC_TAIL_LIMIT = Duration.ofMinutes(3);

    private final ProcessEngine engine;
    private final int officers;
    private final CpuMeter cpu;

    Officers(ProcessEngine engine, int officers) {
        this(engine, officers, null);
    }

    Officers(ProcessEngine engine, int officers, CpuMeter cpu) {
        this.engine = engine;
        this.officers = officers;
        this.cpu = cpu;
    }

    /** Runs {@code warmup} instances, then {@code count} measured ones, with the CPU they cost if metered. */
    Throughput measure(Model model, String label, int warmup, int count) throws Exception {
        drive(model, label + "-warmup", warmup);
        double jvmBefore = CpuMeter.jvmSeconds();
        double postgresBefore = cpu == null ? Double.NaN : cpu.postgresSeconds();
        Throughput measured = drive(model, label, count);
        double jvm = (CpuMeter.jvmSeconds() - jvmBefore) * 1000 / count;
        double postgres = cpu == null ? Double.NaN : (cpu.postgresSeconds() - postgresBefore) * 1000 / count;
        return measured.withCpu(jvm + postgres, postgres);
    }

    Throughput drive(Model model, String label, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLongArray driveNanos = new AtomicLongArray(count);
        ExecutorService pool = Executors.newFixedThreadPool(officers);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < officers; i++) {
                running.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        model.drive(engine, label + "-" + n);
                        driveNanos.set(n, System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> officer : running) {
                officer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long driven = System.nanoTime();
        awaitAllEnded(model);
        long ended = System.nanoTime();
        long[] perInstance = new long[count];
        for (int i = 0; i < count; i++) {
            perInstance[i] = driveNanos.get(i);
        }
        return new Throughput(model.processKey(), officers, count, (ended - started) / 1e9,
                (ended - driven) / 1e9, Percentiles.ofNanos(perInstance), Double.NaN, Double.NaN);
    }

    private void awaitAllEnded(Model model) throws InterruptedException {
        long deadline = System.nanoTime() + ASYNC_TAIL_LIMIT.toNanos();
        while (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(model.processKey())
                .count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(model.processKey() + ": instances still running after "
                        + ASYNC_TAIL_LIMIT + "; is the job executor running?");
            }
            Thread.sleep(20);
        }
    }

    /**
     * @param seconds          from the first start to the last instance ended
     * @param asyncTailSeconds of which after the officers were done (the job executor finishing async steps)
     * @param drive            time one officer spent on one instance (its own transactions, not the async tail)
     * @param cpuMsPerInstance CPU milliseconds per instance, this JVM plus the application's PostgreSQL
     *                         ({@link CpuMeter}); NaN when not metered
     * @param postgresCpuMsPerInstance of which PostgreSQL's
     */
    @JsonPropertyOrder({"processKey", "officers", "instances", "seconds", "asyncTailSeconds", "instancesPerSecond",
            "cpuMsPerInstance", "postgresCpuMsPerInstance", "driveMsPerInstance"})
    record Throughput(String processKey, int officers, int instances,
                      @JsonSerialize(using = TwoDecimals.class) double seconds,
                      @JsonSerialize(using = TwoDecimals.class) double asyncTailSeconds,
                      @JsonProperty("driveMsPerInstance") Percentiles drive,
                      @JsonSerialize(using = TwoDecimals.class) double cpuMsPerInstance,
                      @JsonSerialize(using = TwoDecimals.class) double postgresCpuMsPerInstance) {

        @JsonProperty("instancesPerSecond")
        @JsonSerialize(using = TwoDecimals.class)
        double perSecond() {
            return instances / seconds;
        }

        Throughput withCpu(double ms, double postgresMs) {
            return new Throughput(processKey, officers, instances, seconds, asyncTailSeconds, drive, ms, postgresMs);
        }
    }
}
