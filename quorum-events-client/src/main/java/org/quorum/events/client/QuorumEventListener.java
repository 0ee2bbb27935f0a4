package org.quorum.events.client;

/**
 * What a subscriber implements. Called on the consuming thread, in record order; an exception thrown here stops
 * the record's offset from being committed, so it is delivered again (at least once).
 */
public interface QuorumEventListener {

    /** An event not seen before, in sequence order for its key. */
    void onEvent(QuorumEvent event);

    /** Events of a key that will never arrive; called just before the event that revealed the gap. */
    default void onGap(Gap gap) {
    }

    /** An event not passed to {@link #onEvent}: a redelivery, or one older than what was handled for its key. */
    default void onDropped(QuorumEvent event, Drop reason) {
    }

    /** A record without value on the state topic: the instance {@code key} is gone from Quorum's history. */
    default void onTombstone(String topic, String key) {
    }
}
