package org.quorum.history;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads each history event the engine emits once and publishes its transitions as application events, for the
 * outbox and the audit chain to render. The events arrive through the Camunda Spring Boot starter's eventing
 * ({@code camunda.bpm.eventing.history}), synchronously on the engine's thread and inside its transaction, after
 * the engine's database history handler has seen them (so their ids are set); the transitions are published the
 * same way.
 */
@Component
class TransitionPublisher {

    private final HistoryClassifier classifier;
    private final ApplicationEventPublisher publisher;

    TransitionPublisher(HistoryClassifier classifier, ApplicationEventPublisher publisher) {
        this.classifier = classifier;
        this.publisher = publisher;
    }

    @EventListener
    void on(HistoryEvent event) {
        classifier.classify(event).forEach(publisher::publishEvent);
    }
}
