package org.quorum.events.internal;

import org.quorum.history.Transition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Receives every transition of the engine's history (see {@code org.quorum.history}), synchronously on the engine's
 * thread and inside its transaction, and puts the lifecycle events it maps to into the outbox. Nothing here talks
 * to Kafka.
 */
@Component
@ConditionalOnBooleanProperty(name = "quorum.events.enabled", matchIfMissing = true)
class HistoryEventCapture {

    private final LifecycleEventMapper mapper;
    private final TransactionalOutbox outbox;

    HistoryEventCapture(LifecycleEventMapper mapper, TransactionalOutbox outbox) {
        this.mapper = mapper;
        this.outbox = outbox;
    }

    @EventListener
    void on(Transition transition) {
        mapper.map(transition).forEach(outbox::add);
    }
}
