package org.quorum.events.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Sends a batch of outbox rows to Kafka as CloudEvents and says which Kafka took, keeping each key's order: once
 * a row of a key fails for a passing reason, that key's later rows of the batch count as not taken either. A
 * row that can never be published (not a valid CloudEvent, or refused by Kafka for good) is dead-lettered.
 */
final class KafkaBatchSender {

    private final Producer<String, CloudEvent> producer;
    private final CloudEventMapper cloudEvents;
    private final DeadLetters deadLetters;
    private final KafkaAdmin kafkaAdmin;
    private boolean topicsReady;

    KafkaBatchSender(Producer<String, CloudEvent> producer, CloudEventMapper cloudEvents, DeadLetters deadLetters,
                     KafkaAdmin kafkaAdmin) {
        this.producer = producer;
        this.cloudEvents = cloudEvents;
        this.deadLetters = deadLetters;
        this.kafkaAdmin = kafkaAdmin;
    }

    /** A row Kafka took, where it put it. */
    record Sent(long id, int partition, long offset) {
    }

    /** The rows Kafka took; incomplete when some rows neither went out nor were dead-lettered. */
    record Outcome(List<Sent> sent, boolean incomplete) {
    }

    Outcome send(List<OutboxRow> rows) {
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
        return new Outcome(sent, incomplete);
    }

    /** After a round Kafka did not complete: the topics may be missing (Kafka was away at startup, say). */
    void checkTopicsNextTime() {
        topicsReady = false;
    }

    void close() {
        producer.close(Duration.ofSeconds(5));
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
     * for good (too large, say) fails at once as well, but only that row: it is dead-lettered and the rest of
     * the batch goes on.
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
