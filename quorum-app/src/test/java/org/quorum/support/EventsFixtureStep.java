package org.quorum.support;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service step of the {@code events-fixture} test process. A test can make it throw (variable
 * {@code fail}), or hold two transactions inside it until both have arrived (to force a conflict).
 */
@Component("eventsFixtureStep")
public class EventsFixtureStep implements JavaDelegate {

    private volatile CyclicBarrier barrier;

    public void holdUntilBothArrive() {
        barrier = new CyclicBarrier(2);
    }

    public void release() {
        barrier = null;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
            throw new IllegalStateException("failing on purpose (test)");
        }
        CyclicBarrier held = barrier;
        if (held != null) {
            held.await(20, TimeUnit.SECONDS);
        }
    }
}
