package org.quorum.events.internal;

import java.util.List;

/**
 * Marks a batch sent, with the partition and offset Kafka gave each row, on the relay's own session and only
 * while that session holds the relay lock (see {@link RelayLeadership}).
 */
final class SentMarks {

    private static final String MARK_SENT = """
            update quorum_event_outbox o set sent_at = now(), kafka_partition = s.kafka_partition,
                kafka_offset = s.kafka_offset
            from unnest(?::bigint[], ?::integer[], ?::bigint[]) as s(id, kafka_partition, kafka_offset)
            where o.id = s.id and\s""" + RelayLeadership.HELD_BY_THIS_SESSION;

    private final RelayLeadership leadership;

    SentMarks(RelayLeadership leadership) {
        this.leadership = leadership;
    }

    /**
     * One statement, so one commit, for the whole batch: a JDBC batch of per-row updates on an auto-commit
     * connection commits (and, with synchronous_commit, waits for a WAL flush) once per row. A crash before this
     * commit resends the batch with the same ids, as it would for any row not yet marked. False when this node
     * no longer leads.
     */
    boolean mark(List<KafkaBatchSender.Sent> sent) {
        // The PostgreSQL driver binds Java arrays as SQL arrays.
        int marked = leadership.markIfLeading(MARK_SENT,
                sent.stream().map(KafkaBatchSender.Sent::id).toArray(Long[]::new),
                sent.stream().map(KafkaBatchSender.Sent::partition).toArray(Integer[]::new),
                sent.stream().map(KafkaBatchSender.Sent::offset).toArray(Long[]::new));
        // None marked: the session is gone (-1) or no longer holds the lock (0), as the rows were just read unsent.
        return marked > 0;
    }
}
