package org.quorum.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits: every wait of the harness has a limit and names what it waited for when it runs out. */
final class Waits {

    private Waits() {
    }

    /** Polls until {@code condition} holds; returns the time it took. */
    static Duration until(String what, Duration limit, BooleanSupplier condition) {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            boolean holds;
            try {
                holds = condition.getAsBoolean();
            } catch (RuntimeException e) {
                lastFailure = e;
                holds = false;
            }
            if (holds) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up after " + limit + " waiting until " + what
                        + (lastFailure == null ? "" : " (last failure: " + lastFailure + ")"), lastFailure);
            }
            sleep(Duration.ofMillis(250));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
