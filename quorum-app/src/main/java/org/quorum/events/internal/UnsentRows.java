package org.quorum.events.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Reads the relay's next batch: the oldest unsent outbox rows, in id (so commit, so per-key) order. */
final class UnsentRows {

    private static final String SELECT_UNSENT = """
            select id, event_id, topic, record_key, sequence, event_type, subject, occurred_at, process_definition_key,
                   process_instance_id, root_process_instance_id, business_key, acting_for, data
            from quorum_event_outbox where sent_at is null order by id limit ?""";

    private static final RowMapper<OutboxRow> ROW = (rs, n) -> new OutboxRow(
            rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("topic"), rs.getString("record_key"),
            rs.getLong("sequence"), rs.getString("event_type"), rs.getString("subject"),
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("process_definition_key"),
            rs.getString("process_instance_id"), rs.getString("root_process_instance_id"),
            rs.getString("business_key"), rs.getString("acting_for"), rs.getString("data"));

    private final JdbcTemplate jdbc;

    UnsentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<OutboxRow> next(int batchSize) {
        return jdbc.query(SELECT_UNSENT, ROW, batchSize);
    }
}
