package org.quorum.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.quorum.events.EventLog;
import org.quorum.events.EventsProperties;
import org.quorum.events.PublishedEvent;
import org.quorum.events.PublishedEvent.Delivery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The event log read from the outbox and the dead-letter table, which only this module knows. It lists the events
 * of the instance, not the records of its state on the state topic.
 */
@Component
class OutboxEventLog implements EventLog {

    private final JdbcTemplate jdbc;
    private final String stateTopic;

    OutboxEventLog(JdbcTemplate jdbc, EventsProperties properties) {
        this.jdbc = jdbc;
        this.stateTopic = properties.topics().state();
    }

    @Override
    public List<PublishedEvent> ofInstance(String processInstanceId, String rootProcessInstanceId, int limit) {
        List<PublishedEvent> events = new ArrayList<>(jdbc.query("""
                select o.event_id, o.topic, o.event_type, o.occurred_at, o.sequence, d.sent_at, d.kafka_partition,
                       d.kafka_offset
                from quorum_event_outbox o left join quorum_event_delivery d on d.id = o.id
                where o.record_key = ? and o.process_instance_id = ? and o.topic <> ?
                order by o.id limit ?""", (rs, n) -> {
            Instant sentAt = instant(rs, "sent_at");
            return new PublishedEvent(rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                    rs.getString("topic"), rs.getLong("sequence"), sentAt == null ? Delivery.PENDING : Delivery.SENT,
                    instant(rs, "occurred_at"), (Integer) rs.getObject("kafka_partition"),
                    (Long) rs.getObject("kafka_offset"), sentAt, null, null);
        }, rootProcessInstanceId, processInstanceId, stateTopic, limit));
        if (processInstanceId.equals(rootProcessInstanceId)) {
            events.addAll(jdbc.query("""
                    select event_id, topic, event_type, sequence, reason, failed_at
                    from quorum_event_dead_letter where record_key = ? and topic <> ? order by id limit ?""", (rs, n) ->
                    new PublishedEvent(rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                            rs.getString("topic"), (Long) rs.getObject("sequence"), Delivery.DEAD_LETTERED,
                            null, null, null, null, instant(rs, "failed_at"), rs.getString("reason")),
                    rootProcessInstanceId, stateTopic, limit));
        }
        return events;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
