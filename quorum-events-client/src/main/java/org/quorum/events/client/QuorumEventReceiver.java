package org.quorum.events.client;

import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns Kafka records into listener calls: parses, drops redeliveries by CloudEvent id and stale sequences,
 * and reports gaps in each key's sequence. Works with any consumer loop: hand it every record in the order
 * polled. Not thread-safe, like the Kafka consumer it serves.
 *
 * <p>The state topic's sequence is that of the last lifecycle event a state reflects, and compaction removes
 * superseded states, so states are deduplicated by id but not checked for gaps.
 */
public final class QuorumEventReceiver {

    private final QuorumEventListener listener;
    private final QuorumEventParser parser = new QuorumEventParser();
    private final Map<String, Boolean> recentIds;
    private final SequenceTracker sequences;

    public QuorumEventReceiver(QuorumEventListener listener) {
        this(listener, ReceiverSettings.defaults());
    }

    public QuorumEventReceiver(QuorumEventListener listener, ReceiverSettings settings) {
        this.listener = listener;
        this.recentIds = new LruMap<>(settings.deduplicationWindow());
        this.sequences = new SequenceTracker(settings.trackedKeys(), settings.readsFromFirstSequence());
    }

    /**
     * Where {@code key} stood when this subscriber last stopped, as it stored it with its own data: after a
     * restart the receiver remembers nothing, so without this a gap across the restart goes unnoticed.
     */
    public void lastHandled(String topic, String key, long sequence) {
        sequences.handled(topic, key, sequence);
    }

    /** A record as read with {@code StringDeserializer} and {@code ByteArrayDeserializer}. */
    public void accept(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            listener.onTombstone(record.topic(), record.key());
            return;
        }
        accept(record.topic(), record.key(), parser.cloudEvent(record.topic(), record.headers(), record.value()));
    }

    /**
     * A record already read with the SDK's {@code CloudEventDeserializer}. A tombstone arrives as a null event,
     * or, when its {@code ce_*} headers were kept, as a state event without data.
     */
    public void accept(String topic, String key, CloudEvent cloudEvent) {
        if (isTombstone(cloudEvent)) {
            listener.onTombstone(topic, key);
            return;
        }
        QuorumEvent event = parser.parse(cloudEvent);
        String id = event.envelope().id();
        Long sequence = sequenceToTrack(event);
        String sequenceKey = key != null ? key : event.envelope().rootProcessInstanceId();
        if (recentIds.get(id) != null) {
            listener.onDropped(event, Drop.REPEATED_ID);
            return;
        }
        if (sequence != null && sequences.isStale(topic, sequenceKey, sequence)) {
            recentIds.put(id, Boolean.TRUE);
            listener.onDropped(event, Drop.STALE_SEQUENCE);
            return;
        }
        if (sequence != null) {
            Gap gap = sequences.gapBefore(topic, sequenceKey, sequence);
            if (gap != null) {
                listener.onGap(gap);
            }
        }
        listener.onEvent(event);
        // Only once the listener returned: an event it failed on must pass again when redelivered.
        recentIds.put(id, Boolean.TRUE);
        if (sequence != null) {
            sequences.handled(topic, sequenceKey, sequence);
        }
    }

    private static boolean isTombstone(CloudEvent event) {
        return event == null || (event.getData() == null && EventTypes.PROCESS_STATE.equals(event.getType()));
    }

    private static Long sequenceToTrack(QuorumEvent event) {
        return event instanceof QuorumEvent.ProcessStateChanged ? null : event.envelope().sequence();
    }
}
