package org.quorum.events.internal;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Receives every history event of the engine through the Camunda Spring Boot starter's eventing
 * ({@code camunda.bpm.eventing.history}), synchronously on the engine's thread and inside its transaction,
 * and puts the mapped lifecycle events into the outbox. Nothing here talks to Kafka.
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
    void on(HistoryEvent event) {
        mapper.map(event).forEach(outbox::add);
    }
}
