package org.quorum.events.internal;

import java.time.Instant;
import java.util.Map;

/** What a captured transition or decision says, before the outbox gives it an id and a sequence number. */
record EventDraft(
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
        Map<String, Object> data) {
}
