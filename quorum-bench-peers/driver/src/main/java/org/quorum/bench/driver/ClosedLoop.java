package org.quorum.bench.driver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The load every variant gets: N officer threads each start an instance, work its tasks, and take the next, as
 * fast as the engine lets them. The window ends when the last instance has ended (async steps included), so
 * throughput is instances taken from start to end per second. Runs in the JVM of the engine it drives.
 */
public final class ClosedLoop {

    private static final Duration ASYNC_TAIL_LIMIT = Duration.ofMinutes(3);

    private final int officers;
    private final ProcessCpu cpu;

    /** @param cpu the meter of this JVM and its PostgreSQL, or null when the CPU is not measured */
    public ClosedLoop(int officers, ProcessCpu cpu) {
        this.officers = officers;
        this.cpu = cpu;
    }

    /** Runs {@code warmup} instances, then {@code count} measured ones, with the CPU they cost if metered. */
    public Throughput measure(Workload workload, String label, int warmup, int count) throws Exception {
        drive(workload, label + "-warmup", warmup);
        double jvmBefore = ProcessCpu.jvmSeconds();
        double jitBefore = ProcessCpu.jitSeconds();
        double postgresBefore = cpu == null ? Double.NaN : cpu.postgresSeconds();
        double brokerBefore = cpu == null ? Double.NaN : cpu.brokerSeconds();
        Throughput measured = drive(workload, label, count);
        double jvm = (ProcessCpu.jvmSeconds() - jvmBefore) * 1000 / count;
        double jit = (ProcessCpu.jitSeconds() - jitBefore) * 1000 / count;
        double postgres = cpu == null ? Double.NaN : (cpu.postgresSeconds() - postgresBefore) * 1000 / count;
        double broker = cpu == null ? Double.NaN : (cpu.brokerSeconds() - brokerBefore) * 1000 / count;
        return measured.withCpu(jvm + postgres, postgres, jit, broker);
    }

    public Throughput drive(Workload workload, String label, int count) throws Exception {
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
                        workload.drive(label + "-" + n);
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
        awaitAllEnded(workload);
        long ended = System.nanoTime();
        long[] perInstance = new long[count];
        for (int i = 0; i < count; i++) {
            perInstance[i] = driveNanos.get(i);
        }
        return new Throughput(workload.processKey(), officers, count, (ended - started) / 1e9,
                (ended - driven) / 1e9, Percentiles.ofNanos(perInstance), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }

    private static void awaitAllEnded(Workload workload) throws InterruptedException {
        long deadline = System.nanoTime() + ASYNC_TAIL_LIMIT.toNanos();
        while (workload.running() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(workload.processKey() + ": instances still running after "
                        + ASYNC_TAIL_LIMIT + "; is the job executor running?");
            }
            Thread.sleep(20);
        }
    }
}
