package org.quorum.infrastructure.camunda;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Quorum's one clock: the engine's. Everything that stamps a time in a process (a decision's date, a deadline, a
 * tenure's moment) reads it here, so that a test that moves the engine clock gets consistent times, and history,
 * variables and events agree on when something happened.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static Date today() {
        return ClockUtil.getCurrentTime();
    }
}
