package org.quorum.events.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    private static final String INSERT = """
            insert into quorum_event_outbox (event_id, topic, record_key, sequence, event_type, subject, occurred_at,
                process_definition_key, process_instance_id, root_process_instance_id, business_key, acting_for, data)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String NEXT_SEQUENCES = """
            insert into quorum_event_sequence (record_key, topic, last_sequence) values (?, ?, ?)
            on conflict (record_key, topic)
            do update set last_sequence = quorum_event_sequence.last_sequence + excluded.last_sequence,
                updated_at = now()
            returning last_sequence""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final DeadLetters deadLetters;
    private final OutboxSignal signal;

    TransactionalOutbox(JdbcTemplate jdbc, ObjectMapper json, DeadLetters deadLetters, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.deadLetters = deadLetters;
        this.signal = signal;
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
        currentBatch().events.add(new PendingEvent(UUID.randomUUID(), draft, data));
    }

    private Batch currentBatch() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Quorum events can only be recorded inside a transaction");
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Batch batch && batch.outbox() == this) {
                return batch;
            }
        }
        Batch batch = new Batch();
        TransactionSynchronizationManager.registerSynchronization(batch);
        return batch;
    }

    private void write(List<PendingEvent> events) {
        Map<StreamKey, List<PendingEvent>> byStream = new LinkedHashMap<>();
        for (PendingEvent event : events) {
            byStream.computeIfAbsent(new StreamKey(event.draft().key(), event.draft().topic()),
                    k -> new ArrayList<>()).add(event);
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        // Locks are taken in one global order so that two transactions touching the same instances cannot deadlock.
        byStream.entrySet().stream().sorted(Map.Entry.comparingByKey(StreamKey.ORDER)).forEach(stream -> {
            List<PendingEvent> streamEvents = stream.getValue();
            long last = jdbc.queryForObject(NEXT_SEQUENCES, Long.class,
                    stream.getKey().key(), stream.getKey().topic(), streamEvents.size());
            long sequence = last - streamEvents.size();
            for (PendingEvent event : streamEvents) {
                rows.add(row(event, ++sequence));
            }
        });
        rows.sort(Comparator.comparing((Object[] row) -> (String) row[2]).thenComparing(row -> (String) row[1])
                .thenComparingLong(row -> (Long) row[3]));
        jdbc.batchUpdate(INSERT, rows);
    }

    private static Object[] row(PendingEvent event, long sequence) {
        EventDraft d = event.draft();
        return new Object[] {event.eventId(), d.topic(), d.key(), sequence, d.type(), d.subject(),
                Timestamp.from(d.occurredAt()), d.processDefinitionKey(), d.processInstanceId(),
                d.rootProcessInstanceId(), d.businessKey(), d.actingFor(), event.data()};
    }

    private record StreamKey(String key, String topic) {
        static final Comparator<StreamKey> ORDER = Comparator.comparing(StreamKey::key).thenComparing(StreamKey::topic);
    }

    /** The events of one transaction; written before it commits. */
    private final class Batch implements TransactionSynchronization {

        private final List<PendingEvent> events = new ArrayList<>();

        TransactionalOutbox outbox() {
            return TransactionalOutbox.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!events.isEmpty()) {
                write(events);
            }
        }

        @Override
        public void afterCommit() {
            if (!events.isEmpty()) {
                signal.eventsCommitted();
            }
        }
    }
}
