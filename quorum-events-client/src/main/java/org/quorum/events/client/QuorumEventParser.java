package org.quorum.events.client;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.common.header.Headers;

/**
 * Reads a CloudEvent (binary or structured mode) into a typed {@link QuorumEvent}. Unknown fields are ignored,
 * because Quorum may add optional fields within a version; an unknown type becomes an {@link QuorumEvent.UnknownEvent}.
 * Data of a known type that does not fit its record (a field of another type) is a broken contract and throws
 * {@link UnreadableEventException}.
 */
public final class QuorumEventParser {

    private static final Pattern VERSIONED_TYPE = Pattern.compile("quorum\\.(.+)\\.v1");

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final CloudEventDeserializer cloudEvents = new CloudEventDeserializer();

    /** A Kafka record's headers and value as a CloudEvent, in whichever content mode it was written. */
    public CloudEvent cloudEvent(String topic, Headers headers, byte[] value) {
        return cloudEvents.deserialize(topic, headers, value);
    }

    public QuorumEvent parse(CloudEvent event) {
        Envelope envelope = Envelope.of(event);
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        EventTypes.Type<?> known = EventTypes.KNOWN.get(event.getType());
        if (known != null) {
            return known.create(envelope, read(envelope, data, known.dataClass()));
        }
        if (isDecision(event.getType(), data)) {
            return EventTypes.DECISION.create(envelope, read(envelope, data, DecisionData.class));
        }
        return new QuorumEvent.UnknownEvent(envelope, data);
    }

    /** A decision's type is {@code quorum.<decision>.v1}, naming the decision its data carries. */
    private boolean isDecision(String type, byte[] data) {
        Matcher matcher = VERSIONED_TYPE.matcher(type);
        if (!matcher.matches() || data == null) {
            return false;
        }
        try {
            JsonNode decision = json.readTree(data).path("decision");
            return decision.isTextual() && decision.asText().equals(matcher.group(1));
        } catch (IOException notJson) {
            return false;
        }
    }

    private <D> D read(Envelope envelope, byte[] data, Class<D> type) {
        if (data == null) {
            throw new UnreadableEventException(envelope, type, "it has no data");
        }
        try {
            return json.readValue(data, type);
        } catch (IOException e) {
            throw new UnreadableEventException(envelope, type, e.getMessage());
        }
    }
}
