package org.quorum.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of an instance and its delivery. A dead letter has no {@code occurredAt}, partition, offset nor
 * {@code sentAt}, and its sequence may be unknown; only a dead letter has {@code failedAt} and a {@code reason}.
 */
public record PublishedEvent(UUID eventId, String type, String topic, Long sequence, Delivery delivery,
                             Instant occurredAt, Integer partition, Long offset, Instant sentAt,
                             Instant failedAt, String reason) {

    public enum Delivery {
        PENDING, SENT, DEAD_LETTERED
    }
}
