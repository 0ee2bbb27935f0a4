package org.quorum.events.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.quorum.events.EventsProperties;
import org.quorum.history.TransactionBatch;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes events into the outbox table inside the transaction of the engine state they describe.
 * <p>
 * Events are collected while the engine command runs and written just before commit. At that moment each
 * key's sequence counter is incremented (a row lock held until commit), so concurrent transactions of one
 * process instance take their numbers, and their outbox ids, in commit order: the relay, reading by id,
 * then publishes one key's events in sequence order with no gaps. Nothing is written for a transaction that
 * rolls back.
 */
@Component
class TransactionalOutbox {

    /**
     * One statement per key and topic: takes the key's next sequence numbers (the row lock of the increment is
     * held until commit) and inserts all of the transaction's events of that key, numbered in the order they
     * happened, registers them as pending for the relay ({@code quorum_event_pending}), and returns the last number
     * each process instance got. One statement instead of an upsert and a
     * batch of one insert per event: PostgreSQL shares the two cores with the engine, and each statement it executes
     * costs about the same whatever it writes.
     */
    private static final String WRITE_STREAM = """
            with next as (
                insert into quorum_event_sequence (record_key, topic, last_sequence) values (?, ?, ?)
                on conflict (record_key, topic)
                do update set last_sequence = quorum_event_sequence.last_sequence + excluded.last_sequence,
                    updated_at = now()
                returning last_sequence),
            written as (
                insert into quorum_event_outbox (event_id, topic, record_key, sequence, event_type, subject,
                    occurred_at, process_definition_key, process_instance_id, root_process_instance_id, business_key,
                    acting_for, data)
                select e.event_id, ?, ?, next.last_sequence - ? + e.n, e.event_type, e.subject, e.occurred_at,
                    e.process_definition_key, e.process_instance_id, e.root_process_instance_id, e.business_key,
                    e.acting_for, e.data
                from next, unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[], ?::varchar[],
                        ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[])
                    with ordinality as e(event_id, event_type, subject, occurred_at, process_definition_key,
                        process_instance_id, root_process_instance_id, business_key, acting_for, data, n)
                order by e.n
                returning id, process_instance_id, sequence),
            pending as (
                insert into quorum_event_pending (id) select id from written)
            select process_instance_id, max(sequence) as sequence from written group by process_instance_id""";

    /**
     * The outbox writes a transaction's events first, then the process state projection its records, then the
     * other batches: one fixed order, so that transactions take their row locks in the same order.
     */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 2;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final DeadLetters deadLetters;
    private final String processTopic;
    private final TransactionBatch<PendingEvent> batch;
    /** The last lifecycle sequence each process instance got in the current transaction; nothing to do at commit. */
    private final TransactionBatch<Numbered> numbered = new TransactionBatch<>("Lifecycle sequences", items -> { });

    TransactionalOutbox(JdbcTemplate jdbc, ObjectMapper json, DeadLetters deadLetters, OutboxSignal signal,
                        EventsProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.deadLetters = deadLetters;
        this.processTopic = properties.topics().process();
        this.batch = new TransactionBatch<>("Quorum events", ORDER, new TransactionBatch.Owner<>() {
            @Override
            public void beforeCommit(List<PendingEvent> events) {
                write(events);
            }

            @Override
            public void afterCommit(List<PendingEvent> events) {
                signal.eventsCommitted();
            }
        });
    }

    /** Adds an event to the current transaction; it is written only if the transaction commits. */
    void add(EventDraft draft) {
        String data;
        try {
            data = json.writeValueAsString(draft.data());
        } catch (JsonProcessingException e) {
            deadLetters.record(UUID.randomUUID(), draft.topic(), draft.key(), null, draft.type(),
                    String.valueOf(draft.data()), "Data cannot be serialised to JSON: " + e.getOriginalMessage());
            return;
        }
        batch.add(new PendingEvent(UUID.randomUUID(), draft, data));
    }

    /**
     * The sequence of the last lifecycle event of each process instance written in the current transaction so far;
     * complete once the outbox wrote the transaction's events (the batch of order {@link #ORDER}).
     */
    Map<String, Long> lifecycleSequences() {
        Map<String, Long> sequences = new HashMap<>();
        numbered.items().forEach(n -> sequences.merge(n.processInstanceId(), n.sequence(), Math::max));
        return sequences;
    }

    /** Writes events now, in the current transaction: for writers that run at its commit themselves. */
    void write(List<PendingEvent> events) {
        Map<StreamKey, List<PendingEvent>> byStream = new LinkedHashMap<>();
        for (PendingEvent event : events) {
            byStream.computeIfAbsent(new StreamKey(event.draft().key(), event.draft().topic()),
                    k -> new ArrayList<>()).add(event);
        }
        // Locks are taken in one global order so that two transactions touching the same instances cannot deadlock.
        byStream.entrySet().stream().sorted(Map.Entry.comparingByKey(StreamKey.ORDER))
                .forEach(stream -> writeStream(stream.getKey(), stream.getValue()));
    }

    private void writeStream(StreamKey stream, List<PendingEvent> events) {
        long n = events.size();
        // Each column an array, bound as an SQL array by the PostgreSQL driver; unnest turns them back into rows.
        List<Numbered> written = jdbc.query(WRITE_STREAM,
                (rs, row) -> new Numbered(rs.getString("process_instance_id"), rs.getLong("sequence")),
                stream.key(), stream.topic(), n, stream.topic(), stream.key(), n,
                column(events, event -> event.eventId().toString()),
                column(events, event -> event.draft().type()),
                column(events, event -> event.draft().subject()),
                column(events, event -> event.draft().occurredAt().toString()),
                column(events, event -> event.draft().processDefinitionKey()),
                column(events, event -> event.draft().processInstanceId()),
                column(events, event -> event.draft().rootProcessInstanceId()),
                column(events, event -> event.draft().businessKey()),
                column(events, event -> event.draft().actingFor()),
                column(events, PendingEvent::data));
        if (stream.topic().equals(processTopic)) {
            written.stream().filter(w -> w.processInstanceId() != null).forEach(numbered::add);
        }
    }

    private static String[] column(List<PendingEvent> events, Function<PendingEvent, String> value) {
        return events.stream().map(value).toArray(String[]::new);
    }

    private record Numbered(String processInstanceId, long sequence) {
    }

    private record StreamKey(String key, String topic) {
        static final Comparator<StreamKey> ORDER = Comparator.comparing(StreamKey::key).thenComparing(StreamKey::topic);
    }
}
