package org.quorum.events.internal;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Wakes this node's relay when a transaction on this node has committed events, so that they go out at once
 * instead of after the relay's poll interval. Only a hint: events committed on another node (or before a
 * restart) are still found by polling, and the relay reads the table, never this signal, to know what to send.
 */
@Component
class OutboxSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private boolean pending;

    void eventsCommitted() {
        lock.lock();
        try {
            pending = true;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns when events were committed since the last call, or when {@code timeout} has passed. */
    void await(Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending && nanos > 0) {
                nanos = committed.awaitNanos(nanos);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }
}
