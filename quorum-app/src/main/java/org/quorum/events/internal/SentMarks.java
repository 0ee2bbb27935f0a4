package org.quorum.events.internal;

import java.util.List;

/**
 * Marks a batch sent, with the partition and offset Kafka gave each row, on the relay's own session and only
 * while that session holds the relay lock (see {@link RelayLeadership}).
 */
final class SentMarks {

    /**
     * Takes the batch's ids out of the pending table and records each delivery, in one statement that changes
     * nothing unless this session holds the relay lock. The outbox rows themselves are not touched: a delete
     * writes no new row version and no index entry, and the delivery is a narrow row appended in id order, where
     * an update of the outbox row rewrote it whole with two index entries (migration V105).
     */
    private static final String MARK_SENT = """
            with marked as (
                delete from quorum_event_pending where id = any(?::bigint[])
                and\s""" + RelayLeadership.HELD_BY_THIS_SESSION + """
                returning id)
            insert into quorum_event_delivery (id, kafka_partition, kafka_offset, sent_at)
            select s.id, s.kafka_partition, s.kafka_offset, now()
            from unnest(?::bigint[], ?::integer[], ?::bigint[]) as s(id, kafka_partition, kafka_offset)
            join marked on marked.id = s.id
            order by s.id""";

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
        Long[] ids = sent.stream().map(KafkaBatchSender.Sent::id).toArray(Long[]::new);
        int marked = leadership.markIfLeading(MARK_SENT, ids, ids,
                sent.stream().map(KafkaBatchSender.Sent::partition).toArray(Integer[]::new),
                sent.stream().map(KafkaBatchSender.Sent::offset).toArray(Long[]::new));
        // None marked: the session is gone (-1) or no longer holds the lock (0), as the rows were just read unsent.
        return marked > 0;
    }
}
