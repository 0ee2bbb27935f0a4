package org.quorum.events.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.quorum.events.EventsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Publishes outbox rows to Kafka in id order and marks them sent, on its own thread: the engine never waits
 * for Kafka. One node at a time relays (see {@link RelayLeadership}: the holder of a PostgreSQL advisory lock on
 * a dedicated session, confirmed on that session before every send and again, inside the statement, when
 * marking); the others stand by and take over within ten poll intervals if it dies or loses its session, so
 * every event goes out once in normal operation and one key's events keep their order. After a crash between
 * send and mark, or a lost session, the unmarked rows are sent again with the same CloudEvent id.
 * <p>
 * Written by hand because the libraries the issue names do not fit: Spring Modulith's event publication
 * registry does not order by key nor number events per instance, and Debezium would add a WAL connector
 * and a replication slot to every deployment for what one indexed query does here.
 */
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String SELECT_UNSENT = """
            select id, event_id, topic, record_key, sequence, event_type, subject, occurred_at, process_definition_key,
                   process_instance_id, root_process_instance_id, business_key, acting_for, data
            from quorum_event_outbox where sent_at is null order by id limit ?""";

    private static final String MARK_SENT = """
            update quorum_event_outbox o set sent_at = now(), kafka_partition = s.kafka_partition,
                kafka_offset = s.kafka_offset
            from unnest(?::bigint[], ?::integer[], ?::bigint[]) as s(id, kafka_partition, kafka_offset)
            where o.id = s.id and\s""" + RelayLeadership.HELD_BY_THIS_SESSION;

    private final RelayLeadership leadership;
    private final JdbcTemplate jdbc;
    private final Producer<String, CloudEvent> producer;
    private final CloudEventMapper cloudEvents;
    private final DeadLetters deadLetters;
    private final KafkaAdmin kafkaAdmin;
    private final EventsProperties.Relay settings;
    private final OutboxBacklog backlog;
    private final OutboxSignal signal;
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private volatile boolean topicsReady;
    private Thread thread;

    OutboxRelay(RelayLeadership leadership, JdbcTemplate jdbc, Producer<String, CloudEvent> producer,
                CloudEventMapper cloudEvents, DeadLetters deadLetters, KafkaAdmin kafkaAdmin,
                EventsProperties properties, OutboxBacklog backlog, OutboxSignal signal, MeterRegistry registry) {
        this.leadership = leadership;
        this.jdbc = jdbc;
        this.producer = producer;
        this.cloudEvents = cloudEvents;
        this.deadLetters = deadLetters;
        this.kafkaAdmin = kafkaAdmin;
        this.settings = properties.relay();
        this.backlog = backlog;
        this.signal = signal;
        this.published = Counter.builder("quorum.events.published").description("Events published to Kafka")
                .register(registry);
        this.failures = Counter.builder("quorum.events.publish.failures")
                .description("Relay rounds in which Kafka did not take every event").register(registry);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "quorum-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        leadership.release();
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                switch (round()) {
                    case AT_ONCE -> { }
                    case WHEN_WRITTEN -> signal.await(settings.pollInterval());
                    case AFTER_BACKOFF -> Thread.sleep(settings.retryBackoff().toMillis());
                    case STANDING_BY -> Thread.sleep(settings.pollInterval().multipliedBy(10).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay round failed; retrying in {}: {}", settings.retryBackoff(), e.toString());
                leadership.release();
                sleepQuietly(settings.retryBackoff());
            }
        }
    }

    /** When the relay goes again after a round. */
    enum Next {
        /** A full batch went out: more may be waiting. */
        AT_ONCE,
        /** The outbox is empty: on this node's next commit of events, or after the poll interval. */
        WHEN_WRITTEN,
        /** Kafka did not take everything. */
        AFTER_BACKOFF,
        /** Another node relays, or this one lost its session: try to take the lead after ten poll intervals. */
        STANDING_BY
    }

    /** One round: confirms that this node leads, then sends one batch; says when to go again. */
    Next round() {
        return leadership.confirm() ? relayOnce() : Next.STANDING_BY;
    }

    /** The database backend whose session holds the relay lock for this node; 0 when it does not lead. */
    int leaderBackendPid() {
        return leadership.backendPid();
    }

    private Next relayOnce() {
        List<OutboxRow> rows = jdbc.query(SELECT_UNSENT, ROW, settings.batchSize());
        backlog.checkThreshold();
        if (rows.isEmpty()) {
            return Next.WHEN_WRITTEN;
        }
        if (!topicsReady) {
            topicsReady = kafkaAdmin.initialize();
        }
        List<Future<RecordMetadata>> results = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            Future<RecordMetadata> result = send(row);
            results.add(result);
            if (unreachable(result)) {
                // Kafka is unreachable (send waited max.block.ms for metadata): do not wait once per row.
                break;
            }
        }
        producer.flush();
        List<Sent> sent = new ArrayList<>(rows.size());
        Set<String> blockedKeys = new HashSet<>();
        boolean incomplete = results.size() < rows.size();
        for (int i = 0; i < results.size(); i++) {
            OutboxRow row = rows.get(i);
            Future<RecordMetadata> result = results.get(i);
            if (result == null) {
                continue;
            }
            if (blockedKeys.contains(row.key())) {
                incomplete = true;
                continue;
            }
            try {
                RecordMetadata metadata = result.get();
                sent.add(new Sent(row.id(), metadata.partition(), metadata.offset()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RetriableException) {
                    // Keep this key's later events for the next round too, so that its order is kept.
                    blockedKeys.add(row.key());
                    incomplete = true;
                } else {
                    deadLetters.moveFromOutbox(row.id(), "Kafka rejected the record: " + e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sent.isEmpty()) {
            if (!markSent(sent)) {
                log.warn("This node lost the relay lock while sending {} events; it leaves them unmarked (the new "
                        + "leader sends them again with the same ids) and stands by", sent.size());
                return Next.STANDING_BY;
            }
            published.increment(sent.size());
        }
        if (incomplete) {
            failures.increment();
            topicsReady = false;
            log.warn("Kafka did not take {} of {} events; retrying in {}", rows.size() - sent.size(), rows.size(),
                    settings.retryBackoff());
            return Next.AFTER_BACKOFF;
        }
        return rows.size() < settings.batchSize() ? Next.WHEN_WRITTEN : Next.AT_ONCE;
    }

    /**
     * One statement, so one commit, for the whole batch: a JDBC batch of per-row updates on an auto-commit
     * connection commits (and, with synchronous_commit, waits for a WAL flush) once per row. A crash before this
     * commit resends the batch with the same ids, as it would for any row not yet marked. It runs on the session
     * that holds the relay lock and applies only while it does; false when this node no longer leads.
     */
    private boolean markSent(List<Sent> sent) {
        // The PostgreSQL driver binds Java arrays as SQL arrays.
        int marked = leadership.markIfLeading(MARK_SENT, sent.stream().map(Sent::id).toArray(Long[]::new),
                sent.stream().map(Sent::partition).toArray(Integer[]::new),
                sent.stream().map(Sent::offset).toArray(Long[]::new));
        // None marked: the session is gone (-1) or no longer holds the lock (0), as the rows were just read unsent.
        return marked > 0;
    }

    private record Sent(long id, int partition, long offset) {
    }

    private Future<RecordMetadata> send(OutboxRow row) {
        CloudEvent event;
        try {
            event = cloudEvents.toCloudEvent(row);
        } catch (RuntimeException e) {
            deadLetters.moveFromOutbox(row.id(), "Not a valid CloudEvent: " + e.getMessage());
            return null;
        }
        return producer.send(new ProducerRecord<>(row.topic(), row.key(), event));
    }

    /**
     * A send that already failed for a reason that will fail the rows behind it too. A record Kafka refuses
     * for good (too large, say) fails at once as well, but only that row: it is dead-lettered below and the
     * rest of the batch goes on.
     */
    private static boolean unreachable(Future<RecordMetadata> result) {
        if (result == null || !result.isDone()) {
            return false;
        }
        try {
            result.get();
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RetriableException;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final RowMapper<OutboxRow> ROW = (rs, n) -> new OutboxRow(
            rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("topic"), rs.getString("record_key"),
            rs.getLong("sequence"), rs.getString("event_type"), rs.getString("subject"),
            rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("process_definition_key"),
            rs.getString("process_instance_id"), rs.getString("root_process_instance_id"),
            rs.getString("business_key"), rs.getString("acting_for"), rs.getString("data"));

    /**
     * delivery.timeout.ms: a record Kafka may already have written but whose acknowledgement was lost (every
     * broker killed mid-request) is safe to retry only within the idempotent producer's own retries, which the
     * brokers deduplicate; once it expires, the row is sent again as a new record, a duplicate. Five minutes
     * covers a cluster restart (the fault suite's "all three brokers down for 60 s" repeated ids with 30 s).
     * The relay waits that long at most in one round; nothing else waits for it.
     */
    static Map<String, Object> producerOverrides() {
        return Map.of(
                "acks", "all",
                "enable.idempotence", true,
                "max.in.flight.requests.per.connection", 5,
                "linger.ms", 5,
                "max.block.ms", 5_000,
                "request.timeout.ms", 10_000,
                "delivery.timeout.ms", 300_000);
    }
}
