package org.quorum.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.quorum.events.client.QuorumEvent;
import org.quorum.events.client.QuorumEventParser;

/**
 * A plain Kafka consumer, as a downstream system would run one, reading topics from the beginning. Every record
 * it receives is also read through the consumer kit (quorum-events-client), so an event the kit's typed records
 * cannot read fails the test that received it.
 */
public final class EventsConsumer implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final QuorumEventParser kit = new QuorumEventParser();
    private final List<ConsumerRecord<String, CloudEvent>> received = new ArrayList<>();
    private final Map<String, QuorumEvent> typed = new HashMap<>();

    public EventsConsumer(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Polls until the records of {@code key} satisfy {@code done}; returns them in the order received. */
    public List<ConsumerRecord<String, CloudEvent>> awaitKey(String key,
            Predicate<List<ConsumerRecord<String, CloudEvent>>> done, Duration atMost) {
        Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(this::receive);
                    return done.test(ofKey(key));
                });
        return ofKey(key);
    }

    /** Everything received so far, after one more short poll. */
    public List<ConsumerRecord<String, CloudEvent>> drain() {
        consumer.poll(Duration.ofMillis(500)).forEach(this::receive);
        return List.copyOf(received);
    }

    public List<ConsumerRecord<String, CloudEvent>> ofKey(String key) {
        return received.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** The records of {@code key} as the kit's typed events, in the order received. */
    public List<QuorumEvent> eventsOfKey(String key) {
        return ofKey(key).stream().map(this::typed).toList();
    }

    public QuorumEvent typed(ConsumerRecord<String, CloudEvent> record) {
        return typed.get(record.value().getId());
    }

    /** A state topic's tombstone has no data and no typed event; the kit reports it to a listener instead. */
    private void receive(ConsumerRecord<String, CloudEvent> record) {
        received.add(record);
        if (record.value() != null && record.value().getData() != null) {
            typed.put(record.value().getId(), kit.parse(record.value()));
        }
    }

    public static boolean hasType(List<ConsumerRecord<String, CloudEvent>> records, String type) {
        return records.stream().anyMatch(r -> r.value().getType().equals(type));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
