package org.quorum.events.client;

import java.util.Map;

/** The last sequence handled per topic and key, to tell the next event from a stale one and from a gap. */
final class SequenceTracker {

    private record TopicKey(String topic, String key) {
    }

    private final Map<TopicKey, Long> last;
    private final boolean fromFirst;

    SequenceTracker(int trackedKeys, boolean fromFirst) {
        this.last = new LruMap<>(trackedKeys);
        this.fromFirst = fromFirst;
    }

    boolean isStale(String topic, String key, long sequence) {
        Long seen = last.get(new TopicKey(topic, key));
        return seen != null && sequence <= seen;
    }

    /** The numbers missing before {@code sequence}, or null when it follows on from what was handled. */
    Gap gapBefore(String topic, String key, long sequence) {
        Long seen = last.get(new TopicKey(topic, key));
        long expected = seen != null ? seen + 1 : fromFirst ? 1 : sequence;
        return sequence > expected ? new Gap(topic, key, expected, sequence - 1) : null;
    }

    void handled(String topic, String key, long sequence) {
        last.put(new TopicKey(topic, key), sequence);
    }
}
