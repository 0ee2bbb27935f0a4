package org.quorum.events.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An event captured inside an engine transaction, before it is given its sequence number and written to the
 * outbox at commit. {@code data} is the CloudEvent's JSON data, already serialised.
 */
record PendingEvent(
        UUID eventId,
        String topic,
        String key,
        String type,
        String subject,
        Instant occurredAt,
        String processDefinitionKey,
        String processInstanceId,
        String rootProcessInstanceId,
        String businessKey,
        String actingFor,
        String data) {
}
