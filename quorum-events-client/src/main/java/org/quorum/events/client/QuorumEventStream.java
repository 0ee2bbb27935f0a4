package org.quorum.events.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A consumer loop around a subscribed {@code Consumer<String, byte[]>}: polls, hands each record to a
 * {@link QuorumEventReceiver}, and commits a record's offset only after the listener returned for it
 * (at least once). When the listener throws, the offsets it finished are committed and the consumer is moved
 * back to the record that failed, so the next poll delivers it again.
 */
public final class QuorumEventStream implements AutoCloseable {

    private final Consumer<String, byte[]> consumer;
    private final QuorumEventReceiver receiver;
    private final AtomicBoolean stopped = new AtomicBoolean();

    public QuorumEventStream(Consumer<String, byte[]> consumer, QuorumEventReceiver receiver) {
        this.consumer = consumer;
        this.receiver = receiver;
    }

    /**
     * Settings a consumer of Quorum's topics needs: manual commits (the stream commits), only committed
     * records (Quorum's relay may write transactionally), from the beginning for a new group.
     */
    public static Map<String, Object> consumerProperties(String bootstrapServers, String groupId) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    /** One poll: every record received goes to the listener, then its offsets are committed. */
    public int pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(timeout);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            try {
                receiver.accept(record);
            } catch (RuntimeException listenerFailed) {
                rewind(records, done);
                throw listenerFailed;
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        return records.count();
    }

    /** Polls until {@link #close()} is called from another thread. */
    public void run(Duration pollTimeout) {
        try {
            while (!stopped.get()) {
                pollOnce(pollTimeout);
            }
        } catch (WakeupException e) {
            if (!stopped.get()) {
                throw e;
            }
        }
    }

    /** Commits what was handled and puts every partition of the batch back at its first unhandled record. */
    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata handled = done.get(partition);
            consumer.seek(partition, handled != null ? handled.offset() : records.records(partition).get(0).offset());
        }
    }

    /** Stops {@link #run}; the consumer stays the caller's to close. */
    @Override
    public void close() {
        stopped.set(true);
        consumer.wakeup();
    }
}
