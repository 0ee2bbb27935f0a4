package org.quorum.events.internal;

import java.util.UUID;

/**
 * A captured event given its id and its serialised JSON data, waiting in the transaction for its sequence
 * number and its outbox row at commit.
 */
record PendingEvent(UUID eventId, EventDraft draft, String data) {
}
