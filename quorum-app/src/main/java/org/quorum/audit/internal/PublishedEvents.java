package org.quorum.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.quorum.events.EventLog;
import org.quorum.events.PublishedEvent;
import org.springframework.stereotype.Component;

/**
 * The timeline's entries for the events Quorum published (or is about to publish, or gave up on) for an
 * instance, with their delivery state, as the events module's {@link EventLog} lists them.
 */
@Component
class PublishedEvents {

    record Row(Instant occurredAt, String kind, String summary, Map<String, Object> details) {
    }

    private final EventLog log;

    PublishedEvents(EventLog log) {
        this.log = log;
    }

    List<Row> of(String processInstanceId, String rootProcessInstanceId, int limit) {
        return log.ofInstance(processInstanceId, rootProcessInstanceId, limit).stream().map(PublishedEvents::row)
                .toList();
    }

    private static Row row(PublishedEvent event) {
        return switch (event.delivery()) {
            case SENT -> new Row(event.occurredAt(), "event.published", "Event " + event.type() + " published to "
                    + event.topic() + " (partition " + event.partition() + ", offset " + event.offset() + ")",
                    outboxDetails(event, "sent"));
            case PENDING -> new Row(event.occurredAt(), "event.pending",
                    "Event " + event.type() + " waiting to be published to " + event.topic(),
                    outboxDetails(event, "pending"));
            case DEAD_LETTERED -> new Row(event.failedAt(), "event.dead-lettered",
                    "Event " + event.type() + " could not be published: " + event.reason(),
                    TimelineText.details("eventId", event.eventId().toString(), "type", event.type(),
                            "topic", event.topic(), "sequence", event.sequence(),
                            "delivery", "dead-lettered", "reason", event.reason()));
        };
    }

    private static Map<String, Object> outboxDetails(PublishedEvent event, String delivery) {
        return TimelineText.details("eventId", event.eventId().toString(), "type", event.type(),
                "topic", event.topic(), "sequence", event.sequence(), "delivery", delivery,
                "partition", event.partition(), "offset", event.offset(), "sentAt", event.sentAt());
    }
}
