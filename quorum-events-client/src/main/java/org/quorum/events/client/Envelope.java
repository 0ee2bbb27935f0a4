package org.quorum.events.client;

import java.net.URI;
import java.time.Instant;

import io.cloudevents.CloudEvent;

/**
 * The CloudEvents attributes Quorum sets on every event (docs/events.md, "Envelope"). {@code sequence} counts
 * 1, 2, 3, ... per record key and topic; it is null only on events of another producer.
 */
public record Envelope(String id, URI source, String type, Instant time, String subject,
        String processDefinitionKey, String processInstanceId, String rootProcessInstanceId, String businessKey,
        Long sequence, String actingFor) {

    static Envelope of(CloudEvent event) {
        return new Envelope(event.getId(), event.getSource(), event.getType(),
                event.getTime() == null ? null : event.getTime().toInstant(), event.getSubject(),
                text(event, "processdefinitionkey"), text(event, "processinstanceid"),
                text(event, "rootprocessinstanceid"), text(event, "businesskey"), sequence(event),
                text(event, "actingfor"));
    }

    private static String text(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null ? null : value.toString();
    }

    /** Binary mode carries every extension as a header string, structured mode as a JSON number. */
    private static Long sequence(CloudEvent event) {
        Object value = event.getExtension("sequence");
        if (value == null) {
            return null;
        }
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }
}
