package org.quorum.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events Quorum published (or is about to publish, or gave up on) for an instance, with their delivery
 * state, from the event outbox and its dead-letter table. Sent rows stay in the outbox for
 * {@code quorum.events.relay.retention} (7 days by default); older ones are no longer listed.
 */
@Component
class PublishedEvents {

    record Row(Instant occurredAt, String kind, String summary, Map<String, Object> details) {
    }

    private final JdbcTemplate jdbc;

    PublishedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Events of the instance itself. Dead letters carry only the root instance id (their record key), so they are
     * listed with the root instance.
     */
    List<Row> of(String processInstanceId, String rootProcessInstanceId, int limit) {
        List<Row> rows = new ArrayList<>(jdbc.query("""
                select event_id, topic, event_type, occurred_at, sequence, sent_at, kafka_partition, kafka_offset
                from quorum_event_outbox where record_key = ? and process_instance_id = ?
                order by id limit ?""", (rs, n) -> {
            String type = rs.getString("event_type");
            boolean sent = rs.getTimestamp("sent_at") != null;
            Map<String, Object> details = TimelineBuilder.details("eventId", rs.getString("event_id"),
                    "type", type, "topic", rs.getString("topic"), "sequence", rs.getLong("sequence"),
                    "delivery", sent ? "sent" : "pending",
                    "partition", rs.getObject("kafka_partition"), "offset", rs.getObject("kafka_offset"),
                    "sentAt", sent ? rs.getTimestamp("sent_at").toInstant() : null);
            String summary = sent
                    ? "Event " + type + " published to " + rs.getString("topic") + " (partition "
                            + rs.getObject("kafka_partition") + ", offset " + rs.getObject("kafka_offset") + ")"
                    : "Event " + type + " waiting to be published to " + rs.getString("topic");
            return new Row(rs.getTimestamp("occurred_at").toInstant(), sent ? "event.published" : "event.pending",
                    summary, details);
        }, rootProcessInstanceId, processInstanceId, limit));
        if (processInstanceId.equals(rootProcessInstanceId)) {
            rows.addAll(jdbc.query("""
                    select event_id, topic, event_type, sequence, reason, failed_at
                    from quorum_event_dead_letter where record_key = ? order by id limit ?""", (rs, n) -> {
                String type = rs.getString("event_type");
                return new Row(rs.getTimestamp("failed_at").toInstant(), "event.dead-lettered",
                        "Event " + type + " could not be published: " + rs.getString("reason"),
                        TimelineBuilder.details("eventId", rs.getString("event_id"), "type", type,
                                "topic", rs.getString("topic"), "sequence", rs.getObject("sequence"),
                                "delivery", "dead-lettered", "reason", rs.getString("reason")));
            }, rootProcessInstanceId, limit));
        }
        return rows;
    }
}
