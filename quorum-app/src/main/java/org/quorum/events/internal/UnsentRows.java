package org.quorum.events.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Reads the relay's next batch: the oldest unsent outbox rows, in id (so commit, so per-key) order. Unsent rows
 * are those whose id is still in {@code quorum_event_pending}.
 * <p>
 * The batch's ids are taken first, then their rows by primary key. Written as a join, the planner may instead walk
 * the outbox's primary key from its first row until it meets the first pending id (a merge or nested loop driven by
 * the outbox, which it prices as cheap under the limit): 213 ms a batch instead of 0.7 ms with 70,000 rows sent
 * before the first pending one, and a drain of 1,773 events/s in the benchmark.
 */
final class UnsentRows {

    private static final String SELECT_UNSENT = """
            select o.id, o.event_id, o.topic, o.record_key, o.sequence, o.event_type, o.subject, o.occurred_at,
                   o.process_definition_key, o.process_instance_id, o.root_process_instance_id, o.business_key,
                   o.acting_for, o.data
            from quorum_event_outbox o
            where o.id = any(array(select p.id from quorum_event_pending p order by p.id limit ?))
            order by o.id""";

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
