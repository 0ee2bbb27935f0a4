package org.quorum.events.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An unsent outbox row as the relay reads it. */
record OutboxRow(
        long id,
        UUID eventId,
        String topic,
        String key,
        long sequence,
        String type,
        String subject,
        OffsetDateTime occurredAt,
        String processDefinitionKey,
        String processInstanceId,
        String rootProcessInstanceId,
        String businessKey,
        String actingFor,
        String data) {
}
