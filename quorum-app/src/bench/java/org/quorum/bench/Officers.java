package org.quorum.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.quorum.bench.driver.ClosedLoop;
import org.quorum.bench.driver.ProcessCpu;
import org.quorum.bench.driver.Throughput;

/** The shared closed-loop load driver ({@link ClosedLoop}) on Quorum's engine, by model. */
final class Officers {

    private final ProcessEngine engine;
    private final ClosedLoop loop;

    Officers(ProcessEngine engine, int officers) {
        this(engine, officers, null);
    }

    /** @param cpu the meter of this JVM and its PostgreSQL, or null when the CPU is not measured */
    Officers(ProcessEngine engine, int officers, ProcessCpu cpu) {
        this.engine = engine;
        this.loop = new ClosedLoop(officers, cpu);
    }

    /** Runs {@code warmup} instances, then {@code count} measured ones, with the CPU they cost if metered. */
    Throughput measure(Model model, String label, int warmup, int count) throws Exception {
        return loop.measure(model.on(engine), label, warmup, count);
    }

    Throughput drive(Model model, String label, int count) throws Exception {
        return loop.drive(model.on(engine), label, count);
    }
}
