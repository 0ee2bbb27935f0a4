package org.quorum.events.internal;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.quorum.events.EventsProperties;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.positions.ActingFor;
import org.springframework.stereotype.Component;

/**
 * The outbox rows of the state topic: one instance's state as a {@code quorum.process.state.v1} CloudEvent keyed by
 * the instance, or its tombstone (no data, so Kafka gets a null value and compaction drops the key). The rows name
 * the instance but leave the root instance column empty: the root's lifecycle rows are the ones counted by it.
 */
@Component
class StateRecords {

    static final String TYPE = "process.state";

    private final String topic;
    private final ObjectMapper json;

    StateRecords(EventsProperties properties, ObjectMapper json) {
        this.topic = properties.topics().state();
        this.json = json;
    }

    String topic() {
        return topic;
    }

    String toJson(ProcessState state) {
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProcessState fromJson(String state) {
        try {
            return json.readValue(state, ProcessState.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record of a state, with its JSON as {@link #toJson} wrote it. */
    PendingEvent state(ProcessState state, String stateJson) {
        return row(state, state.time() != null ? state.time() : EngineClock.now(), ActingFor.current(), stateJson);
    }

    /** The tombstone of an instance whose history is gone. */
    PendingEvent tombstone(ProcessState last) {
        return row(last, EngineClock.now(), null, null);
    }

    private PendingEvent row(ProcessState state, Instant at, String actingFor, String data) {
        String id = state.processInstanceId();
        return new PendingEvent(UUID.randomUUID(), new EventDraft(topic, id, TYPE, id, at,
                state.processDefinitionKey(), id, null, state.businessKey(), actingFor, null), data);
    }
}
