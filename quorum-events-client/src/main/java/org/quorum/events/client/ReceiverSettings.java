package org.quorum.events.client;

/**
 * How much a {@link QuorumEventReceiver} remembers.
 *
 * @param deduplicationWindow how many recent event ids are remembered to drop redeliveries (least recently seen
 *        forgotten first)
 * @param trackedKeys how many keys (process instances) keep their last sequence for gap detection; a key
 *        forgotten and seen again starts afresh, as a new key does
 * @param readsFromFirstSequence true when the consumer reads its topics from the very beginning, so a key's first
 *        event must be sequence 1 and anything later is reported as a gap (events lost to retention); false
 *        (the default) when it may join a key midway, e.g. after a restart, so a key's first event sets the mark
 */
public record ReceiverSettings(int deduplicationWindow, int trackedKeys, boolean readsFromFirstSequence) {

    public ReceiverSettings {
        if (deduplicationWindow < 1 || trackedKeys < 1) {
            throw new IllegalArgumentException("deduplicationWindow and trackedKeys must be at least 1, not "
                    + deduplicationWindow + " and " + trackedKeys);
        }
    }

    public static ReceiverSettings defaults() {
        return new ReceiverSettings(10_000, 100_000, false);
    }

    public ReceiverSettings withDeduplicationWindow(int ids) {
        return new ReceiverSettings(ids, trackedKeys, readsFromFirstSequence);
    }

    public ReceiverSettings withTrackedKeys(int keys) {
        return new ReceiverSettings(deduplicationWindow, keys, readsFromFirstSequence);
    }

    public ReceiverSettings readingFromFirstSequence() {
        return new ReceiverSettings(deduplicationWindow, trackedKeys, true);
    }
}
